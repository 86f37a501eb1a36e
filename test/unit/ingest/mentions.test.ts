import { extract } from './helpers';

const mentioned = (text: string) =>
  extract(text).entities.map((m) => [
    m.text,
    m.resolution.kind === 'EXISTING' ? m.resolution.id : `new:${m.resolution.label}`,
    m.rule,
  ]);

describe('entity mentions', () => {
  it('resolves names and aliases, folding case and punctuation', () => {
    expect(mentioned('The Kremlin and the US spoke to NATO about the DPRK.')).toEqual([
      ['The Kremlin', 'russia', 'metonym'],
      ['US', 'united-states', 'alias'],
      ['NATO', 'nato', 'exact-name'],
      ['DPRK', 'north-korea', 'alias'],
    ]);
  });

  it('never reads the pronoun "us" as the United States', () => {
    expect(mentioned('They told us nothing.')).toEqual([]);
  });

  it('reads a capital as its state from the model’s metonym table, and a demonym likewise', () => {
    expect(mentioned('Seoul protested while Russian-led units moved.')).toEqual([
      ['Seoul', 'south-korea', 'alias'],
      ['Russian', 'russia', 'demonym'],
    ]);
  });

  it('also mentions the state inside a longer name that opens with it', () => {
    expect(mentioned('North Korean troops crossed.')).toEqual([
      ['North Korean troops', 'north-korean-troops-in-russia', 'alias'],
      ['North Korean', 'north-korea', 'demonym-inside-longer-name'],
    ]);
  });

  it('proposes unknown names with a label guess, a reason and a confidence', () => {
    const plan = extract(
      'The European Investment Bank will lend the money to the Transnistria region.',
    );
    expect(plan.proposedEntities.map((p) => [p.name, p.label, p.reason])).toEqual([
      ['European Investment Bank', 'Organization', 'the name contains an organisation word'],
      ['Transnistria', 'Location', 'followed by the place word "region"'],
    ]);
    expect(plan.entities.every((m) => m.confidence > 0 && m.confidence <= 1)).toBe(true);
  });
});
