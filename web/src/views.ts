/** The page's views: home, entity, "How are these connected?" and not-found. */
import { request } from './client';
import { setupCombobox } from './combobox';
import {
  ENTITY_LABELS,
  LABEL_COLOURS,
  LABEL_NAMES,
  clear,
  entityHref,
  entityLink,
  errorBox,
  h,
  loading,
  pathHref,
  type Child,
} from './dom';
import {
  ConnectionPathDocument,
  TopMentionedDocument,
  EntityNameDocument,
  EntityPageDocument,
  NeighborhoodDocument,
  type EntityPageQuery,
  type StatementViewFragment,
} from './generated/graphql';
import { renderGraph, renderPathGraph } from './graph';

type EntityData = NonNullable<EntityPageQuery['entity']>;
type Ref = { id: string; name: string };

const KIND_NAMES: Record<string, string> = {
  PERSON: 'Person',
  STATE: 'State',
  ORGANIZATION: 'Organization',
  MILITARY_UNIT: 'Military unit',
  LOCATION: 'Location',
  EVENT: 'Event',
};

const STATEMENT_KIND_NAMES: Record<string, string> = {
  QUOTE: 'Quote',
  PARAPHRASE: 'Paraphrase',
  HEDGED_CLAIM: 'Hedged claim',
  REPORTED: 'Reported by the source',
};

export function setTitle(text: string): void {
  document.title = text ? `${text} · Graph explorer` : 'Graph explorer';
}

function openNode(node: { id: string; label: string }): void {
  if (ENTITY_LABELS.has(node.label)) location.hash = entityHref(node.id);
}

// ---------------------------------------------------------------------------
// Home
// ---------------------------------------------------------------------------

