/**
 * Engine failures, at start-up and at run time.
 *
 * Specification:
 * - Neo4j unreachable (NEO4J_URI at 127.0.0.1:1): the process exits 1 with
 *   one line on stderr naming the engine, the URI and the cause; no stack.
 * - The embedded directory locked by another running server: the second
 *   process exits 1 with one line saying it is locked and what to do; the
 *   first server keeps serving.
 * - An invalid configuration exits 2 with one line naming the variable.
 * - The graph going away under a running server: queries get
 *   SERVICE_UNAVAILABLE (retryable), /readyz says 503, /healthz stays up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type TestServer, startTestServer } from '../helpers/server-helper';
import {
  type ChildServer,
  errorsOf,
  figure,
  postRaw,
  printFigures,
  runChildToExit,
  startChildServer,
} from './support';

const SUITE = 'engine-failure';

/** The meaningful lines of a process's stderr (Node may add an experimental-loader warning). */
const linesOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '' && !/ExperimentalWarning|--trace-warnings/.test(l));

describe('start-up failures', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-engine-'));
  let first: ChildServer | undefined;

  afterAll(async () => {
    await first?.stop();
    printFigures(SUITE);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 with one clear line when Neo4j is unreachable', async () => {
    const run = await runChildToExit({
      PORT: '0',
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_PASSWORD: 'not-used',
    });
    figure(SUITE, 'neo4j unreachable: ms to exit', Math.round(run.ms));
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Cannot start: the neo4j graph at bolt:\/\/127\.0\.0\.1:1 failed to open\. GRAPH_UNAVAILABLE: .*ECONNREFUSED/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).not.toContain('ready at');
  });

  it('exits 1 with one clear line when another server holds the embedded directory, and the first keeps serving', async () => {
    const dbPath = path.join(dir, 'graph.lbug');
    first = await startChildServer({ EMBEDDED_DB_PATH: dbPath });
    const port = String(first.port + 1);
    const run = await runChildToExit({ PORT: port, EMBEDDED_DB_PATH: dbPath });
    figure(SUITE, 'locked directory: ms to exit', Math.round(run.ms));
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `Cannot start: the embedded graph at ${dbPath} failed to open. GRAPH_LOCKED:`,
    );
    expect(lines[0]).toMatch(/locked by another process/);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const res = await postRaw(first.url, { query: '{ graphStats { nodes } }' });
    expect(res.body.data.graphStats.nodes).toBeGreaterThan(0);
  });

  it('exits 2 with one line naming the variable when the configuration is invalid', async () => {
    const run = await runChildToExit({
      PORT: '0',
      API_TOKEN: 'short',
      EMBEDDED_DB_PATH: path.join(dir, 'unused.lbug'),
    });
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([
      expect.stringContaining('API_TOKEN must be at least 16 characters'),
    ]);
  });
});

describe('the graph going away under a running server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop().catch(() => undefined);
  });

  it('answers SERVICE_UNAVAILABLE (retryable), /readyz 503 and /healthz 200', async () => {
    await server.graph.port.close();
    const res = await postRaw(server.url, {
      query: '{ graphStats { nodes } people { totalCount } }',
    });
    expect(res.status).toBeLessThan(500);
    const errors = errorsOf(res.body);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors)
      expect({ code: e.extensions?.code, retryable: e.extensions?.retryable }).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        retryable: expect.any(Boolean),
      });
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});
