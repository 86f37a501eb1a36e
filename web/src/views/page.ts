/** What every view shares: the document title, panels, and opening a node. */
import { entityHref, h, type Child } from '../dom';
import type { EntityPageQuery } from '../generated/graphql';
import { ENTITY_LABELS } from '../labels';

/** An entity as a link needs it. */
export type Ref = { id: string; name: string };

/** The entity an entity page shows. */
export type EntityData = NonNullable<EntityPageQuery['entity']>;

export function setTitle(text: string): void {
  document.title = text ? `${text} · Graph explorer` : 'Graph explorer';
}

/** Opens the entity page of `node`; other nodes (statements, sources, estimates) have none. */
export function openNode(node: { id: string; label: string }): void {
  if (ENTITY_LABELS.has(node.label)) location.hash = entityHref(node.id);
}

/** A titled panel; `id` names it for `#section-<id>` and its heading for `aria-labelledby`. */
export function section(id: string, title: string, ...content: (Child | Child[])[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', id: `section-${id}`, 'aria-labelledby': `h-${id}` },
    h('h2', { id: `h-${id}` }, title),
    ...content,
  );
}
