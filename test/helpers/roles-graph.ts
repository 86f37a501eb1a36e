/**
 * A graph of office holders, for tests of lists without `first`: `people`
 * people (`officer-00`…), each holding a role in every one of `organizations`
 * organizations (`org-000` "Org 000"…). The role in org k started in year
 * 1900 + k, so the newest role is in the organization whose name sorts last:
 * a list cut by name before it is ordered newest first loses it.
 *
 * Written straight through the query layer in one transaction (3,150 roles
 * for 30 × 105 take well under a second; through the API they would take minutes).
 */
import { type Graph, type LinkRecord, createQueries } from '../../src/graph';

export const officerId = (i: number) => `officer-${String(i).padStart(2, '0')}`;
export const orgId = (k: number) => `org-${String(k).padStart(3, '0')}`;
export const roleSince = (k: number) => String(1900 + k);

export async function loadRolesGraph(
  graph: Graph,
  { people = 30, organizations = 105 } = {},
): Promise<void> {
  const orgs = Array.from({ length: organizations }, (_, k) => ({
    label: 'Organization' as const,
    id: orgId(k),
    name: `Org ${String(k).padStart(3, '0')}`,
  }));
  const officers = Array.from({ length: people }, (_, i) => ({
    label: 'Person' as const,
    id: officerId(i),
    name: `Officer ${String(i).padStart(2, '0')}`,
  }));
  const roles: LinkRecord[] = officers.flatMap((p) =>
    orgs.map((o, k) => ({
      from: p.id,
      to: o.id,
      properties: { title: `Delegate to ${o.name}`, since: roleSince(k), until: null },
    })),
  );
  await createQueries(graph.port, graph.cypher).writeTransaction(async (tx) => {
    await tx.upsertNodes('Organization', orgs);
    await tx.upsertNodes('Person', officers);
    await tx.linkNodes('HOLDS_ROLE', 'Person', 'Organization', roles);
  });
}
