/**
 * PostGraphile 4 needs graphql 15, and npm nests that copy under
 * node_modules/postgraphile. But graphql-parse-resolve-info (which PostGraphile
 * uses) accepts graphql 16 as a peer, so npm hoists it beside our graphql 16,
 * and it then receives graphql 15 types it does not recognise ("Cannot use
 * GraphQLList from another module or realm"). npm's overrides cannot move a
 * peer dependency, so this module sends that package's `graphql` imports to
 * PostGraphile's copy. Import it before `postgraphile`; it changes nothing
 * for any other package.
 */
import Module from 'node:module';
import path from 'node:path';

const postgraphileDir = path.dirname(require.resolve('postgraphile/package.json'));
const PARSE_RESOLVE_INFO = `${path.sep}graphql-parse-resolve-info${path.sep}`;

type Resolve = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, parent, ...rest) {
  if (
    (request === 'graphql' || request.startsWith('graphql/')) &&
    parent?.filename?.includes(PARSE_RESOLVE_INFO)
  ) {
    return require.resolve(request, { paths: [postgraphileDir] });
  }
  return resolve.call(this, request, parent, ...rest);
};
