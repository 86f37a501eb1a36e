/**
 * Health and readiness endpoints, and request ids, on the real HTTP server.
 */
import { type TestServer, startTestServer } from '../helpers/server-helper';

describe('health endpoints', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({}, { seed: false });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('GET /healthz answers 200 {status:"ok"}', async () => {
    const res = await fetch(`${server.origin}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 with the engine while the graph answers', async () => {
    const res = await fetch(`${server.origin}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', engine: 'embedded' });
  });

  it('echoes a well-formed x-request-id', async () => {
    const res = await fetch(`${server.origin}/healthz`, {
      headers: { 'x-request-id': 'req-abc.123_x' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc.123_x');
  });

  it('generates a fresh x-request-id when none is given', async () => {
    const [a, b] = await Promise.all([
      fetch(`${server.origin}/healthz`),
      fetch(`${server.origin}/healthz`),
    ]);
    const idA = a.headers.get('x-request-id');
    const idB = b.headers.get('x-request-id');
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
  });

  it('replaces a malformed x-request-id instead of echoing it', async () => {
    const res = await fetch(`${server.origin}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces <script>' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets x-request-id on GraphQL responses too', async () => {
    const res = await server.post('{ __typename }', {}, { 'x-request-id': 'gql-req-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('gql-req-1');
  });
});

describe('readiness when the graph is gone', () => {
  it('GET /readyz answers 503 with a reason after the graph port is closed, while /healthz stays 200', async () => {
    const server = await startTestServer({}, { seed: false });
    try {
      await server.graph.port.close();
      const res = await fetch(`${server.origin}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; engine: string; reason: string };
      expect(body.status).toBe('unavailable');
      expect(body.engine).toBe('embedded');
      expect(typeof body.reason).toBe('string');
      expect(body.reason.length).toBeGreaterThan(0);
      const health = await fetch(`${server.origin}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
