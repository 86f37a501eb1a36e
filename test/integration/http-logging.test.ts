/**
 * The per-operation log line: at info only when the operation failed or was
 * slow (SLOW_OPERATION_MS), at debug otherwise, so that a busy server does not
 * write a line per request at the default level.
 */
import pino from 'pino';
import { SLOW_OPERATION_MS } from '../../src/server/apollo-server';
import { type RunningServer, startHttpServer } from '../../src/server/http-server';
import { type TestGraph, openTestGraph } from '../helpers/graph-helper';
import { DEFAULT_TEST_CONFIG } from '../helpers/server-helper';

interface LogLine {
  level: number;
  msg: string;
  operationName?: string;
  errors?: number;
  durationMs?: number;
}

const INFO = 30;
const DEBUG = 20;

describe('graphql operation log line', () => {
  const lines: LogLine[] = [];
  let graph: TestGraph;
  let server: RunningServer;

  beforeAll(async () => {
    graph = await openTestGraph({ seed: true });
    server = await startHttpServer(
      DEFAULT_TEST_CONFIG,
      graph.graph,
      pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) }),
    );
  });

  afterAll(async () => {
    await server.shutdown();
    await graph.close();
  });

  const run = async (query: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    await res.json();
    return lines.filter((l) => l.msg === 'graphql operation');
  };

  it('logs a fast successful operation at debug', async () => {
    const logged = await run('query FastLookup { person(id: "antony-blinken") { id name } }');
    const line = logged.find((l) => l.operationName === 'FastLookup');
    expect(line).toMatchObject({ level: DEBUG, errors: 0 });
    expect(line!.durationMs).toBeLessThan(SLOW_OPERATION_MS);
  });

  it('logs a failed operation at info', async () => {
    // No token: the write is refused with UNAUTHENTICATED.
    const logged = await run(
      'mutation RefusedWrite { upsertPerson(input: { id: "log-x", name: "X" }) { id } }',
    );
    expect(logged.find((l) => l.operationName === 'RefusedWrite')).toMatchObject({
      level: INFO,
      errors: 1,
    });
  });
});
