/// <reference types="vite/client" />
/**
 * The Cypher console (#/cypher): an editor with Cypher highlighting and
 * completion (@neo4j-cypher/codemirror, CodeMirror 6), parameters as JSON,
 * results from `POST /cypher` as a table and, when rows hold nodes,
 * relationships or paths, as a graph in the explorer's Cytoscape view. The
 * files of cypher/analytics are bundled as presets; the last queries are kept
 * in localStorage, the analyst token in sessionStorage only.
 */
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { Core, LayoutOptions } from 'cytoscape';
import { request } from './client';
import { clear, h } from './dom';
import { NodeAnalyticsDocument, type Projection } from './generated/graphql';
import { type GraphData, renderGraph } from './graph';
import { toGraph, type ResultValue } from './cypher-results';

const HISTORY_KEY = 'kg.cypher.history';
const TOKEN_KEY = 'kg.cypher.token';
const HISTORY_SIZE = 20;

/** The analytics library, bundled at build time: name -> text. */
const LIBRARY = import.meta.glob('../../cypher/analytics/*.cypher', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Preset {
  readonly name: string;
  readonly title: string;
  readonly query: string;
  readonly params: Record<string, unknown>;
}

/** A file's presets: its name, its first comment line as a title, its `// @params {...}` line as parameters. */
export const PRESETS: readonly Preset[] = Object.entries(LIBRARY)
  .map(([file, text]) => {
    const name = file.replace(/^.*\/(.*)\.cypher$/, '$1');
    const title = /^\/\/\s*Analytics:\s*(.*)$/m.exec(text)?.[1] ?? name;
    const params = JSON.parse(/^\/\/\s*@params\s+(.*)$/m.exec(text)?.[1] ?? '{}') as Record<
      string,
      unknown
    >;
    return { name, title, query: text.trim(), params };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** Labels, types and keys for completion; the graph model's, as the server's schema has them. */
const SCHEMA = {
  labels: [
    'Person',
    'State',
    'Organization',
    'MilitaryUnit',
    'Location',
    'Event',
    'Statement',
    'Source',
    'Estimate',
  ],
  relationshipTypes: [
    'MENTIONS',
    'MADE',
    'REPORTED_IN',
    'PARTICIPATED_IN',
    'ADDRESSED_TO',
    'PART_OF',
    'HOLDS_ROLE',
    'OCCURRED_IN',
    'RELATION',
    'ATTRIBUTED_TO',
    'DEPLOYED_TO',
    'ESTIMATES',
    'LOCATED_IN',
    'BELONGS_TO',
    'TRAINED_BY',
  ],
  propertyKeys: [
    'id',
    'name',
    'text',
    'kind',
    'aliases',
    'description',
    'category',
    'title',
    'value',
    'unit',
    'qualifier',
    'scope',
    'date',
  ],
};

interface HistoryEntry {
  readonly query: string;
  readonly params: string;
}

interface CypherAnswer {
  readonly columns: string[];
  readonly rows: Record<string, ResultValue>[];
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

function readHistory(): HistoryEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as HistoryEntry[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function remember(entry: HistoryEntry): void {
  const rest = readHistory().filter((e) => e.query !== entry.query || e.params !== entry.params);
  localStorage.setItem(HISTORY_KEY, JSON.stringify([entry, ...rest].slice(0, HISTORY_SIZE)));
}

/** POSTs the query; resolves with the answer, or rejects with the server's message. */
async function runCypher(
  query: string,
  params: Record<string, unknown>,
  token: string,
  accept: string,
): Promise<Response> {
  const response = await fetch('/cypher', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, params }),
  });
  if (!response.ok) {
    let message = `The server answered ${response.status}.`;
    try {
      const body = (await response.json()) as {
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      const first = body.errors?.[0];
      if (first)
        message = `${first.message}${first.extensions?.code ? ` (${first.extensions.code})` : ''}`;
    } catch {
      if (response.status === 404)
        message =
          'POST /cypher is off on this server: set ANALYST_TOKEN (or API_TOKEN) and restart it.';
    }
    throw new Error(message);
  }
  return response;
}

/** One table cell: nodes as (:Label name), relationships as [:TYPE], the rest as JSON. */
function cellText(value: ResultValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (value.kind === 'node')
    return `(:${value.label} ${String(value.properties?.name ?? value.id)})`;
  if (value.kind === 'relationship') return `[:${value.type}]`;
  if (value.kind === 'path') return `path of ${value.relationships?.length ?? 0} relationships`;
  return JSON.stringify(value);
}

function table(answer: CypherAnswer): HTMLElement {
  return h(
    'table',
    { class: 'cypher-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        answer.columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      answer.rows.map((row) =>
        h(
          'tr',
          {},
          answer.columns.map((c) => h('td', {}, cellText(row[c] ?? null))),
        ),
      ),
    ),
  );
}

/** Colours communities from a fixed palette (wrapping) and sizes nodes by PageRank, 16 to 56 px. */
const COMMUNITY_COLOURS = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
  '#65a30d',
];

async function paintAnalytics(
  cy: Core,
  projection: Projection,
  status: HTMLElement,
): Promise<void> {
  const ids = cy
    .nodes()
    .map((n) => n.id())
    .slice(0, 500);
  const { nodeAnalytics } = await request(NodeAnalyticsDocument, { projection, ids });
  const ranks = nodeAnalytics.map((n) => n.pagerank ?? 0);
  const max = Math.max(...ranks, Number.EPSILON);
  for (const entry of nodeAnalytics) {
    const node = cy.getElementById(entry.id);
    if (entry.community === null || entry.community === undefined) continue;
    const size = 16 + 40 * Math.sqrt((entry.pagerank ?? 0) / max);
    node.data('community', entry.community);
    node.data('pagerank', entry.pagerank);
    node.style({
      'background-color': COMMUNITY_COLOURS[entry.community % COMMUNITY_COLOURS.length],
      width: size,
      height: size,
    });
  }
  const communities = new Set(
    nodeAnalytics.map((n) => n.community).filter((c) => c !== null && c !== undefined),
  );
  status.textContent = `Coloured by community (${communities.size} here) and sized by PageRank in the ${projection.toLowerCase().replace('_', '-')} network.`;
}

/** Renders the console into `main`. */
export function renderCypherConsole(main: HTMLElement, isCurrent: () => boolean): void {
  const history = readHistory();
  const first = history[0] ?? {
    query:
      PRESETS.find((p) => p.name === 'who-speaks-about-whom')?.query ??
      'MATCH (p:Person) RETURN p.name',
    params: '{}',
  };

  const editorHost = h('div', { class: 'cypher-editor', id: 'cypher-editor' });
  const params = h('textarea', {
    id: 'cypher-params',
    class: 'cypher-params',
    rows: 3,
    spellcheck: 'false',
    'aria-label': 'Parameters as JSON',
  });
  params.value = first.params;
  const token = h('input', {
    id: 'cypher-token',
    type: 'password',
    autocomplete: 'off',
    placeholder: 'ANALYST_TOKEN',
    'aria-label': 'Analyst token',
  });
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const presetSelect = h(
    'select',
    { id: 'cypher-preset', 'aria-label': 'Presets from cypher/analytics' },
    h('option', { value: '' }, 'Presets…'),
    PRESETS.map((p) => h('option', { value: p.name }, p.title)),
  );
  const historySelect = h(
    'select',
    { id: 'cypher-history', 'aria-label': 'Recent queries' },
    h('option', { value: '' }, `Recent (${history.length})`),
    history.map((entry, i) =>
      h('option', { value: String(i) }, entry.query.replace(/\s+/g, ' ').slice(0, 80)),
    ),
  );
  const runButton = h('button', { type: 'button', id: 'cypher-run', class: 'primary' }, 'Run');
  const csvButton = h(
    'button',
    { type: 'button', id: 'cypher-csv', disabled: true },
    'Download CSV',
  );
  const projection = h(
    'select',
    { id: 'cypher-projection', 'aria-label': 'Network for communities and PageRank' },
    h('option', { value: 'CO_MENTION' }, 'co-mention network'),
    h('option', { value: 'SPEAKER_MENTION' }, 'speaker → mentioned network'),
    h('option', { value: 'ENTITY_GRAPH' }, 'whole graph'),
  );
  const analyticsButton = h(
    'button',
    { type: 'button', id: 'cypher-analytics', disabled: true },
    'Colour by community, size by PageRank',
  );
  const status = h('p', {
    class: 'cypher-status',
    id: 'cypher-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const results = h('div', { class: 'cypher-results', id: 'cypher-results' });
  const graphStatus = h('p', {
    class: 'graph-status',
    id: 'cypher-graph-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const graphHost = h('div', {
    class: 'cy',
    id: 'cy',
    role: 'img',
    'aria-label': 'Graph of the nodes and relationships in the result',
    hidden: true,
  });

  main.append(
    h(
      'section',
      { class: 'cypher-console', 'aria-labelledby': 'cypher-heading' },
      h('h1', { id: 'cypher-heading' }, 'Cypher console'),
      h(
        'p',
        { class: 'muted' },
        'Read-only Cypher on the server’s graph, through POST /cypher. Ctrl+Enter runs the query.',
      ),
      h(
        'div',
        { class: 'cypher-toolbar' },
        presetSelect,
        historySelect,
        h('label', {}, 'Token ', token),
      ),
      editorHost,
      h('label', { class: 'cypher-params-label', for: 'cypher-params' }, 'Parameters (JSON)'),
      params,
      h('div', { class: 'cypher-toolbar' }, runButton, csvButton, projection, analyticsButton),
      status,
      results,
      graphStatus,
      graphHost,
    ),
  );

  // Its typings say it returns the API; at run time (1.0.3) it returns `{ editor: api }`.
  const { editor } = createCypherEditor(editorHost, {
    value: first.query,
    schema: SCHEMA,
    lineNumbers: true,
    autocomplete: true,
    lint: true,
    theme: 'light',
  }) as unknown as { editor: EditorApi };
  const value = (): string => editor.codemirror.state.doc.toString();
  let cy: Core | undefined;

  const parsedParams = (): Record<string, unknown> => {
    const text = params.value.trim() || '{}';
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('Parameters must be a JSON object, e.g. {"id": "north-korea"}.');
    return parsed as Record<string, unknown>;
  };

  const showGraph = (data: GraphData): void => {
    if (data.nodes.length === 0) {
      graphHost.hidden = true;
      graphStatus.textContent = '';
      analyticsButton.disabled = true;
      return;
    }
    graphHost.hidden = false;
    cy = renderGraph(graphHost, data, {
      centreId: '',
      onTap: (node) => (graphStatus.textContent = `${node.label}: ${node.name} (${node.id})`),
    });
    cy.layout({ name: 'cose', animate: false, padding: 24 } as LayoutOptions).run();
    graphStatus.textContent = `${data.nodes.length} nodes and ${data.edges.length} relationships from the result.`;
    analyticsButton.disabled = false;
  };

  const run = async (): Promise<void> => {
    let input: Record<string, unknown>;
    try {
      input = parsedParams();
    } catch (error) {
      status.textContent = `Parameters: ${(error as Error).message}`;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token.value);
    status.textContent = 'Running…';
    results.setAttribute('aria-busy', 'true');
    try {
      const response = await runCypher(value(), input, token.value, 'application/json');
      const answer = (await response.json()) as CypherAnswer;
      if (!isCurrent()) return;
      remember({ query: value(), params: params.value.trim() || '{}' });
      clear(results);
      results.append(table(answer));
      status.textContent = `${answer.rows.length} ${answer.rows.length === 1 ? 'row' : 'rows'} in ${answer.elapsedMs} ms${answer.truncated ? ' (truncated at the row cap)' : ''}.`;
      csvButton.disabled = false;
      showGraph(toGraph(answer.rows));
    } catch (error) {
      if (!isCurrent()) return;
      clear(results);
      status.textContent = (error as Error).message;
      results.append(h('p', { class: 'error', role: 'alert' }, (error as Error).message));
    } finally {
      results.removeAttribute('aria-busy');
    }
  };

  const downloadCsv = async (): Promise<void> => {
    try {
      const response = await runCypher(value(), parsedParams(), token.value, 'text/csv');
      const blob = new Blob([await response.text()], { type: 'text/csv' });
      const link = h('a', { href: URL.createObjectURL(blob), download: 'cypher-result.csv' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };

  runButton.addEventListener('click', () => void run());
  csvButton.addEventListener('click', () => void downloadCsv());
  analyticsButton.addEventListener('click', () => {
    if (cy)
      void paintAnalytics(cy, projection.value as Projection, graphStatus).catch(
        (e: Error) => (graphStatus.textContent = e.message),
      );
  });
  // Captured before CodeMirror sees it, which would insert a line break.
  editorHost.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      event.stopPropagation();
      void run();
    },
    true,
  );
  presetSelect.addEventListener('change', () => {
    const preset = PRESETS.find((p) => p.name === presetSelect.value);
    if (!preset) return;
    editor.setValue(preset.query);
    params.value = JSON.stringify(preset.params);
    presetSelect.value = '';
  });
  historySelect.addEventListener('change', () => {
    const entry = history[Number(historySelect.value)];
    if (!entry) return;
    editor.setValue(entry.query);
    params.value = entry.params;
    historySelect.value = '';
  });
}
