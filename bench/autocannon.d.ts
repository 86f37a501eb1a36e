/** Minimal typings for the parts of autocannon the benchmark uses (the package ships none). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    duration: number;
    '2xx': number;
  }
  function autocannon(options: Record<string, unknown>): Promise<Result>;
  export = autocannon;
}
