/**
 * Builds the explorer page (web/dist) when it is missing or older than its
 * sources. Test files that drive the page run in parallel, so the build is
 * serialized by a lock directory and each waiter re-checks after the lock.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const WEB = path.join(ROOT, 'web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');
const LOCK = path.join(ROOT, 'node_modules/.cache/kg-web-build.lock');

/** Newest modification time of the page's sources (index.html, src/**, vite config, the bundled Cypher presets). */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['index.html', 'src', 'vite.config.ts']) walk(path.join(WEB, p));
  walk(path.join(ROOT, 'cypher/analytics'));
  return newest;
}

const fresh = (): boolean =>
  existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= newestSource();

export async function buildPageIfNeeded(): Promise<void> {
  if (fresh()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (fresh()) return;
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        timeout: 90_000,
      },
    );
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
