/**
 * `ingestReport`: review, then commit. A dry run shows the plan and writes
 * nothing; a commit writes it in one transaction, linking to the entities the
 * plan matched without duplicating them; the same text again changes nothing;
 * corrections remap, drop and rename; bad input and bad corrections are
 * refused with BAD_USER_INPUT naming the field, and leave graphStats as it was.
 * The plan comes from a hand-built extractor (test/helpers/hand-plan.ts).
 */
import { type Api, TOKEN, onlyError, openApi } from '../helpers/api-helper';
import { ruleBasedExtractor } from '../../src/ingest';
import { HAND_REPORT, handExtractor } from '../helpers/hand-plan';

const MAX_BYTES = 4_000;

const INGEST = /* GraphQL */ `
  mutation Ingest(
    $input: IngestReportInput!
    $corrections: IngestCorrectionsInput
    $dryRun: Boolean
  ) {
    ingestReport(input: $input, corrections: $corrections, dryRun: $dryRun) {
      status
      contentHash
      source {
        id
        title
        publisher
        publishedAt
        contentHash
        statementCount
      }
      counts {
        sources
        entitiesCreated
        entitiesMatched
        statements
        estimates
        relationships
      }
      warnings {
        code
        message
      }
      plan {
        extractor
        statements {
          id
          kind
          text
          speakers {
            text
            unnamed
            entity {
              status
              id
              kind
              name
            }
            rule
            confidence
          }
          mentions {
            status
            id
            name
          }
          evidence {
            sentence
            start
            end
          }
        }
        mentions {
          matchId
          text
          start
          end
          entity {
            status
            id
            kind
            name
          }
          confidence
          rule
        }
        proposedEntities {
          id
          name
          kind
          aliases
          reason
        }
        figures {
          id
          text
          value
          unit
          qualifier
          scope
          subject {
            id
          }
          statementId
        }
        warnings {
          code
        }
      }
    }
  }
`;

const STATS = '{ graphStats { nodes relationships byLabel { name count } byType { name count } } }';

let api: Api;
const stats = async () => (await api.read(STATS)).graphStats;
const ingest = (
  variables: Record<string, unknown>,
  options: { token?: string } = { token: TOKEN },
) => api.run(INGEST, variables, options);

