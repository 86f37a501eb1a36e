import { extract, summary } from './helpers';

describe('speaker attribution', () => {
  it('takes the speaker from a verb of saying and the words after "that"', () => {
    expect(summary(extract('Blinken indicated that North Korea sent more troops.'))).toEqual([
      'PARAPHRASE antony-blinken: North Korea sent more troops.',
    ]);
  });

  it('takes the words before the attribution when the verb ends the sentence', () => {
    expect(summary(extract('The talks will resume in May, NATO said on Monday.'))).toEqual([
      'PARAPHRASE nato: The talks will resume in May',
    ]);
  });

  it('takes an unknown body named by a possessive as the speaker of the words before the attribution', () => {
    const plan = extract('About 3,000 troops are in the north, Moldova’s spy agency said.');
    expect(summary(plan)).toEqual([
      "PARAPHRASE new:moldova's spy agency: About 3,000 troops are in the north",
    ]);
    // A sentence-initial "About" is not a name; the state and its agency are new.
    expect(plan.proposedEntities.map((e) => [e.name, e.label])).toEqual([
      ['Moldova', 'State'],
      ['Moldova’s spy agency', 'Organization'],
    ]);
  });

  it('takes given names and initials before a known surname as that person, not somebody new', () => {
    const plan = extract('Antony J. Blinken said the border was open.');
    expect(summary(plan)).toEqual(['PARAPHRASE antony-blinken: the border was open.']);
    expect(plan.proposedEntities).toEqual([]);
  });

  it('proposes no entity for words a speaker capitalises inside a quote', () => {
    const plan = extract('"Those are Red Lines," Blinken said.');
    expect(summary(plan)).toEqual(['QUOTE antony-blinken: Those are Red Lines']);
    expect(plan.proposedEntities).toEqual([]);
  });

  it('adds the source named by "according to" to the statement’s speakers', () => {
    const plan = extract(
      'The U.S. has reported that 500 troops arrived, according to Secretary of State Antony Blinken.',
    );
    expect(summary(plan)).toEqual(['PARAPHRASE united-states+antony-blinken: 500 troops arrived']);
  });

  it('reads "X’s comments" as X speaking', () => {
    expect(summary(extract('Blinken’s comments underscore the risk of a wider war.'))).toEqual([
      'PARAPHRASE antony-blinken: the risk of a wider war.',
    ]);
  });

  it('reads a title before a name as the person and their role', () => {
    const plan = extract('Ukraine’s President Volodymyr Zelenskyy said the front was holding.');
    expect(summary(plan)).toEqual(['PARAPHRASE volodymyr-zelenskyy: the front was holding.']);
    expect(plan.roles.map((r) => [r.person, r.title, r.of])).toEqual([
      [
        { kind: 'EXISTING', id: 'volodymyr-zelenskyy', label: 'Person' },
        'President',
        { kind: 'EXISTING', id: 'ukraine', label: 'State' },
      ],
    ]);
  });

  it('proposes a new person for an unknown titled name, and finds them again by surname', () => {
    const plan = extract(
      'Foreign Minister Elena Pop said the border was open. Pop added that trade would grow.',
    );
    expect(summary(plan)).toEqual([
      'PARAPHRASE new:elena pop: the border was open.',
      'PARAPHRASE new:elena pop: trade would grow.',
    ]);
    expect(plan.proposedEntities).toMatchObject([
      { name: 'Elena Pop', label: 'Person', reason: 'preceded by the title "Foreign Minister"' },
    ]);
  });

  it('resolves a pronoun to the last person named', () => {
    const plan = extract('Zelenskyy met the press in Kyiv. He said the army needed shells.');
    expect(summary(plan)).toEqual([
      'REPORTED report: Zelenskyy met the press in Kyiv.',
      'PARAPHRASE volodymyr-zelenskyy: the army needed shells.',
    ]);
  });

  it('keeps unnamed speakers unnamed, one per body they come from', () => {
    const plan = extract(
      'Officials from the White House and the Pentagon have warned that the deadline is firm.',
    );
    expect(
      plan.statements[0].speakers.map((s) => [
        s.kind,
        s.entity && 'id' in s.entity ? s.entity.id : null,
      ]),
    ).toEqual([
      ['UNNAMED', 'white-house'],
      ['UNNAMED', 'pentagon'],
    ]);
  });

  it('continues the speaker of a clause into a participle ("…, warning that …")', () => {
    expect(
      summary(extract('Zelenskyy echoed these concerns, warning that the attack was a test.')),
    ).toEqual(['PARAPHRASE volodymyr-zelenskyy: the attack was a test.']);
  });
});

describe('statement kinds', () => {
  it('makes a claim of unnamed experts with a verb of belief a hedged claim, hedge verbatim', () => {
    const plan = extract('Experts believe the launch shows real progress.');
    expect(plan.statements.map((s) => [s.kind, s.hedge])).toEqual([
      ['HEDGED_CLAIM', 'Experts believe'],
    ]);
  });

  it('splits off a participial hedge as a second hedged claim', () => {
    const plan = extract(
      'Experts believe the test shows progress, potentially linked to a deal with Russia.',
    );
    expect(plan.statements.map((s) => [s.kind, s.hedge, s.text])).toEqual([
      ['HEDGED_CLAIM', 'Experts believe', 'the test shows progress'],
      ['HEDGED_CLAIM', 'potentially linked', 'potentially linked to a deal with Russia.'],
    ]);
  });

  it('files a sentence no one is said to have said as the report’s own, with no speaker', () => {
    const plan = extract('The missile flew for 86 minutes.');
    expect(plan.statements.map((s) => [s.kind, s.origin, s.speakers])).toEqual([
      ['REPORTED', 'REPORT', []],
    ]);
  });

  it('keeps "reportedly" as the hedge of the report’s own claim', () => {
    const plan = extract('The ships are reportedly waiting outside the strait.');
    expect(plan.statements.map((s) => [s.kind, s.hedge, s.origin])).toEqual([
      ['HEDGED_CLAIM', 'reportedly', 'REPORT'],
    ]);
  });

  it('files the report’s explanation after an attributed clause separately', () => {
    expect(
      summary(
        extract(
          'The Biden administration has urged Beijing to intervene, as China has close ties with Russia.',
        ),
      ),
    ).toEqual([
      'PARAPHRASE biden-administration: Beijing to intervene',
      'REPORTED report: as China has close ties with Russia.',
    ]);
  });
});
