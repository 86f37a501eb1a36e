/**
 * No engine crash under a concurrent mix of reads and writes (issue 11).
 *
 * The real process entry runs in a child process on disk, with a 16 KiB
 * checkpoint threshold so that the engine checkpoints every ~90 writes: before
 * the readers–writer lock in the embedded adapter, this mix crashed the server
 * (exit 139, SIGSEGV in a LadybugDB reader thread) in 5 of 5 runs of 20 s, and
 * 3 of those crashes left a database that no longer opened.
 *
 * Specification, for every round (a server start, the mix, SIGTERM):
 * - the server is alive at the end of the round and every request got an answer;
 * - the only errors are the ones the mix provokes on purpose (CONFLICT on lost
 *   races, NOT_FOUND on deleted ends);
 * - SIGTERM stops it with exit code 0, and the next round opens the same files.
 *
 * Size: MIX_ROUNDS × MIX_SECONDS with MIX_CLIENTS clients (CI 2 × 8 s × 12,
 * long 10 × 20 s × 20).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPECTED_CODES, runMixedLoad } from './mixed-load';
import { type ChildServer, envInt, figure, printFigures, startChildServer } from './support';

const SUITE = 'concurrent-mix';
const ROUNDS = envInt('MIX_ROUNDS', 2, 10);
const SECONDS = envInt('MIX_SECONDS', 8, 20);
const CLIENTS = envInt('MIX_CLIENTS', 12, 20);

describe('the embedded engine under a concurrent mix of reads and writes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-mix-'));
  const env = {
    EMBEDDED_DB_PATH: path.join(dir, 'graph.lbug'),
    EMBEDDED_CHECKPOINT_KB: '16',
    NODE_ENV: 'production',
  };
  const totals = {
    rounds: 0,
    crashes: 0,
    requests: 0,
    reads: 0,
    writes: 0,
    seconds: 0,
    unexpected: {} as Record<string, number>,
  };
  let server: ChildServer | undefined;

  afterAll(async () => {
    await server?.kill();
    figure(SUITE, 'rounds', {
      ...totals,
      requestsPerSecond: Math.round((totals.requests / Math.max(1, totals.seconds)) * 10) / 10,
    });
    printFigures(SUITE);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `survives ${ROUNDS} rounds of ${SECONDS} s with ${CLIENTS} clients, with no crash and no unexpected error`,
    async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const current = await startChildServer(env);
        server = current;
        const alive = () => current.proc.exitCode === null && current.proc.signalCode === null;
        const result = await runMixedLoad(current.url, {
          clients: CLIENTS,
          seconds: SECONDS,
          alive,
        });
        const exit = {
          round,
          alive: alive(),
          signal: current.proc.signalCode,
          stderr: alive() ? '' : current.output().stderr.slice(-500),
        };
        if (!exit.alive) totals.crashes += 1;
        expect(exit).toEqual({ round, alive: true, signal: null, stderr: '' });
        expect(result.transportFailures).toBe(0);
        const unexpected = Object.fromEntries(
          Object.entries(result.codes).filter(([code]) => !EXPECTED_CODES.has(code)),
        );
        Object.assign(totals.unexpected, unexpected);
        expect(unexpected).toEqual({});
        expect(result.reads).toBeGreaterThan(0);
        expect(result.writes).toBeGreaterThan(0);
        totals.requests += result.requests;
        totals.reads += result.reads;
        totals.writes += result.writes;
        totals.seconds += result.seconds;
        expect(await current.stop()).toBe(0);
        server = undefined;
        totals.rounds = round;
      }
    },
    ROUNDS * (SECONDS + 60) * 1000,
  );
});