export function renderHome(main: HTMLElement, isCurrent: () => boolean): void {
  setTitle('');
  const examples: Ref[] = [
    { id: 'antony-blinken', name: 'Antony Blinken' },
    { id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' },
    { id: 'north-korea', name: 'North Korea' },
    { id: 'north-korean-troops-in-russia', name: 'North Korean troops in Russia' },
  ];
  main.append(
    h(
      'section',
      { class: 'home' },
      h('h1', {}, 'Who said what about whom'),
      h(
        'p',
        { class: 'lead' },
        'Search for a person, state, organization, military unit, place or event to see what they said, what was said about them, the figures given and how they connect to everything else.',
      ),
      h('h2', {}, 'Start here'),
      h('ul', { class: 'examples' }, ...examples.map((e) => h('li', {}, entityLink(e)))),
      h(
        'p',
        {},
        h(
          'a',
          { href: pathHref('volodymyr-zelenskyy', 'north-korea') },
          'How are Volodymyr Zelenskyy and North Korea connected?',
        ),
      ),
    ),
  );
  const top = h(
    'section',
    { class: 'panel top-mentioned', 'aria-labelledby': 'h-top' },
    h('h2', { id: 'h-top' }, 'Most talked about'),
    loading('Loading…'),
  );
  main.append(top);
  request(TopMentionedDocument, {})
    .then((data) => {
      if (!isCurrent()) return;
      top.lastElementChild?.remove();
      top.append(
        h(
          'ol',
          { class: 'ranking' },
          ...data.topMentioned.map((row) =>
            h(
              'li',
              {},
              h(
                'span',
                { class: `chip chip--${kindLabel(row.entity.kind)}` },
                KIND_NAMES[row.entity.kind] ?? row.entity.kind,
              ),
              ' ',
              entityLink(row.entity),
              h(
                'span',
                { class: 'muted' },
                ` — mentioned in ${row.count} statement${row.count === 1 ? '' : 's'}`,
              ),
            ),
          ),
        ),
      );
    })
    .catch((error: Error) => {
      if (!isCurrent()) return;
      top.lastElementChild?.remove();
      top.append(errorBox(error.message));
    });
}

// ---------------------------------------------------------------------------
// Not found
// ---------------------------------------------------------------------------

export function renderNotFound(main: HTMLElement, id: string): void {
  setTitle('Not found');
  main.append(
    h(
      'section',
      { class: 'not-found', 'data-testid': 'not-found' },
      h('h1', {}, 'Nothing here by that name'),
      h(
        'p',
        {},
        'There is no entity with the id ',
        h('code', {}, id),
        ' in the graph. It may have been renamed or deleted, or the link may be mistyped.',
      ),
      h(
        'p',
        {},
        'Try the search box above, or ',
        h('a', { href: '#/' }, 'go back to the start'),
        '.',
      ),
    ),
  );
}

// ---------------------------------------------------------------------------
// Entity
// ---------------------------------------------------------------------------

function speakersOf(statement: StatementViewFragment): Ref[] {
  return statement.speakers.filter((s): s is typeof s & Ref => 'id' in s && 'name' in s);
}

function joinLinks(refs: Ref[]): Child[] {
  const out: Child[] = [];
  refs.forEach((ref, i) => {
    if (i > 0) out.push(i === refs.length - 1 ? ' and ' : ', ');
    out.push(entityLink(ref));
  });
  return out;
}

function statementItem(statement: StatementViewFragment): HTMLElement {
  const speakers = speakersOf(statement);
  const kind = statement.kind;
  const text =
    kind === 'QUOTE'
      ? h('blockquote', { class: 'statement-text' }, `“${statement.text}”`)
      : h(
          'p',
          { class: 'statement-text' },
          kind === 'HEDGED_CLAIM' && statement.hedge
            ? h(
                'span',
                { class: 'hedge' },
                h('span', { class: 'visually-hidden' }, 'Hedge: '),
                `${statement.hedge}: `,
              )
            : null,
          statement.text,
        );
  const when = [statement.context, statement.timeText].filter(Boolean).join(', ');
  const source = statement.source;
  return h(
    'li',
    { class: `statement statement--${kind}`, 'data-statement-id': statement.id },
    h(
      'p',
      { class: 'statement-meta' },
      h('span', { class: `skind skind--${kind}` }, STATEMENT_KIND_NAMES[kind] ?? kind),
      ' ',
      speakers.length > 0
        ? h('span', { class: 'speaker' }, ...joinLinks(speakers))
        : h(
            'span',
            { class: 'speaker' },
            kind === 'REPORTED' ? 'The report itself' : 'Unattributed',
          ),
    ),
    text,
    when ? h('p', { class: 'statement-context' }, when) : null,
    h(
      'p',
      { class: 'statement-source' },
      'Source: ',
      source.url
        ? h(
            'a',
            { href: source.url, rel: 'noopener noreferrer', target: '_blank' },
            h('cite', {}, source.title),
          )
        : h('cite', {}, source.title),
      source.publisher ? ` (${source.publisher})` : null,
    ),
  );
}

function section(id: string, title: string, ...content: (Child | Child[])[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', id: `section-${id}`, 'aria-labelledby': `h-${id}` },
    h('h2', { id: `h-${id}` }, title),
    ...content,
  );
}

function statementsSection(
  id: string,
  title: string,
  statements: StatementViewFragment[],
  empty: string,
): HTMLElement {
  return section(
    id,
    `${title} (${statements.length})`,
    statements.length === 0
      ? h('p', { class: 'muted' }, empty)
      : h('ul', { class: 'statements' }, ...statements.map(statementItem)),
  );
}

function estimatesSection(entity: EntityData): HTMLElement | null {
  if (entity.estimates.length === 0) return null;
  return section(
    'estimates',
    'Figures given',
    h(
      'ul',
      { class: 'estimates' },
      ...entity.estimates.map((estimate) => {
        const statement = estimate.attributedTo;
        const speakers = speakersOf(statement);
        return h(
          'li',
          { class: 'estimate', 'data-estimate-id': estimate.id },
          h('p', { class: 'estimate-figure' }, estimate.label),
          estimate.scope ? h('p', { class: 'estimate-scope' }, estimate.scope) : null,
          h(
            'p',
            { class: 'estimate-attribution' },
            'According to ',
            ...(speakers.length > 0
              ? joinLinks(speakers)
              : [statement.kind === 'REPORTED' ? 'the report itself' : 'an unnamed source']),
          ),
          h(
            'p',
            { class: `estimate-quote skind-text--${statement.kind}` },
            h(
              'span',
              { class: `skind skind--${statement.kind}` },
              STATEMENT_KIND_NAMES[statement.kind] ?? statement.kind,
            ),
            ' ',
            statement.kind === 'QUOTE' ? `“${statement.text}”` : statement.text,
          ),
          h('p', { class: 'statement-source' }, 'Source: ', h('cite', {}, statement.source.title)),
        );
      }),
    ),
  );
}

function relationItems(entity: EntityData): HTMLElement[] {
  const items: HTMLElement[] = [];
  const li = (...children: Child[]) => items.push(h('li', {}, ...children));
  const dates = (since?: string | null, until?: string | null) =>
    since || until ? ` (${since ?? '…'}–${until ?? ''})` : '';
  const ref = (r: { __typename?: string; id?: string; name?: string }) =>
    r.id && r.name ? entityLink({ id: r.id, name: r.name }) : '?';
  const relation = (r: {
    kind: string;
    other: Parameters<typeof ref>[0];
    description?: string | null;
    since?: string | null;
  }) =>
    li(
      h('span', { class: 'rel-kind' }, r.kind.toLowerCase()),
      ' with ',
      ref(r.other),
      r.description ? ` — ${r.description}` : '',
      r.since ? ` (since ${r.since})` : '',
    );
  switch (entity.__typename) {
    case 'Person':
      for (const role of entity.roles)
        li(role.title ?? 'Role', ' at ', ref(role.organization), dates(role.since, role.until));
      break;
    case 'State':
      for (const r of entity.relations) relation(r);
      for (const o of entity.officials) li(o.title ?? 'Official', ': ', entityLink(o.person));
      for (const m of entity.members) li('Member body: ', entityLink(m));
      for (const u of entity.units) li('Unit: ', entityLink(u));
      for (const l of entity.locations) li('Contains: ', entityLink(l));
      break;
    case 'Organization':
      for (const r of entity.relations) relation(r);
      for (const p of entity.partOf) li('Part of ', ref(p));
      for (const o of entity.officials) li(o.title ?? 'Official', ': ', entityLink(o.person));
      for (const m of entity.members) li('Member body: ', entityLink(m));
      break;
    case 'MilitaryUnit':
      for (const b of entity.belongsTo) li('Belongs to ', entityLink(b));
      for (const d of entity.deployments)
        li(
          'Deployed to ',
          ref(d.location),
          d.status ? ` — ${d.status}` : '',
          d.asOf ? ` (as of ${d.asOf})` : '',
        );
      for (const t of entity.training)
        li(
          'Trained by ',
          ref(t.trainer),
          t.disciplines.length > 0 ? ` in ${t.disciplines.join(', ')}` : '',
        );
      break;
    case 'Location':
      for (const w of entity.within) li('Within ', ref(w));
      for (const c of entity.contains) li('Contains ', entityLink(c));
      for (const e of entity.events) li('Event here: ', entityLink(e));
      break;
    case 'Event':
      for (const p of entity.participants) li(entityLink(p.entity), p.role ? ` — ${p.role}` : '');
      for (const o of entity.occurredIn) li('Took place in ', ref(o));
      break;
    default:
  }
  for (const p of entity.participatedIn)
    li('Took part in ', entityLink(p.event), p.role ? ` — ${p.role}` : '');
  return items;
}

function graphSection(entity: EntityData): HTMLElement {
  const container = h('div', {
    class: 'cy',
    id: 'cy',
    role: 'img',
    'aria-label': `Graph of the nodes around ${entity.name}`,
  });
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' });
  const note = h('p', { class: 'muted graph-note' });
  let centre = entity.id;
  let hops = 1;
  let sequence = 0;

  const load = async () => {
    const mine = ++sequence;
    status.textContent = 'Loading graph…';
    container.setAttribute('aria-busy', 'true');
    try {
      const data = await request(NeighborhoodDocument, { id: centre, hops });
      if (mine !== sequence) return;
      if (!data.neighborhood) {
        status.textContent = 'This node is no longer in the graph.';
        return;
      }
      const view = data.neighborhood;
      renderGraph(container, view, {
        centreId: centre,
        onTap(node) {
          if (ENTITY_LABELS.has(node.label)) openNode(node);
          else {
            centre = node.id;
            note.textContent = `Showing what is around the ${LABEL_NAMES[node.label]?.toLowerCase() ?? 'node'} “${node.name}”. `;
            note.append(
              h(
                'button',
                {
                  type: 'button',
                  class: 'linklike',
                  onclick: () => ((centre = entity.id), (note.textContent = ''), void load()),
                },
                `Back to ${entity.name}`,
              ),
            );
            void load();
          }
        },
      });
      status.textContent = `${view.nodes.length} nodes, ${view.edges.length} relationships${view.truncated ? ' (some left out)' : ''}. Click an entity to open it.`;
    } catch (error) {
      if (mine !== sequence) return;
      clear(status);
      status.append(errorBox((error as Error).message, () => void load()));
    } finally {
      if (mine === sequence) container.removeAttribute('aria-busy');
    }
  };

  const hopChoice = (n: number) =>
    h(
      'label',
      { class: 'hop' },
      h('input', {
        type: 'radio',
        name: 'hops',
        value: n,
        checked: n === hops,
        onchange: () => {
          hops = n;
          void load();
        },
      }),
      n === 1 ? ' 1 hop' : ` ${n} hops`,
    );

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours' },
    ...Object.entries(LABEL_COLOURS).map(([label, colour]) =>
      h(
        'li',
        {},
        h('span', { class: 'swatch', style: `background:${colour}` }),
        LABEL_NAMES[label] ?? label,
      ),
    ),
  );

  queueMicrotask(() => void load());
  return section(
    'graph',
    'Neighbourhood',
    h('fieldset', { class: 'hops' }, h('legend', {}, 'Within'), hopChoice(1), hopChoice(2)),
    note,
    container,
    status,
    legend,
  );
}

