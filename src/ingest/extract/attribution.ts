/**
 * Speaker attribution: the verbs of saying, "according to X", "X's comments",
 * and the noun phrase that names the speaker, resolved to parties.
 *
 * Written by hand because it is what is specific to reported speech.
 */
import type { EntityRef, RoleClaim, SpeakerRef } from '../plan';
import { TITLES, refKey, type FoundMention, type MentionIndex } from './mentions';
import { fold, foldDescription, type Span } from './text';

/** Verbs of saying, in the forms reports use. "-ing" forms continue the clause's speaker. */
export const SAY_VERB =
  /^(?:said|says|say|stated|states|told|tells|added|adds|adding|warned|warns|warning|indicated|indicates|suggested|suggests|suggest|stressed|stresses|stressing|echoed|echoes|urged|urges|urging|pledged|pledges|noted|notes|noting|argued|argues|claimed|claims|announced|announces|insisted|insists|explained|explains|asked|replied|declared|declares|confirmed|confirms|denied|denies|reported|wrote|believe|believes|believed|think|thinks|thought|estimated|estimate|estimates|predicted|cautioned|acknowledged|admitted|promised|vowed|agreed|recalled|concluded|accused|accuses|called|calls|described|describes|told|briefed|countered|responded|repeated|emphasised|emphasized|underlined|charged|conceded|contended|observed)$/i;

/** Verbs that, with an unnamed group of experts or analysts, make the claim a hedged one. */
export const BELIEF_VERB =
  /^(?:believe|believes|believed|suggest|suggests|suggested|think|thinks|thought|estimate|estimates|estimated|suspect|suspects|fear|fears|expect|expects|assess|assesses|say|says|said)$/i;

/** Nouns for people the report does not name. */
export const UNNAMED_HEADS =
  /\b(?:officials?|envoys?|experts?|analysts?|observers?|diplomats?|sources?|spokesperson|spokesman|spokeswoman|residents?|witnesses?|people|commanders?|soldiers?|officers?|aides?|advisers?|advisors?|negotiators?|researchers?|critics?|lawmakers?|legislators?|ministers?|representatives?|delegates?|insiders?|authorities|investigators?|monitors?|activists?|campaigners?|economists?|scholars?|academics?|workers?|governors?|mediators?|someone|one)$/i;

const PLURAL_GROUP =
  /\b(?:experts|analysts|observers|researchers|economists|scholars|academics|sources|insiders|monitors)$/i;

/** Words allowed inside a speaker phrase besides capitalised names. */
const PHRASE_WORDS =
  /^(?:the|a|an|of|from|and|for|to|defense|defence|foreign|interior|finance|health|state|secretary|minister|ministry|president|prime|deputy|vice|chief|senior|top|former|military|government|administration|department|council|envoy|spokesperson|spokesman|spokeswoman|officials?|experts?|analysts?|observers?|diplomats?|sources?|residents?|witnesses?|people|commanders?|officers?|aides?|advisers?|advisors?|negotiators?|researchers?|critics?|lawmakers?|ministers?|representatives?|delegates?|authorities|investigators?|monitors?|activists?|economists?|workers?|familiar|with|in|matter|talks|discussions|negotiations|plans|energy|both|countries|nations|regional|mediator|general|ambassador|leader|head|commander|director|chair|chairman|chairwoman|governor|mayor|other|several|two|three|many|some|independent|western|local|regional|intelligence|security|spy|agency|agencies|service|services|office|bureau|european|senior|u\.s\.|us|un|eu)$/i;

const AUXILIARIES =
  /^(?:has|have|had|also|then|later|again|repeatedly|publicly|previously|separately|earlier|had|would|will|did|does|do|is|was|were|are|been|reportedly|allegedly|once|further|privately|directly|already|recently|strongly|quickly)$/i;

export interface SpeakerParse {
  readonly speakers: SpeakerRef[];
  readonly roles: Array<Omit<RoleClaim, 'evidence'>>;
  /** The unnamed group, when the phrase is one ("experts"), for hedging. */
  readonly unnamedGroup: boolean;
}

/**
 * The speaker phrase that ends just before `verbStart`: walk left over names,
 * titles, role words and "from A, B, and C" lists; stop at anything else.
 */
