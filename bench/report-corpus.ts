/**
 * A seeded generator of short news reports in our own words, for the ingest
 * bench: quotes with "said" and "stated", reported speech, hedged claims,
 * figures with qualifiers, and the report's own voice, about a fixed cast of
 * people, states and organizations so that later reports match entities the
 * earlier ones created.
 */
import { mulberry32 } from './synthetic-graph';

const PEOPLE = [
  ['Foreign Minister', 'Anna Berg'],
  ['Defense Secretary', 'Tomas Ruiz'],
  ['President', 'Lena Okafor'],
  ['Prime Minister', 'Victor Hale'],
  ['envoy', 'Mara Voss'],
  ['spokesperson', 'Idris Kamal'],
  ['General', 'Petra Lind'],
  ['Ambassador', 'Jonas Weller'],
  ['Senator', 'Clara Dunn'],
  ['minister', 'Omar Saleh'],
] as const;
const STATES = [
  'Norland',
  'Estmark',
  'Valdoria',
  'Ostrava',
  'Kelvania',
  'Marisol',
  'Tarvos',
  'Quellin',
] as const;
const ORGS = [
  'the Northern Alliance',
  'the Harbor Council',
  'the Relief Agency',
  'the Border Commission',
] as const;
const UNITS = ['troops', 'observers', 'refugees', 'soldiers', 'drones'] as const;
const QUALIFIERS = ['around', 'approximately', 'at least', 'more than', 'nearly'] as const;
const TIMES = [
  'on Monday',
  'on Thursday',
  'last week',
  'in the coming days',
  'earlier this month',
] as const;
const CLAIMS = [
  'talks will resume only when the shelling stops',
  'our forces will not cross the river',
  'the ceasefire must hold through the winter',
  'we expect an answer from the council soon',
  'the convoy reached the city without incident',
  'every delay costs lives at the border',
] as const;

/** One report: its heading and body, about 120-250 words. */
export interface GeneratedReport {
  readonly name: string;
  readonly text: string;
}

function sentenceMaker(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const number = () => (Math.floor(random() * 90) + 10) * 100;
  return (): string => {
    const [title, name] = pick(PEOPLE);
    const state = pick(STATES);
    const other = pick(STATES.filter((s) => s !== state));
    switch (Math.floor(random() * 6)) {
      case 0:
        return `${title} ${name} of ${state} said ${pick(TIMES)} that “${pick(CLAIMS)}”.`;
      case 1:
        return `“${pick(CLAIMS)},” ${name} stated, adding that ${other} had been told.`;
      case 2:
        return `${name} warned that ${other} would face new measures if ${pick(ORGS)} did not act.`;
      case 3:
        return `Analysts believe ${state} may send ${pick(QUALIFIERS)} ${number().toLocaleString('en-US')} ${pick(UNITS)} to ${other}.`;
      case 4:
        return `According to ${pick(ORGS)}, ${pick(QUALIFIERS)} ${number().toLocaleString('en-US')} ${pick(UNITS)} are in ${state}.`;
      default:
        return `The meeting in ${state} ended ${pick(TIMES)} without a joint statement from ${pick(ORGS)}.`;
    }
  };
}

/** `count` reports, deterministic for a seed. */
export function generateReports(count: number, seed = 7): GeneratedReport[] {
  const random = mulberry32(seed);
  const sentence = sentenceMaker(random);
  return Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 6 + Math.floor(random() * 6) }, sentence);
    const heading = `Report ${i + 1}: ${body[0]?.split(' ').slice(0, 5).join(' ')}`;
    return {
      name: `report-${String(i + 1).padStart(5, '0')}.txt`,
      text: `${heading}\n\n${body.join(' ')}\n`,
    };
  });
}

/** One report of about `words` words, in paragraphs of four sentences. */
export function generateLongReport(words = 1000, seed = 11): string {
  const sentence = sentenceMaker(mulberry32(seed));
  const sentences: string[] = [];
  let total = 0;
  while (total < words) {
    const s = sentence();
    sentences.push(s);
    total += s.split(/\s+/).length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 4)
    paragraphs.push(sentences.slice(i, i + 4).join(' '));
  return `Talks Stall as Border Tension Grows\n\n${paragraphs.join('\n\n')}\n`;
}