export async function renderEntity(
  main: HTMLElement,
  id: string,
  isCurrent: () => boolean,
  focusStatement?: string,
): Promise<void> {
  main.append(loading(`Loading ${id}…`));
  let data: EntityPageQuery;
  try {
    data = await request(EntityPageDocument, { id });
  } catch (error) {
    if (!isCurrent()) return;
    clear(main);
    main.append(
      errorBox(
        (error as Error).message,
        () => (clear(main), void renderEntity(main, id, isCurrent, focusStatement)),
      ),
    );
    return;
  }
  if (!isCurrent()) return;
  clear(main);
  const entity = data.entity;
  if (!entity) {
    renderNotFound(main, id);
    return;
  }
  setTitle(entity.name);
  const subtitle = [entity.category, entity.timeText, entity.date].filter(Boolean).join(' · ');
  const relations = relationItems(entity);
  main.append(
    h(
      'article',
      { class: 'entity', 'data-entity-id': entity.id },
      h(
        'header',
        { class: 'entity-head' },
        h(
          'p',
          { class: `chip chip--${kindLabel(entity.kind)}` },
          KIND_NAMES[entity.kind] ?? entity.kind,
        ),
        h('h1', { id: 'entity-name' }, entity.name),
        subtitle ? h('p', { class: 'muted' }, subtitle) : null,
        entity.description ? h('p', { class: 'description' }, entity.description) : null,
        entity.aliases.length > 0
          ? h('p', { class: 'aliases' }, 'Also called: ', entity.aliases.join(', '))
          : null,
        h(
          'p',
          {},
          h(
            'a',
            { href: pathHref(entity.id), class: 'button-link' },
            `How is ${entity.name} connected to…?`,
          ),
        ),
      ),
      estimatesSection(entity),
      h(
        'div',
        { class: 'entity-grid' },
        h(
          'div',
          { class: 'col-main' },
          statementsSection(
            'made',
            'Statements made',
            entity.statements,
            `${entity.name} made no recorded statements.`,
          ),
          statementsSection(
            'mentioned',
            'Statements mentioning it',
            entity.mentionedIn,
            `No statement mentions ${entity.name}.`,
          ),
        ),
        h(
          'div',
          { class: 'col-side' },
          graphSection(entity),
          section(
            'relations',
            'Roles and relations',
            relations.length === 0
              ? h('p', { class: 'muted' }, 'None recorded.')
              : h('ul', { class: 'relations' }, ...relations),
          ),
        ),
      ),
    ),
  );
  if (focusStatement) {
    const target = main.querySelector<HTMLElement>(
      `li.statement[data-statement-id="${CSS.escape(focusStatement)}"]`,
    );
    if (target) {
      target.classList.add('statement--focus');
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    }
  }
}

