/** The "Roles and relations" list of an entity page, one item per relationship field of its type. */
import { entityLink, h, type Child } from '../dom';
import type { EntityData } from './page';

export function relationItems(entity: EntityData): HTMLElement[] {
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
      // Every entity type has a case: a new one in the schema fails the typecheck here.
      entity satisfies never;
  }
  for (const p of entity.participatedIn)
    li('Took part in ', entityLink(p.event), p.role ? ` — ${p.role}` : '');
  return items;
}
