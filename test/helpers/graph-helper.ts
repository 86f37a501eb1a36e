/**
 * Test graphs on real engines. Each helper owns its setup and cleanup:
 * `open()` gives a graph with the schema applied (and the article seed when
 * asked), `close()` releases it.
 *
 * - Embedded: a fresh in-memory LadybugDB per call, so tests never share data.
 * - Neo4j: only when `NEO4J_URI` is set. The database is WIPED on open, so
 *   point `NEO4J_URI` at a disposable database. A lock file serializes test
 *   files that use Neo4j, since jest runs files in parallel.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applySchema,
  openGraph,
  type EngineKind,
  type Graph,
  type GraphConfig,
} from '../../src/graph';
import { loadSeed } from '../../src/seed/load-seed';

export interface TestGraph {
  readonly graph: Graph;
  /** Releases the graph (and the Neo4j test lock). Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenTestGraphOptions {
  /** Load `seed/article.json` after applying the schema. */
  readonly seed?: boolean;
}

/** One engine a suite runs against. */
export interface EngineUnderTest {
  readonly engine: EngineKind;
  open(options?: OpenTestGraphOptions): Promise<TestGraph>;
}

/** Opens a fresh in-memory embedded graph with the schema applied. */
export async function openTestGraph(options: OpenTestGraphOptions = {}): Promise<TestGraph> {
  return prepare(
    await openGraph({ engine: 'embedded', path: ':memory:' }),
    options,
    async () => undefined,
  );
}

/** The Neo4j configuration from the environment, or undefined when `NEO4J_URI` is unset. */
export function neo4jTestConfig(): GraphConfig | undefined {
  const uri = process.env.NEO4J_URI;
  if (!uri) return undefined;
  return {
    engine: 'neo4j',
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** Opens the Neo4j database from the environment, wiped, with the schema applied. */
export async function openNeo4jTestGraph(options: OpenTestGraphOptions = {}): Promise<TestGraph> {
  const config = neo4jTestConfig();
  if (!config) throw new Error('NEO4J_URI is not set.');
  const release = await acquireNeo4jLock();
  try {
    const graph = await openGraph(config);
    await graph.port.write({ name: 'test/wipe', text: 'MATCH (n) DETACH DELETE n' });
    return await prepare(graph, options, release);
  } catch (error) {
    release();
    throw error;
  }
}

const EMBEDDED: EngineUnderTest = { engine: 'embedded', open: openTestGraph };
const NEO4J: EngineUnderTest = { engine: 'neo4j', open: openNeo4jTestGraph };

/** Runs `suite` against every available engine: embedded always, Neo4j when `NEO4J_URI` is set. */
export function describeEngines(name: string, suite: (engine: EngineUnderTest) => void): void {
  describe(`${name} (embedded)`, () => suite(EMBEDDED));
  if (neo4jTestConfig()) describe(`${name} (neo4j)`, () => suite(NEO4J));
  else announceNeo4jSkipped();
}

/**
 * Runs `suite` against Neo4j only; for the files under `test/neo4j`. Without
 * `NEO4J_URI` it registers one passing test that says so, since jest fails a
 * file without tests.
 */
export function describeNeo4j(name: string, suite: (engine: EngineUnderTest) => void): void {
  if (neo4jTestConfig()) {
    describe(`${name} (neo4j)`, () => suite(NEO4J));
    return;
  }
  announceNeo4jSkipped();
  it('is skipped: NEO4J_URI is not set', () => expect(process.env.NEO4J_URI ?? '').toBe(''));
}

/**
 * True when `file` is the test file jest is running, false when another test
 * file imports it to reuse its suite body.
 */
export function isRunningTestFile(file: string): boolean {
  return expect.getState().testPath === file;
}

let announced = false;
function announceNeo4jSkipped(): void {
  if (announced) return;
  announced = true;
  console.info('Neo4j suites are skipped because NEO4J_URI is not set (see docs/neo4j.md).');
}

async function prepare(
  graph: Graph,
  options: OpenTestGraphOptions,
  release: () => unknown,
): Promise<TestGraph> {
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await graph.port.close();
    } finally {
      release();
    }
  };
  try {
    await applySchema(graph);
    if (options.seed) await loadSeed(graph);
  } catch (error) {
    await close();
    throw error;
  }
  return { graph, close };
}

const LOCK_DIR = path.join(os.tmpdir(), 'kg-graphql-neo4j-tests.lock');

/** A cross-process lock (an exclusive mkdir); a lock left by a dead process is taken over. */
async function acquireNeo4jLock(timeoutMs = 120_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockHolderAlive()) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the Neo4j test lock ${LOCK_DIR}.`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function lockHolderAlive(): boolean {
  try {
    const pid = Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else. A missing pid file: being written.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EPERM' || code === 'ENOENT';
  }
}
