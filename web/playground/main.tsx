/**
 * The playground served at GET /graphql: GraphiQL with the docs explorer, the
 * query-builder (explorer) plugin and a headers editor, bundled by Vite with
 * its Monaco workers and fonts, so the page makes no request to another
 * origin (people on closed networks use it).
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import type { Fetcher } from '@graphiql/toolkit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readmeQueries } from './readme-queries';

/** The API answers on the same path the page is served from. */
const ENDPOINT = '/graphql';

/**
 * A plain JSON POST: Apollo's CSRF prevention accepts it (JSON content type),
 * and headers typed into the headers editor (e.g. the bearer token) go along.
 */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const tabs = readmeQueries().map(({ query }) => ({ query }));
const plugins = [explorerPlugin(), HISTORY_PLUGIN];

createRoot(document.getElementById('graphiql') as HTMLElement).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={tabs}
      defaultHeaders={'{\n  "Authorization": "Bearer <API_TOKEN, needed for mutations only>"\n}'}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
