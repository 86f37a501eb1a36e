/**
 * PostGraphile 4 over the peer's database, on a free loopback port, with the
 * options its documentation recommends for production. It runs in the bench
 * process, as our server does, so both share the same CPU budget.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import './graphql-15-for-postgraphile';
import { Pool } from 'pg';
import { type PostGraphileOptions, postgraphile } from 'postgraphile';

export interface PeerServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** The production set from PostGraphile's "Recommended options", minus what only a live app needs (retries, JWT). */
const PRODUCTION_OPTIONS: PostGraphileOptions = {
  graphiql: false,
  enhanceGraphiql: false,
  watchPg: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  disableQueryLog: true,
  extendedErrors: ['errcode'],
  legacyRelations: 'omit',
  enableQueryBatching: true,
};

export async function startPeerServer(connectionString: string): Promise<PeerServer> {
  // A pool as large as the bench's widest load (16 connections) so the peer never waits for a client.
  const pool = new Pool({ connectionString, max: 16 });
  const middleware = postgraphile(pool, 'public', PRODUCTION_OPTIONS);
  const server = createServer(middleware);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await middleware.release();
      await pool.end();
    },
  };
}
