/**
 * Graph explorer: a single page over the GraphQL API. Routes live in the URL
 * hash so any view can be shared:
 *
 *   #/                         start page
 *   #/entity/<id>              an entity (also `?id=<id>` or /explorer/entity/<id>)
 *   #/entity/<id>/statement/<s>  the same, scrolled to one of its statements
 *   #/path[/<from>[/<to>]]     "How are these connected?"
 *   #/cypher                   the Cypher console (POST /cypher)
 */
import './styles.css';
import { setupCombobox } from './combobox';
import { clear, entityHref } from './dom';
import { renderEntity, renderHome, renderPath } from './views';

type Route =
  | { name: 'home' }
  | { name: 'entity'; id: string; statement?: string }
  | { name: 'path'; from?: string; to?: string }
  | { name: 'cypher' };

function decode(part: string | undefined): string | undefined {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'entity' && parts[1]) {
    const statement = parts[2] === 'statement' ? decode(parts[3]) : undefined;
    return { name: 'entity', id: decode(parts[1]) ?? '', statement };
  }
  if (parts[0] === 'path') return { name: 'path', from: decode(parts[1]), to: decode(parts[2]) };
  if (parts[0] === 'cypher') return { name: 'cypher' };
  return { name: 'home' };
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

function route(): void {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  window.__cy?.destroy();
  window.__cy = undefined;
  clear(main);
  const r = parseRoute(location.hash);
  switch (r.name) {
    case 'entity':
      void renderEntity(main, r.id, isCurrent, r.statement);
      break;
    case 'path':
      void renderPath(main, r.from, r.to, isCurrent);
      break;
    case 'cypher':
      // The console's editor carries a Cypher parser (~1 MB); only this route loads it.
      void import('./cypher-console').then((m) => isCurrent() && m.renderCypherConsole(main, isCurrent));
      break;
    default:
      renderHome(main, isCurrent);
  }
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
window.addEventListener('hashchange', route);
route();