function kindLabel(kind: string): string {
  return kind === 'MILITARY_UNIT' ? 'MilitaryUnit' : kind.charAt(0) + kind.slice(1).toLowerCase();
}

// ---------------------------------------------------------------------------
// How are these connected?
// ---------------------------------------------------------------------------

async function nameOf(id: string): Promise<string> {
  try {
    const data = await request(EntityNameDocument, { id });
    return data.entity?.name ?? id;
  } catch {
    return id;
  }
}

function picker(
  name: string,
  labelText: string,
): {
  root: HTMLElement;
  input: HTMLInputElement;
  get(): string;
  set(id: string, text: string): void;
} {
  const inputId = `pick-${name}`;
  const listId = `pick-${name}-list`;
  const input = h('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: 'Type a name…',
    required: true,
  });
  const listbox = h('ul', {
    id: listId,
    role: 'listbox',
    'aria-label': `${labelText} suggestions`,
    hidden: true,
  });
  const status = h('p', { class: 'combobox-status', role: 'status', 'aria-live': 'polite' });
  let chosen = '';
  const box = setupCombobox({
    input,
    listbox,
    status,
    entitiesOnly: true,
    onSelect(choice) {
      chosen = choice.id;
      status.textContent = `Chosen: ${choice.name}`;
    },
  });
  input.addEventListener('input', () => (chosen = ''));
  return {
    root: h(
      'div',
      { class: 'picker' },
      h('label', { for: inputId }, labelText),
      h('div', { class: 'combobox' }, input, listbox, status),
    ),
    input,
    get: () => chosen,
    set(id, text) {
      box.setValue(text);
      chosen = id;
    },
  };
}

