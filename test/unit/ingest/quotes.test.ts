import { extract, summary } from './helpers';

describe('direct quotes', () => {
  it('keeps the quoted words exactly, without the joining comma', () => {
    const plan = extract('“We will not back down,” Zelenskyy said.');
    expect(summary(plan)).toEqual(['QUOTE volodymyr-zelenskyy: We will not back down']);
  });

  it('keeps a full stop that ends the speaker’s own sentence', () => {
    const plan = extract('Blinken said: “The answer is no.”');
    expect(summary(plan)).toEqual(['QUOTE antony-blinken: The answer is no.']);
  });

  it('reads straight quotation marks as well as curly ones', () => {
    const plan = extract('"Our skies are one sky," Putin said.');
    expect(summary(plan)).toEqual(['QUOTE vladimir-putin: Our skies are one sky']);
  });

  it('attributes a quote on its own line to the speaker on the next line', () => {
    const plan = extract(
      '“Nothing has changed on the ground,”\nBlinken stated, adding that the talks would go on.',
    );
    expect(summary(plan)).toEqual([
      'QUOTE antony-blinken: Nothing has changed on the ground',
      'PARAPHRASE antony-blinken: the talks would go on.',
    ]);
    expect(plan.statements[0].rule).toBe('quote-attributed-on-next-line');
  });

  it('gives both halves of a quote split by an attribution to the same speaker', () => {
    const plan = extract('“We came to listen,” Zelenskyy said. “We leave with a list of demands.”');
    expect(summary(plan)).toEqual([
      'QUOTE volodymyr-zelenskyy: We came to listen',
      'QUOTE volodymyr-zelenskyy: We leave with a list of demands.',
    ]);
  });

  it('keeps a partial quote inside the reported speech of its speaker', () => {
    const plan = extract('Austin said the soldiers would be “co-belligerents” in the war.');
    expect(summary(plan)).toEqual([
      'PARAPHRASE lloyd-austin: the soldiers would be “co-belligerents” in the war.',
    ]);
  });

  it('warns about a quote it cannot attribute, and keeps it', () => {
    const plan = extract('The mood was grim.\n“Nobody knows what comes next.”');
    expect(summary(plan)).toEqual([
      'REPORTED report: The mood was grim.',
      'QUOTE report: Nobody knows what comes next.',
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['UNATTRIBUTED_QUOTE']);
  });

  it('reads a transcript turn as one quote of the labelled speaker', () => {
    const plan = extract(
      'Spokesperson Ingrid Halvorsen spoke.\nMS. HALVORSEN: Good afternoon. The drill is defensive.\nQ: Was Russia told?',
    );
    expect(summary(plan).slice(1)).toEqual([
      'QUOTE new:ingrid halvorsen: Good afternoon. The drill is defensive.',
      'QUOTE unnamed:reporter: Was Russia told?',
    ]);
  });
});
