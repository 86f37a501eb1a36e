/**
 * Regression: `link` and `unlink` on a start node with more relationships of
 * the type than one page of neighbours (the old check read only the first
 * 100). Past the first page, `unlink` used to delete nothing and `link` used
 * to treat an existing relationship as new and wipe its stored properties.
 */
import { loadSeed } from '../../src/seed/load-seed';
import { type Api, TOKEN, openApi } from '../helpers/api-helper';

const ROLES = 160;
const orgId = (i: number) => `org-${String(i).padStart(3, '0')}`;
/** Sorts after the first 100 by id and by name, so no first page holds it. */
const FAR = orgId(150);

const LINK = `mutation($input: LinkInput!) { link(input: $input) { changed edge { id type from to properties } } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { changed edge { id type from to properties } } }`;
const ROLE_COUNT = `{ graphStats { byType { name count } } }`;

let api: Api;

async function write(query: string, variables: Record<string, unknown>): Promise<any> {
  const result = await api.run(query, variables, { token: TOKEN });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function holdsRoleCount(): Promise<number> {
  const { graphStats } = await api.read(ROLE_COUNT);
  return graphStats.byType.find((t: { name: string }) => t.name === 'HOLDS_ROLE').count;
}

beforeEach(async () => {
  api = await openApi({ seed: false });
  await loadSeed(api.graph, {
    nodes: [
      { label: 'Person', id: 'hub-person', name: 'Hub Person' },
      { label: 'Organization', id: 'org-unlinked', name: 'Unlinked Organization' },
      ...Array.from({ length: ROLES }, (_, i) => ({
        label: 'Organization' as const,
        id: orgId(i),
        name: `Organization ${String(i).padStart(3, '0')}`,
      })),
    ],
    relationships: Array.from({ length: ROLES }, (_, i) => ({
      type: 'HOLDS_ROLE',
      from: 'hub-person',
      to: orgId(i),
      properties: { title: `Adviser ${i}`, since: '2020' },
    })),
  });
});
afterEach(() => api.close());

describe('link and unlink on a node with more than 150 relationships of the type', () => {
  it('re-linking an existing relationship past the first 100 keeps the properties left out', async () => {
    const { link } = await write(LINK, {
      input: { type: 'HOLDS_ROLE', from: 'hub-person', to: FAR, properties: { until: '2024' } },
    });
    expect(link).toEqual({
      changed: true,
      edge: {
        id: `HOLDS_ROLE:hub-person:${FAR}`,
        type: 'HOLDS_ROLE',
        from: 'hub-person',
        to: FAR,
        properties: { title: 'Adviser 150', since: '2020', until: '2024' },
      },
    });
    expect(await holdsRoleCount()).toBe(ROLES);
  });

  it('re-linking with the stored properties reports no change and changes nothing', async () => {
    const { link } = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'hub-person',
        to: FAR,
        properties: { title: 'Adviser 150' },
      },
    });
    expect(link.changed).toBe(false);
    expect(link.edge.properties).toEqual({ title: 'Adviser 150', since: '2020' });
    expect(await holdsRoleCount()).toBe(ROLES);
  });

  it('re-linking updates a given property and keeps the others', async () => {
    const { link } = await write(LINK, {
      input: { type: 'HOLDS_ROLE', from: 'hub-person', to: FAR, properties: { title: 'Envoy' } },
    });
    expect(link).toMatchObject({
      changed: true,
      edge: { properties: { title: 'Envoy', since: '2020' } },
    });
  });

  it('unlinks an existing relationship past the first 100, then reports it absent', async () => {
    const first = await write(UNLINK, {
      input: { type: 'HOLDS_ROLE', from: 'hub-person', to: FAR },
    });
    expect(first.unlink).toEqual({
      changed: true,
      edge: {
        id: `HOLDS_ROLE:hub-person:${FAR}`,
        type: 'HOLDS_ROLE',
        from: 'hub-person',
        to: FAR,
        properties: { title: 'Adviser 150', since: '2020' },
      },
    });
    expect(await holdsRoleCount()).toBe(ROLES - 1);
    const second = await write(UNLINK, {
      input: { type: 'HOLDS_ROLE', from: 'hub-person', to: FAR },
    });
    expect(second.unlink).toMatchObject({ changed: false, edge: { properties: null } });
    expect(await holdsRoleCount()).toBe(ROLES - 1);
  });

  it('unlinking an absent relationship reports no change and deletes nothing', async () => {
    const { unlink } = await write(UNLINK, {
      input: { type: 'HOLDS_ROLE', from: 'hub-person', to: 'org-unlinked' },
    });
    expect(unlink).toMatchObject({ changed: false, edge: { properties: null } });
    expect(await holdsRoleCount()).toBe(ROLES);
  });

  it('linking an absent relationship creates it with the given properties only', async () => {
    const { link } = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'hub-person',
        to: 'org-unlinked',
        properties: { title: 'Observer' },
      },
    });
    expect(link).toMatchObject({ changed: true, edge: { properties: { title: 'Observer' } } });
    expect(await holdsRoleCount()).toBe(ROLES + 1);
  });

  it('re-links after an unlink as a new relationship, with the new properties', async () => {
    await write(UNLINK, { input: { type: 'HOLDS_ROLE', from: 'hub-person', to: FAR } });
    const { link } = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'hub-person',
        to: FAR,
        properties: { title: 'Returning adviser' },
      },
    });
    expect(link).toMatchObject({
      changed: true,
      edge: { properties: { title: 'Returning adviser' } },
    });
    expect(await holdsRoleCount()).toBe(ROLES);
    const { organization } = await api.read(
      `{ organization(id: "${FAR}") { officials { title person { id } } } }`,
    );
    expect(organization.officials).toEqual([
      { title: 'Returning adviser', person: { id: 'hub-person' } },
    ]);
  });
});
