/**
 * /metrics: Prometheus text with HTTP, GraphQL, graph-query, DataLoader and
 * process metrics, moved by real traffic.
 */
import { metricSample as sample } from '../helpers/metrics-helper';
import { type TestServer, startTestServer } from '../helpers/server-helper';

describe('GET /metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  const scrape = async (): Promise<string> => {
    const res = await fetch(`${server.origin}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('answers Prometheus text format', async () => {
    const res = await fetch(`${server.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP \w+ /m);
    expect(text).toMatch(/^# TYPE graph_queries_total counter$/m);
    expect(text).toMatch(/^# TYPE graphql_operation_duration_seconds histogram$/m);
    expect(text).toMatch(/^# TYPE dataloader_batch_size histogram$/m);
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
  });

  it('includes the default process metrics', async () => {
    const text = await scrape();
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('moves graph-query, operation, DataLoader and HTTP metrics after a GraphQL query', async () => {
    const before = await scrape();
    const opBefore = sample(before, 'graphql_operation_duration_seconds_count', {
      operation: 'MetricsProbe',
      type: 'query',
    });
    const graphBefore = sample(before, 'graph_queries_total', { outcome: 'ok' });
    const batchBefore = sample(before, 'dataloader_batch_size_count');
    const httpBefore = sample(before, 'http_request_duration_seconds_count', {
      method: 'POST',
      route: '/graphql',
      status: '200',
    });

    const res = await server.post(
      'query MetricsProbe { people(first: 5) { edges { node { id name statements(first: 2) { id text } } } } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.people.edges.length).toBeGreaterThan(0);

    const after = await scrape();
    expect(Number.isNaN(opBefore) ? 0 : opBefore).toBe(0);
    expect(
      sample(after, 'graphql_operation_duration_seconds_count', {
        operation: 'MetricsProbe',
        type: 'query',
      }),
    ).toBe(1);
    expect(sample(after, 'graph_queries_total', { outcome: 'ok' })).toBeGreaterThan(
      Number.isNaN(graphBefore) ? 0 : graphBefore,
    );
    expect(sample(after, 'dataloader_batch_size_count')).toBeGreaterThan(
      Number.isNaN(batchBefore) ? 0 : batchBefore,
    );
    expect(sample(after, 'dataloader_batch_size_sum')).toBeGreaterThan(0);
    expect(
      sample(after, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/graphql',
        status: '200',
      }),
    ).toBe((Number.isNaN(httpBefore) ? 0 : httpBefore) + 1);
    // Graph query names are file names, without template slots or suffixes.
    const names = [...after.matchAll(/^graph_queries_total\{query="([^"]+)"/gm)].map(
      (m) => m[1] as string,
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).not.toMatch(/[[#]/);
  });

  it('counts GraphQL errors by operation and code', async () => {
    const res = await server.post('query TooMany { people(first: 101) { totalCount } }');
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const text = await scrape();
    expect(
      sample(text, 'graphql_errors_total', { operation: 'TooMany', code: 'BAD_USER_INPUT' }),
    ).toBe(1);
  });

  it('labels health routes by path', async () => {
    await fetch(`${server.origin}/healthz`);
    const text = await scrape();
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/healthz',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
  });
});
