/**
 * PLAYGROUND=true in production: the real server process serves GraphiQL and
 * answers introspection, and its log says so.
 */
import { freePort, killStartedProcesses, logLines, startServe } from '../helpers/process-helper';

afterAll(async () => {
  await killStartedProcesses();
});

describe('a production server started with PLAYGROUND=true', () => {
  it('serves GraphiQL to browsers, turns introspection on, and logs both', async () => {
    const port = await freePort();
    const serve = await startServe(
      {
        NODE_ENV: 'production',
        PLAYGROUND: 'true',
        PORT: String(port),
        HOST: '127.0.0.1',
        EMBEDDED_DB_PATH: ':memory:',
        LOG_LEVEL: 'info',
      },
      { timeoutMs: 110_000 },
    );
    const url = `http://127.0.0.1:${port}/graphql`;
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const schema = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(((await schema.json()) as any).data.__schema.queryType.name).toBe('Query');
    const warning = logLines(serve.stdout()).find((line) =>
      /PLAYGROUND=true/.test(String(line.msg)),
    );
    expect(warning).toMatchObject({ level: 40, playground: true, introspection: true });
    expect(String(warning?.msg)).toBe(
      `PLAYGROUND=true: GraphiQL is served at ${url} in production, with introspection on`,
    );
    serve.signal('SIGTERM');
    expect((await serve.exited).code).toBe(0);
  });
});
