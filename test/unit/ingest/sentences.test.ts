import { splitSentences } from '../../../src/ingest/extract/sentences';

describe('sentence splitting', () => {
  it('gives every sentence its exact character span', () => {
    const text = 'Officials met on Monday. They agreed on a plan.\nTalks resume soon.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Officials met on Monday.',
      'They agreed on a plan.',
      'Talks resume soon.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });

  it('does not split after abbreviations such as U.S. or Dr.', () => {
    const text = 'The U.S. Army left. Dr. Lee stayed behind.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. Army left.',
      'Dr. Lee stayed behind.',
    ]);
  });

  it('marks short lines without final punctuation, and the headline, as headings', () => {
    const text = 'Talks Collapse in Geneva\nThe mediators left early.\n“A Bad Day”\nRead more...';
    expect(splitSentences(text).map((s) => [s.text, s.heading])).toEqual([
      ['Talks Collapse in Geneva', true],
      ['The mediators left early.', false],
      ['“A Bad Day”', true],
      ['Read more...', true],
    ]);
  });

  it('ends a sentence after a closing quotation mark', () => {
    const text = '“We are ready,” she said. “Nobody doubts it.”';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '“We are ready,” she said.',
      '“Nobody doubts it.”',
    ]);
  });
});
