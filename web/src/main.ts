/**
 * Graph explorer: a single page over the GraphQL API. Routes live in the URL
 * hash so any view can be shared:
 *
 *   #/                         start page
 *   #/entity/<id>              an entity (also `?id=<id>` or /explorer/entity/<id>)
 *   #/entity/<id>/statement/<s>  the same, scrolled to one of its statements
 *   #/path[/<from>[/<to>]]     "How are these connected?"
 *   #/cypher                   the Cypher console (POST /cypher)
 *   #/add-report               "Add a report": review, then commit
 *   #/source/<id>              a source with its text and statements
 *
 * To add a view, give it a module under `views/` and one entry in `ROUTES`.
 */
import './styles.css';
import { setupCombobox } from './combobox';
import { clear, entityHref } from './dom';
import { renderEntity } from './views/entity-view';
import { renderHome } from './views/home-view';
import { renderPath } from './views/path-view';
import { renderAddReport } from './views/report-view';
import { renderSource } from './views/source-view';

/** What a view is given: the element to fill, and whether its navigation is still the current one. */
interface ViewTarget {
  readonly main: HTMLElement;
  /** False once the user has navigated elsewhere: a view drops late results instead of showing them. */
  readonly isCurrent: () => boolean;
}

/**
 * One route: the first path segment after `#/` that selects it, how the
 * remaining segments (already URI-decoded) become its parameters, and the
 * view that renders them.
 */
interface Route<P> {
  readonly segment: string;
  parse(parts: readonly (string | undefined)[]): P | undefined;
  render(target: ViewTarget, params: P): void | Promise<void>;
}

/** Declares a route with typed parameters. */
function route<P>(definition: Route<P>): Route<unknown> {
  // Erases P for the table: `show` only ever passes a route what its own `parse` returned.
  return definition as Route<unknown>;
}

/** Every route but the start page, which takes any hash no route matches. */
const ROUTES: readonly Route<unknown>[] = [
  route({
    segment: 'entity',
    parse: ([id, kind, statement]) =>
      id ? { id, statement: kind === 'statement' ? statement : undefined } : undefined,
    render: ({ main, isCurrent }, { id, statement }) =>
      renderEntity(main, id, isCurrent, statement),
  }),
  route({
    segment: 'path',
    parse: ([from, to]) => ({ from, to }),
    render: ({ main, isCurrent }, { from, to }) => renderPath(main, from, to, isCurrent),
  }),
  route({
    segment: 'add-report',
    parse: () => ({}),
    render: ({ main, isCurrent }) => renderAddReport(main, isCurrent),
  }),
  route({
    segment: 'source',
    parse: ([id]) => (id ? { id } : undefined),
    render: ({ main, isCurrent }, { id }) => renderSource(main, id, isCurrent),
  }),
  route({
    segment: 'cypher',
    parse: () => ({}),
    // The console's editor carries a Cypher parser (~1 MB); only this route loads it.
    render: ({ main, isCurrent }) =>
      import('./cypher-console').then((m) => {
        if (isCurrent()) m.renderCypherConsole(main, isCurrent);
      }),
  }),
];

const HOME: Route<unknown> = route({
  segment: '',
  parse: () => ({}),
  render: ({ main, isCurrent }) => renderHome(main, isCurrent),
});

function decode(part: string | undefined): string | undefined {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The route `hash` selects, with its parameters; the start page when none matches. */
export function parseRoute(hash: string): { route: Route<unknown>; params: unknown } {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const parts = rest.map(decode);
  for (const candidate of ROUTES) {
    if (candidate.segment !== first) continue;
    const params = candidate.parse(parts);
    if (params !== undefined) return { route: candidate, params };
  }
  return { route: HOME, params: {} };
}

/** `?id=x` and /explorer/entity/x are turned into the canonical #/entity/x. */
function canonicalise(): void {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  const fromPath = /\/explorer\/entity\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const target = id ?? decode(fromPath);
  if (target && !location.hash) history.replaceState(null, '', `/explorer/${entityHref(target)}`);
}

const main = document.getElementById('main') as HTMLElement;
let generation = 0;

function show(): void {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  window.__cy?.destroy();
  window.__cy = undefined;
  clear(main);
  const { route: current, params } = parseRoute(location.hash);
  void current.render({ main, isCurrent }, params);
  window.scrollTo(0, 0);
}

setupCombobox({
  input: document.getElementById('search-input') as HTMLInputElement,
  listbox: document.getElementById('search-results') as HTMLUListElement,
  status: document.querySelector('#site-search .combobox-status') as HTMLElement,
  onSelect(choice) {
    if (!choice.entityId) return;
    // A statement opens on its speaker's page, scrolled to it.
    location.hash =
      choice.label === 'Statement'
        ? `${entityHref(choice.entityId)}/statement/${encodeURIComponent(choice.id)}`
        : entityHref(choice.entityId);
    main.focus({ preventScroll: true });
  },
});

canonicalise();
window.addEventListener('hashchange', show);
show();
