#!/usr/bin/env node
// Fails when the generated resolver types are stale: regenerates in memory
// from schema.graphql and compares with the committed files.
require('tsx/cjs');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { generate } = require('@graphql-codegen/cli');

async function main() {
  const root = path.resolve(__dirname, '..');
  const outputs = [];
  // The server's resolver types and the explorer's operation types.
  for (const file of ['codegen.ts', 'web/codegen.ts']) {
    const config = require(path.resolve(root, file)).default;
    outputs.push(...(await generate({ ...config, cwd: root, silent: true }, false)));
  }
  const stale = outputs.filter((o) => {
    let current = '';
    try {
      current = readFileSync(path.resolve(root, o.filename), 'utf8');
    } catch {
      return true;
    }
    return current !== o.content;
  });
  if (stale.length > 0) {
    console.error(
      `Generated types are stale: ${stale.map((o) => o.filename).join(', ')}. Run \`npm run codegen\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`codegen: ${outputs.length} generated file(s) up to date`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
