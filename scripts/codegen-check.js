#!/usr/bin/env node
// Fails when the generated resolver types are stale: regenerates in memory
// from schema.graphql and compares with the committed files.
require('tsx/cjs');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { generate } = require('@graphql-codegen/cli');

async function main() {
  const config = require(path.resolve(__dirname, '../codegen.ts')).default;
  const outputs = await generate({ ...config, cwd: path.resolve(__dirname, '..'), silent: true }, false);
  const stale = outputs.filter((o) => {
    let current = '';
    try {
      current = readFileSync(path.resolve(__dirname, '..', o.filename), 'utf8');
    } catch {
      return true;
    }
    return current !== o.content;
  });
  if (stale.length > 0) {
    console.error(`Generated types are stale: ${stale.map((o) => o.filename).join(', ')}. Run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log(`codegen: ${outputs.length} generated file(s) up to date`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
