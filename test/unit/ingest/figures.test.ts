import { extract } from './helpers';

const figures = (text: string) =>
  extract(text).figures.map((f) => [f.value, f.unit, f.qualifier, f.scope]);

describe('figures', () => {
  it('reads value, unit, qualifier and scope as printed', () => {
    expect(
      figures('Blinken said North Korea sent around 10,000 troops to Russia, with most in Kursk.'),
    ).toEqual([[10000, 'troops', 'around', 'to Russia']]);
  });

  it('skips capitalised modifiers to find the unit, and verbs to find the scope', () => {
    expect(
      figures('Approximately 8,000 North Korean troops are stationed in Russia near the border.'),
    ).toEqual([[8000, 'troops', 'approximately', 'in Russia near the border']]);
  });

  it('reads "a record X of N units" as a record with X as its scope', () => {
    expect(figures('The missile had a record flight time of 86 minutes.')).toEqual([
      [86, 'minutes', 'record', 'flight time'],
    ]);
  });

  it('handles scales, percentages and number words', () => {
    expect(
      figures(
        'It will cost about 270 million euros; turnout was 45 percent; at least two squadrons flew.',
      ),
    ).toEqual([
      [270000000, 'euros', 'about', null],
      [45, 'percent', null, null],
      [2, 'squadrons', 'at least', null],
    ]);
  });

  it('does not take years or dates for figures', () => {
    expect(figures('The war began in February 2022 and the 2024 talks failed.')).toEqual([]);
  });

  it('attributes a figure to the statement that gives it, or to the report', () => {
    const plan = extract('Zelenskyy said 300 drones were launched. The strike lasted 6 hours.');
    expect(plan.figures.map((f) => f.attributedTo)).toEqual([
      { kind: 'STATEMENT', statementId: plan.statements[0].id },
      { kind: 'STATEMENT', statementId: plan.statements[1].id },
    ]);
    expect(plan.statements[1].origin).toBe('REPORT');
  });
});
