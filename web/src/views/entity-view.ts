/** An entity's page: who it is, what it said, what was said about it, its figures, relations and neighbourhood. */
import { request } from '../client';
import { clear, errorBox, h, loading, pathHref } from '../dom';
import { EntityPageDocument, type EntityPageQuery } from '../generated/graphql';
import { KIND_LABELS, kindName } from '../labels';
import { relationItems } from './entity-relations';
import { figuresSection } from './entity-figures';
import { estimatesSection, statementsSection } from './entity-statements';
import { graphSection } from './graph-section';
import { renderNotFound } from './not-found-view';
import { type EntityData, section, setTitle } from './page';

/** Scheme names as the page shows them; an unknown scheme shows as stored. */
const SCHEME_NAMES: Record<string, string> = { wikidata: 'Wikidata' };

/** "Elsewhere: Wikidata Q6279", each id a link to its page (a link, never a fetch). */
function externalIdsLine(externalIds: EntityData['externalIds']): HTMLElement | null {
  if (externalIds.length === 0) return null;
  return h(
    'p',
    { class: 'external-ids' },
    'Elsewhere: ',
    ...externalIds.flatMap((e, i) => {
      const label = `${SCHEME_NAMES[e.scheme] ?? e.scheme} ${e.id}`;
      return [
        i > 0 ? ', ' : null,
        e.url
          ? h(
              'a',
              {
                href: e.url,
                rel: 'noopener noreferrer',
                target: '_blank',
                'data-scheme': e.scheme,
              },
              label,
            )
          : h('span', { 'data-scheme': e.scheme }, label),
      ];
    }),
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
        h('p', { class: `chip chip--${KIND_LABELS[entity.kind]}` }, kindName(entity.kind)),
        h('h1', { id: 'entity-name' }, entity.name),
        subtitle ? h('p', { class: 'muted' }, subtitle) : null,
        entity.description ? h('p', { class: 'description' }, entity.description) : null,
        entity.aliases.length > 0
          ? h('p', { class: 'aliases' }, 'Also called: ', entity.aliases.join(', '))
          : null,
        externalIdsLine(entity.externalIds),
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
      entity.estimates.length > 0 ? figuresSection(entity.id) : null,
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