async function committed(variables: Record<string, unknown>) {
  const result = await ingest({ dryRun: false, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data.ingestReport;
}

beforeEach(async () => {
  api = await openApi({ seed: true, ingest: { extractor: handExtractor, maxBytes: MAX_BYTES } });
});
afterEach(() => api.close());

describe('ingestReport dry run', () => {
  it('shows the plan: statements with speakers, mentions with confidence and rule, proposals and figures; writes nothing', async () => {
    const before = await stats();
    const result = await ingest({ input: { text: HAND_REPORT } });
    expect(result.errors).toBeUndefined();
    const out = result.data.ingestReport;
    expect(out).toMatchObject({ status: 'DRY_RUN', source: null, counts: null, warnings: [] });
    expect(out.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.plan.statements.map((s: any) => [s.kind, s.text, s.speakers[0].entity])).toEqual([
      [
        'QUOTE',
        'the troops must leave Russia soon',
        { status: 'EXISTING', id: 'antony-blinken', kind: 'PERSON', name: 'Antony Blinken' },
      ],
      [
        'PARAPHRASE',
        'Pyongyang would not comment',
        { status: 'PROPOSED', id: 'mara-voss', kind: 'PERSON', name: 'Mara Voss' },
      ],
    ]);
    expect(out.plan.statements[0].evidence).toEqual({
      sentence: 'Antony Blinken said that “the troops must leave Russia soon”.',
      start: HAND_REPORT.indexOf('the troops'),
      end: HAND_REPORT.indexOf('”.'),
    });
    expect(out.plan.mentions.find((m: any) => m.matchId === 'm4')).toEqual({
      matchId: 'm4',
      text: 'Pyongyang',
      start: HAND_REPORT.indexOf('Pyongyang'),
      end: HAND_REPORT.indexOf('Pyongyang') + 9,
      entity: { status: 'EXISTING', id: 'north-korea', kind: 'STATE', name: 'North Korea' },
      confidence: 0.9,
      rule: 'metonym',
    });
    expect(out.plan.proposedEntities).toEqual([
      {
        id: 'mara-voss',
        name: 'Mara Voss',
        kind: 'PERSON',
        aliases: ['Voss'],
        reason: 'preceded by the title "Envoy"',
      },
    ]);
    expect(out.plan.figures).toEqual([
      {
        id: 'troops-in-russia-3000',
        text: 'Around 3,000 troops',
        value: 3000,
        unit: 'troops',
        qualifier: 'Around',
        scope: 'in Russia',
        subject: { id: 'north-korean-troops-in-russia' },
        statementId: null,
      },
    ]);
    expect(await stats()).toEqual(before);
  });

  it('is the default when dryRun is omitted', async () => {
    const before = await stats();
    const result = await api.run(INGEST, { input: { text: HAND_REPORT } }, { token: TOKEN });
    expect(result.data.ingestReport.status).toBe('DRY_RUN');
    expect(await stats()).toEqual(before);
  });
});

describe('ingestReport commit', () => {
  it('writes the source with its text and hash, the statements with their sentence, and links to existing entities without duplicating them', async () => {
    const before = await stats();
    const out = await committed({
      input: { text: HAND_REPORT, publisher: 'Our Desk', publishedAt: '2024-11-01' },
    });
    expect(out.status).toBe('COMMITTED');
    expect(out.source).toEqual({
      id: `envoy-warns-of-longer-deployment-${out.contentHash.slice(0, 10)}`,
      title: 'Envoy Warns of Longer Deployment',
      publisher: 'Our Desk',
      publishedAt: '2024-11-01',
      contentHash: out.contentHash,
      statementCount: 3,
    });
    expect(out.counts).toEqual({
      sources: 1,
      entitiesCreated: 1,
      entitiesMatched: 4,
      statements: 3,
      estimates: 1,
      relationships: 9,
    });

    const after = await stats();
    const count = (list: any[], name: string) => list.find((x) => x.name === name)?.count;
    expect(after.nodes).toBe(before.nodes + 6);
    // MADE 2, REPORTED_IN 3, MENTIONS 2, ESTIMATES 1, ATTRIBUTED_TO 1.
    expect(after.relationships).toBe(before.relationships + 9);
    expect(count(after.byLabel, 'Person')).toBe(count(before.byLabel, 'Person') + 1);
    expect(count(after.byLabel, 'State')).toBe(count(before.byLabel, 'State'));

    const data = await api.read(
      `query($id: ID!) { source(id: $id) { text statements { kind text attribution speaker { ... on Entity { id } } mentions { id } evidence { sentence start end } estimates { label subject { id } } } } }`,
      { id: out.source.id },
    );
    expect(data.source.text).toBe(HAND_REPORT);
    expect(data.source.statements).toEqual([
      {
        kind: 'QUOTE',
        text: 'the troops must leave Russia soon',
        attribution: 'Antony Blinken said',
        speaker: { id: 'antony-blinken' },
        mentions: [{ id: 'russia' }],
        evidence: {
          sentence: 'Antony Blinken said that “the troops must leave Russia soon”.',
          start: HAND_REPORT.indexOf('the troops'),
          end: HAND_REPORT.indexOf('”.'),
        },
        estimates: [],
      },
      {
        kind: 'REPORTED',
        text: 'Around 3,000 troops remain in Russia, the report says.',
        attribution: null,
        speaker: null,
        mentions: [],
        evidence: {
          sentence: 'Around 3,000 troops remain in Russia, the report says.',
          start: HAND_REPORT.indexOf('Around'),
          end: HAND_REPORT.indexOf('says.') + 5,
        },
        estimates: [
          { label: 'Around 3,000 troops', subject: { id: 'north-korean-troops-in-russia' } },
        ],
      },
      {
        kind: 'PARAPHRASE',
        text: 'Pyongyang would not comment',
        attribution: 'Envoy Mara Voss said',
        speaker: { id: 'mara-voss' },
        mentions: [{ id: 'north-korea' }],
        evidence: {
          sentence: 'Envoy Mara Voss said Pyongyang would not comment.',
          start: HAND_REPORT.indexOf('Pyongyang'),
          end: HAND_REPORT.indexOf(' comment.') + 8,
        },
        estimates: [],
      },
    ]);
  });

  it('commits a report in which the extractor finds no statement: just the source', async () => {
    const api2 = await openApi({
      seed: false,
      ingest: { extractor: ruleBasedExtractor, maxBytes: MAX_BYTES },
    });
    try {
      const result = await api2.run(
        INGEST,
        { input: { text: "it's" }, dryRun: false },
        { token: TOKEN },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.ingestReport).toMatchObject({
        status: 'COMMITTED',
        counts: { sources: 1, statements: 0, estimates: 0 },
      });
    } finally {
      await api2.close();
    }
  });

  it('leaves matched entities as stored: names, aliases and descriptions are not rewritten', async () => {
    const q = `{ person(id: "antony-blinken") { name aliases description } state(id: "russia") { name aliases description } }`;
    const before = await api.read(q);
    await committed({ input: { text: HAND_REPORT } });
    expect(await api.read(q)).toEqual(before);
  });

  it('changes nothing, and says so, when the same text comes again (also with other line ends and spacing)', async () => {
    const first = await committed({ input: { text: HAND_REPORT } });
    const before = await stats();
    const again = await committed({ input: { text: HAND_REPORT } });
    expect(again).toMatchObject({
      status: 'UNCHANGED',
      plan: null,
      counts: null,
      source: { id: first.source.id },
      contentHash: first.contentHash,
    });
    expect(again.warnings).toEqual([
      {
        code: 'ALREADY_INGESTED',
        message: `This text is already in the graph as source "${first.source.id}"; nothing was written.`,
      },
    ]);
    const reformatted = await committed({
      input: { text: `\uFEFF${HAND_REPORT.replace(/\n/g, '  \r\n')}\r\n\r\n` },
    });
    expect(reformatted.status).toBe('UNCHANGED');
    expect(await stats()).toEqual(before);
  });

  it('says in a dry run that the text is already in the graph', async () => {
    const first = await committed({ input: { text: HAND_REPORT } });
    const dry = (await ingest({ input: { text: HAND_REPORT } })).data.ingestReport;
    expect(dry).toMatchObject({ status: 'DRY_RUN', source: { id: first.source.id } });
    expect(dry.warnings.map((w: any) => w.code)).toEqual(['ALREADY_INGESTED']);
  });
});

describe('ingestReport corrections', () => {
  it('maps a mention to another existing entity, renames a proposal and drops items before committing', async () => {
    const out = await committed({
      input: { text: HAND_REPORT },
      corrections: {
        remap: [{ matchId: 'm4', toId: 'russia' }],
        rename: [{ proposedId: 'mara-voss', newId: 'envoy-mara-voss' }],
        drop: ['troops-in-russia-3000', 'blinken-troops-must-leave'],
      },
    });
    expect(
      out.plan.statements.map((s: any) => [
        s.id,
        s.speakers[0].entity.id,
        s.mentions.map((m: any) => m.id),
      ]),
    ).toEqual([['voss-no-comment', 'envoy-mara-voss', ['russia']]]);
    expect(out.plan.mentions.find((m: any) => m.matchId === 'm4')).toMatchObject({
      entity: { status: 'EXISTING', id: 'russia' },
      rule: 'corrected',
      confidence: 1,
    });
    expect(out.plan.figures).toEqual([]);
    expect(out.counts).toMatchObject({ statements: 1, estimates: 0, entitiesCreated: 1 });
    const data = await api.read(
      `{ person(id: "envoy-mara-voss") { name statements { text mentions { id } } } mara: person(id: "mara-voss") { id } }`,
    );
    expect(data).toEqual({
      person: {
        name: 'Mara Voss',
        statements: [{ text: 'Pyongyang would not comment', mentions: [{ id: 'russia' }] }],
      },
      mara: null,
    });
  });

  it('maps a speaker to an existing person, and then does not create the proposal nothing refers to', async () => {
    const before = await stats();
    const out = await committed({
      input: { text: HAND_REPORT },
      corrections: { remap: [{ matchId: 'm3', toId: 'unnamed-us-envoy' }] },
    });
    expect(out.plan.statements[1].speakers[0].entity).toEqual({
      status: 'EXISTING',
      id: 'unnamed-us-envoy',
      kind: 'PERSON',
      name: 'Unnamed U.S. envoy',
    });
    expect(out.counts).toMatchObject({ entitiesCreated: 0 });
    const count = (list: any[], name: string) => list.find((x) => x.name === name)?.count;
    expect(count((await stats()).byLabel, 'Person')).toBe(count(before.byLabel, 'Person'));
    expect((await api.read(`{ person(id: "mara-voss") { id } }`)).person).toBeNull();
  });

  it('drops a proposed entity with its mentions, and the statements only it made', async () => {
    const out = await committed({
      input: { text: HAND_REPORT },
      corrections: { drop: ['mara-voss'] },
    });
    expect(out.plan.proposedEntities).toEqual([]);
    expect(out.plan.statements.map((s: any) => s.id)).toEqual(['blinken-troops-must-leave']);
    expect(out.plan.warnings.map((w: any) => w.code)).toEqual(['DROPPED_WITH_SPEAKER']);
    expect(out.counts).toMatchObject({ entitiesCreated: 0, statements: 2 });
  });

  it('drops one mention and keeps the entity when another mention in the statement still names it', async () => {
    const out = (await ingest({ input: { text: HAND_REPORT }, corrections: { drop: ['m1'] } })).data
      .ingestReport;
    expect(out.plan.statements[0].mentions).toEqual([]);
    expect(out.plan.mentions.map((m: any) => m.matchId)).toEqual(['m0', 'm2', 'm3', 'm4']);
  });
});

describe('ingestReport refuses bad input with BAD_USER_INPUT and writes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    [
      'empty text',
      { input: { text: '' } },
      'input.text',
      "input.text: must not be empty or only whitespace; paste the report's text.",
    ],
    [
      'whitespace-only text',
      { input: { text: ' \n\t\r\n ' } },
      'input.text',
      "input.text: must not be empty or only whitespace; paste the report's text.",
    ],
    [
      'text over the size limit',
      { input: { text: 'word '.repeat(801) } },
      'input.text',
      'input.text: is 4005 bytes; the limit is 4000 (INGEST_MAX_BYTES). Split the report or raise the limit.',
    ],
    [
      'a NUL byte',
      { input: { text: `${HAND_REPORT}\u0000` } },
      'input.text',
      `input.text: looks binary: it contains a NUL, control or undecodable character at offset ${HAND_REPORT.length}. Send the report as UTF-8 plain text.`,
    ],
    [
      'undecodable bytes',
      { input: { text: Buffer.from([0x41, 0xff, 0xfe, 0x42]).toString('utf8') } },
      'input.text',
      'input.text: looks binary: it contains a NUL, control or undecodable character at offset 1. Send the report as UTF-8 plain text.',
    ],
    [
      'HTML',
      { input: { text: `<p>${HAND_REPORT}</p>` } },
      'input.text',
      "input.text: looks like HTML (it contains markup such as <p> or <div>). Send the article's plain text, without tags.",
    ],
    [
      'a publishedAt that is not ISO-8601',
      { input: { text: HAND_REPORT, publishedAt: '01/11/2024' } },
      'input.publishedAt',
      'input.publishedAt: "01/11/2024" is not an ISO-8601 date; use YYYY-MM-DD or a date-time with a zone such as 2024-11-01T09:30:00Z.',
    ],
    [
      'an impossible date',
      { input: { text: HAND_REPORT, publishedAt: '2024-02-30' } },
      'input.publishedAt',
      'input.publishedAt: "2024-02-30" is not an ISO-8601 date; use YYYY-MM-DD or a date-time with a zone such as 2024-11-01T09:30:00Z.',
    ],
    [
      'a date-time without a zone',
      { input: { text: HAND_REPORT, publishedAt: '2024-11-01T09:30' } },
      'input.publishedAt',
      'input.publishedAt: "2024-11-01T09:30" is not an ISO-8601 date; use YYYY-MM-DD or a date-time with a zone such as 2024-11-01T09:30:00Z.',
    ],
    [
      'a url that is not http(s)',
      { input: { text: HAND_REPORT, url: 'javascript:alert(1)' } },
      'input.url',
      'input.url: must be an absolute http(s) URL.',
    ],
    [
      'a remap of an unknown mention',
      {
        input: { text: HAND_REPORT },
        corrections: { remap: [{ matchId: 'm99', toId: 'russia' }] },
      },
      'corrections.remap[0].matchId',
      'corrections.remap[0].matchId: the plan has no mention with the match id "m99".',
    ],
    [
      'a remap to an unknown id',
      {
        input: { text: HAND_REPORT },
        corrections: { remap: [{ matchId: 'm1', toId: 'atlantis' }] },
      },
      'corrections.remap[0].toId',
      'corrections.remap[0].toId: no entity has the id "atlantis".',
    ],
    [
      'a remap to a source',
      {
        input: { text: HAND_REPORT },
        corrections: { remap: [{ matchId: 'm1', toId: 'report-north-korean-troops-kursk' }] },
      },
      'corrections.remap[0].toId',
      'corrections.remap[0].toId: "report-north-korean-troops-kursk" is a Source; a mention can only map to an entity (Person, State, Organization, MilitaryUnit, Location, Event).',
    ],
    [
      'a speaker remapped to a place',
      {
        input: { text: HAND_REPORT },
        corrections: { remap: [{ matchId: 'm0', toId: 'kursk-region' }] },
      },
      'corrections.remap[0].toId',
      'corrections.remap[0].toId: "kursk-region" is a Location, but mention "Antony Blinken" speaks statement "blinken-troops-must-leave"; a speaker must be a person, organization or state.',
    ],
    [
      'a drop of an unknown item',
      { input: { text: HAND_REPORT }, corrections: { drop: ['m1', 'nothing-here'] } },
      'corrections.drop[1]',
      'corrections.drop[1]: no statement, figure, mention or proposed entity of the plan has the id "nothing-here".',
    ],
    [
      'a rename of an unknown proposal',
      {
        input: { text: HAND_REPORT },
        corrections: { rename: [{ proposedId: 'russia', newId: 'rus' }] },
      },
      'corrections.rename[0].proposedId',
      'corrections.rename[0].proposedId: the plan proposes no entity with the id "russia".',
    ],
    [
      'a rename to a taken id',
      {
        input: { text: HAND_REPORT },
        corrections: { rename: [{ proposedId: 'mara-voss', newId: 'antony-blinken' }] },
      },
      'corrections.rename[0].newId',
      'corrections.rename[0].newId: "antony-blinken" already belongs to a Person; to use that entity, remap the mentions to it instead.',
    ],
    [
      'a rename to a non-slug',
      {
        input: { text: HAND_REPORT },
        corrections: { rename: [{ proposedId: 'mara-voss', newId: 'Mara Voss' }] },
      },
      'corrections.rename[0].newId',
      'corrections.rename[0].newId: "Mara Voss" is not a valid id; ids are lower-case slugs of letters, digits and single dashes, at most 80 characters.',
    ],
  ];

  it.each(cases)('%s', async (_name, variables, argument, message) => {
    const before = await stats();
    for (const dryRun of [false, true]) {
      const error = onlyError(await ingest({ ...variables, dryRun }));
      expect(error.message).toBe(message);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await stats()).toEqual(before);
  });

  it('needs the API token, like every mutation', async () => {
    const before = await stats();
    expect(
      onlyError(await ingest({ input: { text: HAND_REPORT }, dryRun: false }, {})).extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      onlyError(
        await ingest(
          { input: { text: HAND_REPORT }, dryRun: false },
          { token: 'wrong-token-0123456789' },
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await stats()).toEqual(before);
  });
});
