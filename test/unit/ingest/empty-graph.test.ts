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
    expect(proposals(plan)).toEqual(['State North Korea', 'State Russia', 'State United States']);
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
});
