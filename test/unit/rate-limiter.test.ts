/** The /cypher rate limit: at most N requests per client in any 60 seconds. */
import { RateLimiter } from '../../src/server/cypher-route';

describe('RateLimiter', () => {
  it('refuses the request past the limit and says how long to wait', () => {
    const limiter = new RateLimiter(3);
    const start = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.take('a', start + i * 1000))).toEqual([0, 0, 0]);
    // The first of the three leaves the window 60 s after it was made: 57 s from now.
    expect(limiter.take('a', start + 3000)).toBe(57);
    expect(limiter.take('b', start + 3000)).toBe(0);
  });

  it('does not reset at the edge of a wall-clock minute', () => {
    const limiter = new RateLimiter(3);
    const edge = 60_000 * 1000;
    expect([edge - 2000, edge - 1000, edge + 1].map((t) => limiter.take('a', t))).toEqual([
      0, 0, 0,
    ]);
    expect(limiter.take('a', edge + 1000)).toBeGreaterThan(0);
  });

  it('lets requests through again once the oldest leaves the window; refusals do not count', () => {
    const limiter = new RateLimiter(2);
    limiter.take('a', 0);
    limiter.take('a', 10_000);
    expect(limiter.take('a', 20_000)).toBe(40);
    expect(limiter.take('a', 60_001)).toBe(0);
    expect(limiter.take('a', 60_002)).toBeGreaterThan(0);
  });
});
