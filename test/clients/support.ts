/**
 * Shared by the client suites: a real server over the seeded in-memory graph,
 * a fetch that records what the client library sent, and a console spy that
 * collects every warning and error the libraries print.
 */
import { startTestServer, type TestServer } from '../helpers/server-helper';

export interface Sent {
  method: string;
  url: string;
  status: number;
  cacheControl: string | null;
}

/** A `fetch` that records every request a client makes. */
export function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    sent.push({
      method: request.method,
      url: request.url,
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
    });
    return response;
  };
}

/** Collects console.warn and console.error calls (what Apollo and urql print their warnings with). */
export function spyOnConsole(): { messages: string[]; restore(): void } {
  const messages: string[] = [];
  const spies = (['warn', 'error'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      messages.push(`${level}: ${args.map(String).join(' ')}`);
    }),
  );
  return { messages, restore: () => spies.forEach((s) => s.mockRestore()) };
}

export { startTestServer, type TestServer };
export { TEST_TOKEN } from '../helpers/server-helper';

/** Every statement id in reading order, straight from the server (for gap/duplicate checks). */
export async function allStatementIds(server: TestServer): Promise<string[]> {
  const res = await server.post('{ statements(first: 100) { edges { node { id } } } }');
  return res.body.data.statements.edges.map((e: any) => e.node.id);
}

/** An entity page through fragments on the Entity interface and the Actor, Polity and SearchResult unions. */
export const ENTITY_PAGE = `
  fragment EntityCard on Entity { id name kind }
  fragment ActorName on Actor { ... on Person { id name } ... on State { id name } ... on Organization { id name } }
  query EntityPage($id: ID!) {
    entity(id: $id) {
      ...EntityCard
      ... on Person { roles { id title organization { ... on State { id name } ... on Organization { id name } } } }
      ... on State { relations { id kind direction other { ... on State { id name } ... on Organization { id name } } } }
      mentionedIn(first: 5) { id text speakers { ...ActorName } }
    }
    search(text: "north korea", first: 5) {
      score
      node { __typename ...EntityCard ... on Statement { id text } ... on Source { id title } }
    }
  }
`;
