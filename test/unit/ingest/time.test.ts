import { extract } from './helpers';

describe('time phrases', () => {
  it('keeps time phrases verbatim and dates only what the text dates', () => {
    const plan = extract(
      'The war began in February 2022. Talks resume in the coming days. It was signed on 3 March 2024.',
    );
    expect(plan.times.map((t) => [t.text, t.date, t.derived])).toEqual([
      ['in February 2022', '2022-02', false],
      ['in the coming days', null, false],
      ['on 3 March 2024', '2024-03-03', false],
    ]);
  });

  it('leaves a weekday undated without a publication date', () => {
    const plan = extract('NATO warned on Thursday that the deadline was firm.');
    expect(plan.statements[0]).toMatchObject({
      timeText: 'on Thursday',
      date: null,
      dateDerived: false,
    });
  });

  it('derives a weekday’s date from publishedAt and marks it as derived', () => {
    // 2024-11-01 was a Friday: "on Thursday" is the day before.
    const plan = extract(
      'NATO warned on Thursday that the deadline was firm.',
      '2024-11-01T09:00:00Z',
    );
    expect(plan.statements[0]).toMatchObject({
      timeText: 'on Thursday',
      date: '2024-10-31',
      dateDerived: true,
    });
  });
});
