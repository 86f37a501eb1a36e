/**
 * Startup failures of the real server process (`src/cli/serve.ts`): a bad
 * configuration exits with code 2, an unreachable graph with code 1, each
 * with one clear line on stderr and nothing else.
 */
import { type ProcessResult, killStartedProcesses, runServe } from '../helpers/process-helper';

jest.setTimeout(90_000);

const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

describe('server startup with an invalid configuration', () => {
  const cases = {
    port: { PORT: 'abc' },
    neo4jUri: { NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'x' },
    apiToken: { API_TOKEN: 'short' },
    several: { PORT: '70000', LOG_LEVEL: 'loud' },
    unreachable: { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' },
  } satisfies Record<string, Record<string, string>>;
  const results: Partial<Record<keyof typeof cases, ProcessResult>> = {};

  beforeAll(async () => {
    // The processes are independent: run them side by side.
    await Promise.all(
      Object.entries(cases).map(async ([name, env]) => {
        results[name as keyof typeof cases] = await runServe(env, { timeoutMs: 60_000 });
      }),
    );
  });

  afterAll(killStartedProcesses);

  const result = (name: keyof typeof cases): ProcessResult => {
    const r = results[name];
    if (!r) throw new Error(`no result for ${name}`);
    expect(r.timedOut).toBe(false);
    return r;
  };

  it('PORT=abc exits with code 2 and one stderr line naming PORT and what is expected', () => {
    const r = result('port');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'Invalid configuration: PORT must be an integer from 0 to 65535 (got "abc").',
    ]);
    expect(r.stdout.trim()).toBe('');
  });

  it('NEO4J_URI=http://x exits with code 2 and one stderr line naming NEO4J_URI and the accepted schemes', () => {
    const r = result('neo4jUri');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^Invalid configuration: NEO4J_URI must start with bolt:\/\/, bolt\+s:\/\/, neo4j:\/\/ or neo4j\+s:\/\/\.\n$/,
    );
    expect(r.stdout.trim()).toBe('');
  });

  it('API_TOKEN=short exits with code 2 and one stderr line naming API_TOKEN and its minimum length, without echoing it', () => {
    const r = result('apiToken');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'Invalid configuration: API_TOKEN must be at least 16 characters.',
    ]);
    expect(r.stderr).not.toContain('short');
    expect(r.stdout.trim()).toBe('');
  });

  it('reports several problems on the same single line', () => {
    const r = result('several');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/PORT must be an integer from 0 to 65535 \(got "70000"\)/);
    expect(r.stderr).toMatch(/LOG_LEVEL must be one of/);
  });

  it('an unreachable Neo4j exits with code 1 and one clear stderr line (GRAPH_UNAVAILABLE, the URI)', () => {
    const r = result('unreachable');
    expect(r.code).toBe(1);
    const stderr = lines(r.stderr);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(
      /^Cannot start: the neo4j graph at bolt:\/\/127\.0\.0\.1:1 failed to open\. GRAPH_UNAVAILABLE: /,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).not.toMatch(/API ready at/);
  });
});