export async function renderPath(
  main: HTMLElement,
  from: string | undefined,
  to: string | undefined,
  isCurrent: () => boolean,
): Promise<void> {
  setTitle('How are these connected?');
  const fromPicker = picker('from', 'From');
  const toPicker = picker('to', 'To');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'path-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const a = fromPicker.get();
        const b = toPicker.get();
        if (!a || !b) {
          formError.textContent = 'Choose both entities from the suggestions first.';
          return;
        }
        formError.textContent = '';
        location.hash = pathHref(a, b);
      },
    },
    fromPicker.root,
    toPicker.root,
    h('button', { type: 'submit' }, 'Connect'),
  );
  main.append(
    h(
      'section',
      { class: 'path-view' },
      h('h1', {}, 'How are these connected?'),
      h(
        'p',
        { class: 'lead' },
        'Pick two entities to see the shortest chain of relationships between them (at most six steps).',
      ),
      form,
      formError,
      result,
    ),
  );

  const [fromName, toName] = await Promise.all([from ? nameOf(from) : '', to ? nameOf(to) : '']);
  if (!isCurrent()) return;
  if (from) fromPicker.set(from, fromName);
  if (to) toPicker.set(to, toName);
  if (!from || !to) {
    (from ? toPicker.input : fromPicker.input).focus();
    return;
  }

  result.append(loading('Finding a path…'));
  try {
    const data = await request(ConnectionPathDocument, { from, to });
    if (!isCurrent()) return;
    clear(result);
    const path = data.path;
    if (!path) {
      result.append(
        h(
          'div',
          { class: 'not-found', 'data-testid': 'no-path' },
          h('h2', {}, 'No connection found'),
          h(
            'p',
            {},
            `No chain of at most six relationships links ${fromName} and ${toName}, or one of them is not in the graph.`,
          ),
        ),
      );
      return;
    }
    setTitle(`${fromName} → ${toName}`);
    const chain = h('ol', {
      class: 'path-chain',
      'aria-label': `Path from ${fromName} to ${toName}`,
    });
    path.nodes.forEach((node, i) => {
      const nodeChildren: Child[] = [
        h('span', { class: `chip chip--${node.label}` }, LABEL_NAMES[node.label] ?? node.label),
        ' ',
        ENTITY_LABELS.has(node.label)
          ? entityLink(node)
          : h('span', { class: 'node-name' }, node.name),
      ];
      chain.append(h('li', { class: 'path-node', 'data-node-id': node.id }, ...nodeChildren));
      const edge = path.edges[i];
      if (edge) {
        const forward = edge.from === node.id;
        chain.append(
          h(
            'li',
            { class: 'path-edge', 'aria-label': `${forward ? '' : 'reverse '}${edge.type}` },
            h('span', { 'aria-hidden': 'true' }, forward ? '↓ ' : '↑ '),
            edge.type,
            forward ? '' : ' (reverse)',
          ),
        );
      }
    });
    const cyBox = h('div', {
      class: 'cy cy--path',
      id: 'cy',
      role: 'img',
      'aria-label': 'The path as a graph',
    });
    result.append(
      h(
        'h2',
        {},
        `${path.length} step${path.length === 1 ? '' : 's'} from ${fromName} to ${toName}`,
      ),
      h('div', { class: 'path-layout' }, chain, cyBox),
    );
    renderPathGraph(cyBox, path, openNode);
  } catch (error) {
    if (!isCurrent()) return;
    clear(result);
    result.append(
      errorBox(
        (error as Error).message,
        () => void renderPath((clear(main), main), from, to, isCurrent),
      ),
    );
  }
}
