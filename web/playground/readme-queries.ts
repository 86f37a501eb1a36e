/**
 * The README's example queries, read from README.md at build time, so the
 * playground's tabs and the documentation cannot drift apart.
 */
import readme from '../../README.md?raw';

export interface ExampleQuery {
  /** An operation name made from the block's first comment, e.g. `AQuoteWordFor`; GraphiQL titles the tab with it. */
  readonly name: string;
  readonly query: string;
}

/** `# 1. A quote, word for word, …` → `AQuoteWordFor`. */
function operationName(comment: string): string {
  const words = comment.replace(/^\d+\.\s*/, '').match(/[A-Za-z0-9]+/g) ?? ['Example'];
  return words
    .slice(0, 4)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Every ```graphql block of the README, in order; anonymous operations get a name. */
export function readmeQueries(markdown: string = readme): ExampleQuery[] {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map(
    (m) => m[1].trimEnd() + '\n',
  );
  return blocks.map((block) => {
    const name = operationName(/^#\s*(.*)$/m.exec(block)?.[1] ?? 'Example');
    // The first line that opens the operation: `{` of a shorthand query gets `query Name`.
    const query = block.replace(/^\{/m, `query ${name} {`);
    return { name, query };
  });
}
