/**
 * Speakers and entities found by the report alone: with no entity in the
 * graph, a surname resolves to the full name the report gives elsewhere
 * (before or after), a lone name before a verb of saying is a person, states
 * of the model's table are proposed once the report names them (under any of
 * their names), and government bodies are organisations that can speak.
 */
import { extractReport, type IngestPlan } from '../../../src/ingest';
import { speakerKey } from '../../../src/ingest/eval';

const extract = (text: string): IngestPlan => extractReport({ text }, []);
const summary = (plan: IngestPlan): string[] =>
  plan.statements.map(
    (s) =>
      `${s.kind} ${s.speakers.map((sp) => speakerKey(plan, sp)).join('+') || 'report'}: ${s.text}`,
  );
const proposals = (plan: IngestPlan) =>
  plan.proposedEntities.map((p) => `${p.label} ${p.name}`).sort();

describe('extraction into an empty graph', () => {
  it('resolves a surname used before the full name to the person the report names later', () => {
    const plan = extract(
      'Blinken indicated that 500 troops arrived. The figure was confirmed, according to Secretary of State Antony Blinken.',
    );
    expect(summary(plan)[0]).toBe('PARAPHRASE new:antony blinken: 500 troops arrived.');
    expect(proposals(plan)).toEqual(['Person Antony Blinken']);
    expect(plan.statements[1]?.speakers.map((sp) => speakerKey(plan, sp))).toEqual([
      'new:antony blinken',
    ]);
  });

  it('attributes a quote on its own line to the surname on the next line', () => {
    const plan = extract(
      'Secretary of State Antony Blinken spoke in Washington.\n“The troops are a sign of weakness,”\nBlinken stated, adding that talks would go on.',
    );
    const quote = plan.statements.find((s) => s.kind === 'QUOTE');
    expect(quote?.text).toBe('The troops are a sign of weakness');
    expect(quote?.speakers.map((sp) => speakerKey(plan, sp))).toEqual(['new:antony blinken']);
  });

  it('reads a lone unknown name before a verb of saying as a person', () => {
    const plan = extract('Halvorsen warned that the port would close.');
    expect(summary(plan)).toEqual(['PARAPHRASE new:halvorsen: the port would close.']);
    expect(plan.proposedEntities[0]).toMatchObject({ name: 'Halvorsen', label: 'Person' });
  });

  it('proposes a state of the model’s table under one entity for its names, capital and demonym', () => {
    const plan = extract(
      'The U.S. has reported that North Korean troops are in Russia. Washington warned Pyongyang.',
    );
    expect(proposals(plan)).toEqual([
      'MilitaryUnit North Korean troops',
      'State North Korea',
      'State Russia',
      'State United States',
    ]);
    expect(summary(plan)[0]).toBe(
      'PARAPHRASE new:united states: North Korean troops are in Russia.',
    );
  });

  it('leaves out the states of the table that the report does not name', () => {
    const plan = extract('Rain fell on the harbour all week.');
    expect(plan.proposedEntities).toEqual([]);
  });

  it('splits "X and Y’s defense ministry" into both bodies as speakers', () => {
    const plan = extract(
      'The Pentagon and South Korea’s defense ministry issued warnings, urging the troops to withdraw.',
    );
    expect(plan.statements[0]?.speakers.map((sp) => speakerKey(plan, sp))).toEqual([
      'new:pentagon',
      "new:south korea's defense ministry",
    ]);
    expect(plan.proposedEntities.find((p) => p.name === 'Pentagon')?.label).toBe('Organization');
  });

  it('proposes one military unit for a state’s contingent, however the report words it', () => {
    const plan = extract(
      'Officials said Iranian forces crossed the river. Tehran’s soldiers were seen at dawn. Iranian troops later withdrew.',
    );
    expect(proposals(plan)).toEqual(['MilitaryUnit Iranian troops', 'State Iran']);
    const unit = plan.proposedEntities.find((p) => p.label === 'MilitaryUnit');
    expect(unit?.aliases).toEqual(['Iranian forces', 'Tehran’s soldiers']);
    const mentioned = (i: number) =>
      plan.statements
        .filter((s) => s.evidence.sentenceIndex === i)
        .flatMap((s) => s.mentions.map((m) => (m.kind === 'PROPOSED' ? m.proposedId : m.id)));
    expect(mentioned(0)).toEqual(['iranian-troops', 'iran']);
  });

  it('proposes an event named by a compound of names, and reads it as one mention', () => {
    const plan = extract('In May the India-Pakistan talks resumed, officials said.');
    // India is in the model's table of states, so naming it in the compound proposes it too.
    expect(proposals(plan)).toEqual(['Event India-Pakistan talks', 'State India']);
    expect(plan.entities.map((e) => e.text)).toEqual(['India-Pakistan talks']);
  });

  it('proposes a weapon test from its verb, and a later “the test” refers to it', () => {
    const plan = extract(
      'Hours earlier Tehran test-fired a new hypersonic missile over the gulf. Analysts said the test showed progress.',
    );
    expect(proposals(plan)).toEqual(['Event hypersonic missile test', 'State Iran']);
    expect(
      plan.entities.map(
        (e) =>
          `${e.text} → ${e.resolution.kind === 'PROPOSED' ? e.resolution.proposedId : e.resolution.id}`,
      ),
    ).toEqual([
      'Tehran → iran',
      'test-fired a new hypersonic missile → hypersonic-missile-test',
      'the test → hypersonic-missile-test',
    ]);
  });

  it('uses the graph’s entity when it already knows a description by name', () => {
    const plan = extractReport({ text: 'Tehran test-fired a cruise missile.' }, [
      { id: 'cruise-missile-test', label: 'Event', name: 'Cruise missile test', aliases: [] },
    ]);
    expect(plan.proposedEntities.map((p) => p.name)).toEqual(['Iran']);
    expect(plan.entities.map((e) => e.resolution)).toContainEqual({
      kind: 'EXISTING',
      id: 'cruise-missile-test',
      label: 'Event',
    });
  });

  it('reads a lone name before “administration” as the leader, and the government as the speaker', () => {
    const plan = extract('The Okafor administration has urged both sides to talk.');
    // The government, not its leader, is the speaker.
    expect(summary(plan)).toEqual(['PARAPHRASE new:okafor administration: both sides to talk.']);
    expect(plan.proposedEntities.find((p) => p.name === 'Okafor')).toMatchObject({
      label: 'Person',
      reason: 'one name before "administration", a government named after its leader',
    });
  });
});