export function phraseBefore(text: string, limit: number, verbStart: number): Span | null {
  let start = verbStart;
  const slice = text.slice(limit, verbStart);
  const tokens = [...slice.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.’'-]*|,/gu)].map((m) => ({
    text: m[0],
    start: limit + m.index,
    end: limit + m.index + m[0].length,
  }));
  let t = tokens.length - 1;
  // Skip auxiliaries between the subject and the verb ("has reported", "have warned"),
  // and the comma that closes an apposition ("the Swiss foreign minister, Marc Keller, said").
  while (t >= 0 && (AUXILIARIES.test(tokens[t].text) || tokens[t].text === ',')) t--;
  const end = t >= 0 ? tokens[t].end : verbStart;
  for (; t >= 0; t--) {
    const tok = tokens[t].text;
    if (tok === ',') {
      // Commas belong to the phrase only inside a "from A, B, and C" list.
      const rest = text.slice(tokens[t].end, end);
      if (
        !/^\s*(?:and\s+)?\p{Lu}/u.test(rest) ||
        !/\bfrom\b/.test(text.slice(Math.max(limit, tokens[t].start - 80), tokens[t].start))
      )
        break;
      continue;
    }
    const name = /^\p{Lu}/u.test(tok) || /^\p{Lu}\.\p{Lu}/u.test(tok);
    if (!name && !PHRASE_WORDS.test(tok.replace(/['’]s$/, ''))) break;
    start = tokens[t].start;
  }
  // A phrase never starts with a bare connective.
  let phrase = text.slice(start, end);
  const lead = /^(?:(?:and|of|from|to|for)\s+)+/i.exec(phrase);
  if (lead) {
    start += lead[0].length;
    phrase = phrase.slice(lead[0].length);
  }
  if (!phrase.trim() || /^(?:the|a|an)$/i.test(phrase.trim())) return null;
  return { start, end };
}

/** The speaker phrase after "according to" or an inverted verb ("said Blinken"), up to a comma or the end. */
export function phraseAfter(text: string, from: number, limit: number): Span | null {
  const m =
    /^\s*((?:[\p{L}\p{N}][\p{L}\p{N}.’'-]*)(?:\s+(?:[\p{L}\p{N}][\p{L}\p{N}.’'-]*))*)/u.exec(
      text.slice(from, limit),
    );
  if (!m) return null;
  // Stop at the first word that cannot be in a speaker phrase.
  const words = m[1].split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[.]$/, '').replace(/['’]s$/, '');
    if (/^\p{Lu}/u.test(w) || PHRASE_WORDS.test(bare)) kept.push(w);
    else break;
  }
  if (kept.length === 0) return null;
  const start = from + m[0].indexOf(m[1]);
  let phrase = kept.join(' ');
  // An apposition names the speaker: "the regional governor, Oleh Marchenko".
  const apposition = /^,\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*)/u.exec(
    text.slice(start + phrase.length, limit),
  );
  if (apposition) phrase = text.slice(start, start + phrase.length + apposition[0].length);
  phrase = phrase.replace(/\.$/, (dot) => (/\p{Lu}\.\p{Lu}\.$/u.test(phrase) ? dot : ''));
  return { start, end: start + phrase.length };
}

/** Resolves a speaker phrase to its parties, with roles read from titles ("Ukraine’s President Volodymyr Zelenskyy"). */
export function resolveSpeakerPhrase(
  text: string,
  phrase: Span,
  mentions: readonly FoundMention[],
  index: MentionIndex,
  rule: string,
): SpeakerParse {
  const inside = mentions.filter(
    (m) => m.start >= phrase.start && m.end <= phrase.end && !m.nested,
  );
  const written = text.slice(phrase.start, phrase.end);
  const confidence = rule.startsWith('pronoun') ? 0.7 : 0.9;
  const people = inside.filter((m) => best(m).label === 'Person');
  // The head of "U.S. officials from the White House, …" is "officials", before "from".
  const head =
    written
      .split(/\s+(?:from|familiar|in|at|with|of)\s+/i)[0]
      .split(/\s+/)
      .pop() ?? '';
  // "U.S. envoy" may be a known placeholder person, but a lower-case head means the report does not name them.
  const headEnd = phrase.start + written.split(/\s+(?:from|familiar|in|at|with|of)\s+/i)[0].length;
  const headIsUnnamed = UNNAMED_HEADS.test(head.replace(/['’]s$/, ''));
  // "The Biden administration": a person's name before a body's head word names the body, not the speaker.
  const namesBody = (m: FoundMention) =>
    ORGANIZATION_HEAD.test(head) && text.slice(m.end, headEnd).trim() === head;
  const named = people.filter(
    (m) =>
      (!headIsUnnamed || m.end <= headEnd) &&
      /^\p{Lu}/u.test(m.text.split(/\s+/).pop() ?? '') &&
      !namesBody(m),
  );
  const unnamed = named.length === 0 && UNNAMED_HEADS.test(head.replace(/['’]s$/, ''));
  if (unnamed) {
    // "U.S. officials from the White House, State Department, and Pentagon": one unnamed speaker per body named after "from".
    const from = /\bfrom\b/i.exec(written);
    const bodies = from
      ? inside.filter((m) => m.start >= phrase.start + from.index && best(m).label !== 'Person')
      : [];
    const description = written.replace(/^(?:the)\s+/i, '');
    const whole = inside.find((m) => m.start <= phrase.start + 2 && m.end >= phrase.end - 1);
    const entities: Array<EntityRef | null> =
      bodies.length > 0
        ? bodies.map(best)
        : [whole ? best(whole) : knownDescription(index, text, phrase)];
    return {
      speakers: entities.map((entity) => ({
        kind: 'UNNAMED',
        description,
        entity,
        start: phrase.start,
        end: phrase.end,
        rule,
        confidence: confidence - 0.1,
      })),
      roles: [],
      unnamedGroup: PLURAL_GROUP.test(head),
    };
  }
  if (named.length > 0) {
    const person = named[named.length - 1];
    const entity = best(person);
    index.noteAlias(entity, person.text);
    // A known alias may carry the title itself ("Secretary of State Antony Blinken").
    const name = person.candidates[0].name;
    const aliasTitle =
      person.text.length > name.length && person.text.endsWith(name)
        ? person.text.slice(0, -name.length)
        : '';
    const before = `${text.slice(phrase.start, person.start)} ${aliasTitle}`.trim();
    const roles: Array<Omit<RoleClaim, 'evidence'>> = [];
    const polity = inside.find(
      (m) => m.end <= person.start && ['State', 'Organization'].includes(best(m).label),
    );
    const title = before
      .replace(polity ? text.slice(polity.start, polity.end) : '', '')
      .replace(/^['’]s\s*/, '')
      .replace(/^(?:the|a|an)\s+/i, '')
      .replace(/^(?:U\.S\.|US)\s+/, '')
      .trim();
    if (
      title &&
      (TITLES.some((t) => fold(title).includes(fold(t))) ||
        /secretary|minister|president|envoy|ambassador|chief|general|spokes/i.test(title))
    )
      roles.push({
        person: entity,
        title,
        of: polity ? best(polity) : null,
        rule: 'title-before-name',
      });
    return {
      speakers: [
        {
          kind: 'ENTITY',
          entity,
          text: written,
          start: phrase.start,
          end: phrase.end,
          rule,
          confidence,
        },
      ],
      roles,
      unnamedGroup: false,
    };
  }
  // "Ukraine's interior ministry": a body the graph does not know, named by the phrase itself.
  const bodyKnown = inside.some((m) => m.end >= headEnd - 1 && best(m).label === 'Organization');
  if (ORGANIZATION_HEAD.test(head) && !bodyKnown) {
    // "The Pentagon and South Korea’s defense ministry": the parties named before "and" speak too,
    // and only the phrase after it is the new body.
    const and = /\s+and\s+/.exec(written);
    const bodyStart = and ? phrase.start + and.index + and[0].length : phrase.start;
    const earlier = and
      ? inside.filter(
          (m) =>
            m.end <= phrase.start + and.index &&
            ['Organization', 'State'].includes(actorOf(m).label),
        )
      : [];
    const start = earlier.length > 0 ? bodyStart : phrase.start;
    const bodyText = text.slice(start, phrase.end);
    const entity = index.propose(bodyText.replace(/^(?:the)\s+/i, ''), null);
    const speakers: SpeakerRef[] = earlier.map((m) => ({
      kind: 'ENTITY',
      entity: actorOf(m),
      text: m.text,
      start: m.start,
      end: m.end,
      rule,
      confidence,
    }));
    speakers.push({
      kind: 'ENTITY',
      entity,
      text: bodyText,
      start,
      end: phrase.end,
      rule: `${rule}-proposed-body`,
      confidence: 0.7,
    });
    return { speakers, roles: [], unnamedGroup: false };
  }
  // Organisations and states, possibly several ("The Pentagon and South Korea’s defense ministry").
  const parties = inside.filter((m) =>
    ['Organization', 'State', 'MilitaryUnit'].includes(best(m).label),
  );
  const actors = parties.filter((m) => best(m).label !== 'MilitaryUnit');
  if (actors.length > 0) {
    const seen = new Set<string>();
    const speakers: SpeakerRef[] = [];
    for (const m of actors) {
      const entity = actorOf(m);
      if (seen.has(refKey(entity))) continue;
      seen.add(refKey(entity));
      speakers.push({
        kind: 'ENTITY',
        entity,
        text: m.text,
        start: m.start,
        end: m.end,
        rule,
        confidence,
      });
    }
    return { speakers, roles: [], unnamedGroup: false };
  }
  return { speakers: [], roles: [], unnamedGroup: false };
}

const ORGANIZATION_HEAD =
  /^(?:ministry|council|department|agency|office|government|administration|commission|committee|parliament|army|military|group|court)$/i;

/** The best candidate of a mention. */
export function best(m: FoundMention): EntityRef {
  return m.candidates[0].entity;
}

/** For a speaker, a capital that is also a Location stands for its state ("Washington warned"). */
function actorOf(m: FoundMention): EntityRef {
  const actor = m.candidates.find((c) =>
    ['Person', 'Organization', 'State'].includes(c.entity.label),
  );
  return (actor ?? m.candidates[0]).entity;
}

/** A known placeholder entity for an unnamed speaker ("a U.S. envoy" → unnamed-us-envoy), by folded alias. */
function knownDescription(index: MentionIndex, text: string, phrase: Span): EntityRef | null {
  const found = index
    .find(text, phrase)
    .filter(
      (m) => foldDescription(m.text) === foldDescription(text.slice(phrase.start, phrase.end)),
    );
  return found.length > 0 ? best(found[0]) : null;
}
