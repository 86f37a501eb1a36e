/**
 * The real server process over an on-disk embedded graph: first start seeds
 * it, writes survive a restart, a restart never seeds twice, and SIGTERM lets
 * an in-flight request finish before the process exits with code 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ServeProcess,
  freePort,
  killStartedProcesses,
  logLines,
  startServe,
} from '../helpers/process-helper';

jest.setTimeout(120_000);

const TOKEN = 'lifecycle-token-0123456789';
/** Aliases in the slow request; MAX_ALIASES is raised to allow them. */
const SLOW_ALIASES = 80;

interface Stats {
  nodes: number;
  relationships: number;
}

describe('server lifecycle on an on-disk embedded graph', () => {
  let dir: string;
  let port: number;
  let env: Record<string, string>;
  let server: ServeProcess | undefined;
  let seeded: Stats;

  const url = () => `http://127.0.0.1:${port}/graphql`;

  async function gql(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: any;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      },
    };
  }

  async function stats(): Promise<Stats> {
    const res = await gql('{ graphStats { nodes relationships } }');
    expect(res.body.errors).toBeUndefined();
    return res.body.data.graphStats as Stats;
  }

  async function stop(serve: ServeProcess, signal: NodeJS.Signals) {
    serve.signal(signal);
    const result = await serve.exited;
    expect(result.timedOut).toBe(false);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    return result;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-lifecycle-'));
    port = await freePort();
    env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_DB_PATH: path.join(dir, 'graph.lbug'),
      API_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      MAX_ALIASES: String(SLOW_ALIASES),
      SHUTDOWN_GRACE_MS: '60000',
      // The slow request must not hit the per-request deadline on a loaded machine.
      QUERY_TIMEOUT_MS: '60000',
    };
  });

  afterAll(async () => {
    await killStartedProcesses();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on an empty path, seeds it once and answers', async () => {
    server = await startServe(env, { timeoutMs: 110_000 });
    const seedLines = logLines(server.stdout()).filter(
      (l) => l.msg === 'loaded the article seed into an empty graph',
    );
    expect(seedLines).toHaveLength(1);
    expect(server.stdout()).toContain(
      `Knowledge graph API ready at http://127.0.0.1:${port}/graphql (engine: embedded, ${env.EMBEDDED_DB_PATH})`,
    );
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', engine: 'embedded' });
    seeded = await stats();
    expect(seeded.nodes).toBeGreaterThan(0);
    expect(seeded.relationships).toBeGreaterThan(0);
    expect(seedLines[0]).toMatchObject({
      nodes: seeded.nodes,
      relationships: seeded.relationships,
    });
  });

  it('writes through a mutation with the API token', async () => {
    const res = await gql(
      'mutation($input: EntityInput!) { upsertPerson(input: $input) { id name description } }',
      {
        input: {
          id: 'lifecycle-person',
          name: 'Lifecycle Person',
          description: 'Written before a restart.',
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.upsertPerson).toEqual({
      id: 'lifecycle-person',
      name: 'Lifecycle Person',
      description: 'Written before a restart.',
    });
    expect(await stats()).toEqual({ nodes: seeded.nodes + 1, relationships: seeded.relationships });
  });

  it('on SIGTERM lets an in-flight request finish with 200, then exits with code 0', async () => {
    const serve = server as ServeProcess;
    const aliases = Array.from(
      { length: SLOW_ALIASES },
      (_, i) => `p${i}: path(from: "antony-blinken", to: "kursk-region", maxHops: 6) { length }`,
    );
    const started = Date.now();
    const slow = gql(`query SlowShutdownProbe { ${aliases.join(' ')} }`);
    // Let the request reach the server, then ask it to stop while it works.
    await new Promise((resolve) => setTimeout(resolve, 400));
    serve.signal('SIGTERM');
    const signalledAfterMs = Date.now() - started;

    const res = await slow;
    const tookMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(Object.keys(res.body.data)).toHaveLength(SLOW_ALIASES);
    expect(res.body.data.p0).not.toBeNull();

    const result = await serve.exited;
    server = undefined;
    expect(result.timedOut).toBe(false);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);

    // The log proves the request was still running when the shutdown began.
    const logs = logLines(result.stdout);
    const shuttingDown = logs.findIndex((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM');
    const operation = logs.findIndex(
      (l) => l.msg === 'graphql operation' && l.operationName === 'SlowShutdownProbe',
    );
    const stopped = logs.findIndex((l) => l.msg === 'stopped');
    expect(shuttingDown).toBeGreaterThanOrEqual(0);
    expect(operation).toBeGreaterThan(shuttingDown);
    expect(stopped).toBeGreaterThan(operation);
    expect(tookMs).toBeGreaterThan(signalledAfterMs);
  });

  it('restarts on the same path without seeding again: same counts, the write survived; SIGINT exits with 0', async () => {
    const serve = await startServe(env, { timeoutMs: 110_000 });
    server = serve;
    expect(
      logLines(serve.stdout()).some((l) => l.msg === 'loaded the article seed into an empty graph'),
    ).toBe(false);
    expect(await stats()).toEqual({ nodes: seeded.nodes + 1, relationships: seeded.relationships });
    const res = await gql('{ person(id: "lifecycle-person") { id name description } }');
    expect(res.body.data.person).toEqual({
      id: 'lifecycle-person',
      name: 'Lifecycle Person',
      description: 'Written before a restart.',
    });
    // SIGINT (Ctrl-C) stops it as cleanly as SIGTERM.
    const result = await stop(serve, 'SIGINT');
    server = undefined;
    expect(logLines(result.stdout).map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'stopped']),
    );
  });
});
