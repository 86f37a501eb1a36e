/**
 * The GraphiQL playground's bundle (web/playground/dist), built once before
 * the suites that need it (jest's globalSetup), and only when it is missing or
 * older than its sources or the README (whose example queries it carries).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PLAYGROUND = path.join(ROOT, 'web/playground');
export const PLAYGROUND_INDEX = path.join(PLAYGROUND, 'dist/index.html');

function newestSource(): number {
  let newest = statSync(path.join(ROOT, 'README.md')).mtimeMs;
  for (const name of readdirSync(PLAYGROUND)) {
    const file = path.join(PLAYGROUND, name);
    const stat = statSync(file);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

export function buildPlaygroundIfNeeded(): void {
  if (existsSync(PLAYGROUND_INDEX) && statSync(PLAYGROUND_INDEX).mtimeMs >= newestSource()) return;
  process.stdout.write('\nbuilding the GraphiQL playground (web/playground/dist) for the tests\n');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/playground/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit', timeout: 300_000 },
  );
}
