import { execFileSync } from 'node:child_process';
import path from 'node:path';

describe('generated resolver types', () => {
  it('match schema.graphql (run `npm run codegen` when this fails)', () => {
    const output = execFileSync(
      process.execPath,
      [path.resolve(__dirname, '../../scripts/codegen-check.js')],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('up to date');
  });
});
