/**
 * Entity mentions: find the names the report uses and resolve them against
 * the graph's known entities first (names, aliases, case and punctuation
 * folded; metonyms and demonyms from the model's tables), and only then
 * propose new entities with a label guess and a reason.
 */
import nlp from 'compromise';

import type { EntityLabel } from '../../model/graph-model';
import {
  ARMED_CONTINGENT_NOUNS,
  CAPITAL_METONYMS,
  COMPOUND_EVENT_NOUNS,
  DEMONYMS,
  GOVERNMENT_BODIES,
  LEADER_GOVERNMENT_NOUNS,
  STATE_NAMES,
} from '../../model/metonyms';
import type { EntityRef, KnownEntities, ProposedEntity } from '../plan';
import { fold, slugify, wordsIn, type Span, type Word } from './text';

/** How a phrase was recognised; the first rules are the surest. */
export type MentionRule =
  | 'exact-name'
  | 'alias'
  | 'short-name'
  | 'metonym'
  | 'demonym'
  | 'proposed-state'
  | 'proposed-title'
  | 'proposed-name'
  | 'proposed-short-name'
  | 'proposed-description'
  | 'definite-description';

const RULE_CONFIDENCE: Record<MentionRule, number> = {
  'exact-name': 0.98,
  alias: 0.95,
  'short-name': 0.85,
  metonym: 0.85,
  demonym: 0.8,
  'proposed-state': 0.8,
  'proposed-title': 0.75,
  'proposed-name': 0.6,
  'proposed-short-name': 0.6,
  'proposed-description': 0.6,
  'definite-description': 0.5,
};

const RULE_RANK: Record<MentionRule, number> = {
  'exact-name': 0,
  alias: 1,
  'short-name': 2,
  metonym: 3,
  demonym: 4,
  'proposed-state': 5,
  'proposed-title': 6,
  'proposed-name': 7,
  'proposed-short-name': 8,
  'proposed-description': 9,
  'definite-description': 10,
};

export interface Candidate {
  readonly entity: EntityRef;
  readonly rule: MentionRule;
  readonly name: string;
}

/** One recognised mention, with every entity its words could stand for, best first. */
export interface FoundMention extends Span {
  readonly text: string;
  readonly candidates: readonly Candidate[];
  /** True when the words are a demonym or metonym inside a longer mention ("North Korean" in "North Korean troops"). */
  readonly nested: boolean;
}

/** Folded key of a phrase for lookup: possessive "'s" dropped, so "Ukraine's border" ≈ "Ukraine border". */
function keyOf(text: string): string {
  return fold(text).replace(/'s\b/g, '').replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

/** An all-capital acronym ("US", "NATO") only matches as written, never "us". */
function caseFits(alias: string, written: string): boolean {
  if (!/\p{Ll}/u.test(alias) && /\p{Lu}/u.test(alias) && /\p{Ll}/u.test(written)) return false;
  if (/^\p{Lu}/u.test(alias) && !/^\p{Lu}/u.test(written)) return false;
  return true;
}

const wordKeys = new Map<string, string>();

/** `keyOf` for one word, memoised: a report repeats its words, and folding is most of the scan's cost. */
function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    if (wordKeys.size > 50_000) wordKeys.clear();
    key = keyOf(word);
    wordKeys.set(word, key);
  }
  return key;
}

interface Entry extends Candidate {
  readonly alias: string;
}

const MAX_PHRASE_WORDS = 8;

/** Titles that, before a name, make it a person (and give the person a role). */
export const TITLES = [
  'President',
  'Vice President',
  'Prime Minister',
  'Deputy Prime Minister',
  'Foreign Minister',
  'Defence Minister',
  'Defense Minister',
  'Minister',
  'Secretary of State',
  'Secretary of Defense',
  'Defense Secretary',
  'Defence Secretary',
  'Secretary-General',
  'Secretary General',
  'Secretary',
  'Chancellor',
  'Ambassador',
  'Envoy',
  'Senator',
  'Sen.',
  'Governor',
  'Mayor',
  'General',
  'Gen.',
  'Admiral',
  'Colonel',
  'Commander',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Chief',
  'Dr.',
  'Mr.',
  'Mrs.',
  'Ms.',
];
const TITLE_KEYS = TITLES.map((t) => keyOf(t)).sort((a, b) => b.length - a.length);

/** Words that start sentences and are capitalised for that reason alone. */
const FUNCTION_WORDS = new Set(
  'the a an in on at after before while as this that these those it its he she they we i his her their our if with without for from by to of and or but when where despite although though since until meanwhile however also yet still speaking asked according officials experts analysts sources one two three four five six seven eight nine ten several many some most about around nearly almost roughly approximately more fewer up over only just'.split(
    ' ',
  ),
);

const ORGANIZATION_WORDS =
  /\b(ministry|council|agency|department|committee|party|union|bank|institute|commission|office|organization|organisation|alliance|court|parliament|government|administration|service|forces|authority|fund|association|company|group)\b/i;
const UNIT_WORDS = /\b(army|brigade|battalion|regiment|division|corps|fleet|squadron)\b/i;
const EVENT_WORDS = /\b(summit|talks|conference|war|meeting|election|games|treaty|accord|forum)\b/i;
const LOCATION_WORDS =
  /\b(region|province|oblast|city|island|islands|sea|strait|river|valley|peninsula|border|coast|district)\b/i;

const GOVERNMENT_BODY_KEYS = new Set(GOVERNMENT_BODIES.map((b) => keyOf(b)));

/** Verbs of saying whose subject is a speaker, so a lone unknown name before one is a person ("Blinken indicated"). */
const SPEECH_VERB =
  /^(?:said|says|stated|states|told|tells|added|adds|warned|warns|indicated|indicates|suggested|suggests|stressed|stresses|echoed|echoes|urged|urges|noted|notes|argued|argues|claimed|claims|announced|announces|insisted|insists|explained|explains|declared|declares|confirmed|confirms|denied|denies|wrote|writes|replied|replies|asked|asks)$/;

/** Guesses a label for an unknown name, with the reason, from its words and compromise's lexicon. */
export function guessLabel(
  name: string,
  titled: string | null,
  nextWord = '',
): { label: EntityLabel; reason: string; rule: MentionRule } {
  if (titled)
    return { label: 'Person', reason: `preceded by the title "${titled}"`, rule: 'proposed-title' };
  if (GOVERNMENT_BODY_KEYS.has(keyOf(name.replace(/^the\s+/i, ''))))
    return {
      label: 'Organization',
      reason: 'a government body of the model’s table (src/model/metonyms.ts)',
      rule: 'proposed-name',
    };
  if (!name.includes(' ') && LEADER_GOVERNMENT_NOUNS.includes(nextWord))
    return {
      label: 'Person',
      reason: `one name before "${nextWord}", a government named after its leader`,
      rule: 'proposed-name',
    };
  if (UNIT_WORDS.test(name))
    return {
      label: 'MilitaryUnit',
      reason: 'the name contains a military formation word',
      rule: 'proposed-name',
    };
  if (ORGANIZATION_WORDS.test(name))
    return {
      label: 'Organization',
      reason: 'the name contains an organisation word',
      rule: 'proposed-name',
    };
  if (EVENT_WORDS.test(name))
    return { label: 'Event', reason: 'the name contains an event word', rule: 'proposed-name' };
  if (LOCATION_WORDS.test(name))
    return { label: 'Location', reason: 'the name contains a place word', rule: 'proposed-name' };
  if (LOCATION_WORDS.test(nextWord))
    return {
      label: 'Location',
      reason: `followed by the place word "${nextWord}"`,
      rule: 'proposed-name',
    };
  const words = name.split(/\s+/);
  const tags = words.flatMap(tagsOf);
  const has = (...wanted: string[]) => tags.some((t) => wanted.includes(t));
  if (words.length === 1 && has('Country'))
    return {
      label: 'State',
      reason: 'compromise’s lexicon lists it as a country',
      rule: 'proposed-name',
    };
  if (has('FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific'))
    return {
      label: 'Person',
      reason: 'compromise’s lexicon knows a word of it as a name',
      rule: 'proposed-name',
    };
  if (has('City', 'Place', 'Region', 'Country', 'Address'))
    return {
      label: 'Location',
      reason: 'compromise’s lexicon lists it as a place',
      rule: 'proposed-name',
    };
  if (has('Organization', 'Company', 'SportsTeam'))
    return {
      label: 'Organization',
      reason: 'compromise’s lexicon lists it as an organisation',
      rule: 'proposed-name',
    };
  if (words.length === 1 && SPEECH_VERB.test(nextWord))
    return {
      label: 'Person',
      reason: `one capitalised word followed by the verb of saying "${nextWord}"; guessed a person`,
      rule: 'proposed-name',
    };
  if (words.length === 1)
    return {
      label: 'Location',
      reason: 'one capitalised word unknown to the lexicon; guessed a place',
      rule: 'proposed-name',
    };
  return { label: 'Person', reason: UNCUED_GUESS, rule: 'proposed-name' };
}

/** The reason of a guess from capitalisation alone, with no word, title or lexicon cue. */
export const UNCUED_GUESS = 'capitalised words with no other cue; guessed a person';

/** After a state's mention: "'s" and a contingent noun ("’s forces", " troops"). */
const CONTINGENT_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:${ARMED_CONTINGENT_NOUNS.join('|')})\\b`);

/** A compound of two capitalised names before an event noun ("Russia-Ukraine war"). */
const COMPOUND_EVENT = new RegExp(
  `(?<![\\p{L}-])\\p{Lu}[\\p{L}.]*[-–]\\p{Lu}[\\p{L}.]*\\s+(?:${COMPOUND_EVENT_NOUNS.join('|')})\\b`,
  'gu',
);

/** A weapon test told by its verb ("test-fired an intercontinental ballistic missile"): the weapon, up to three words. */
const WEAPON_TEST =
  /\b(?:test-fired|test-launched|test-fires|test-launches)\s+(?:a new|an?|another|its)\s+((?:[\p{Ll}-]+\s+){0,3}(?:missile|rocket|warhead|torpedo|drone))\b/gu;

type LexiconTag = string | string[] | undefined;

/**
 * compromise's lexicon (word → tags), read directly: a lookup per word is
 * deterministic and takes microseconds, where running the tagger over each
 * name took milliseconds.
 */
const LEXICON = (
  nlp as unknown as { model(): { one: { lexicon: Record<string, LexiconTag> } } }
).model().one.lexicon;

function tagsOf(word: string): string[] {
  const tag = LEXICON[word.toLowerCase()];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

/**
 * The gazetteer: every known name and alias, folded, plus the metonym and
 * demonym tables for the states the graph holds, plus the surname of every
 * person (known or proposed) so that "Blinken" finds Antony Blinken.
 */
export class MentionIndex {
  private readonly entries = new Map<string, Entry[]>();
  /** Every word-prefix of a known key, so a scan stops as soon as no phrase can match. */
  private readonly prefixes = new Set<string>();
  private readonly knownIds = new Set<string>();
  private readonly proposedById = new Map<string, ProposedEntity>();
  private readonly proposedByKey = new Map<string, string>();
  /** Proposals not yet named by the text (states of the model's table), left out of the plan. */
  private readonly hidden = new Set<string>();
  /** Proposal ids in the order they joined the plan. */
  private readonly order: string[] = [];
  /** Keys of "the <head noun>" phrases that refer back to a described event. */
  private readonly definites = new Set<string>();

  constructor(known: KnownEntities) {
    const stateByName = new Map<string, EntityRef>();
    for (const e of known) {
      this.knownIds.add(e.id);
      const entity: EntityRef = { kind: 'EXISTING', id: e.id, label: e.label };
      this.add(e.name, { entity, rule: 'exact-name', name: e.name });
      for (const alias of e.aliases) this.add(alias, { entity, rule: 'alias', name: e.name });
      if (e.label === 'Person') this.addSurname(e.name, entity, 'short-name');
      if (e.label === 'State') stateByName.set(keyOf(e.name), entity);
    }
    // A state of the model's table that the graph lacks is proposed, but only shown once the report names it.
    const stateOf = (stateName: string): EntityRef | null => {
      const known = stateByName.get(keyOf(stateName));
      if (known) return known;
      if (!(stateName in STATE_NAMES)) return null;
      const key = keyOf(stateName);
      const existing = this.proposedByKey.get(key);
      if (existing) return { kind: 'PROPOSED', proposedId: existing, label: 'State' };
      const entity = this.createProposal(stateName, {
        label: 'State',
        reason: 'a state of the model’s table of state names (src/model/metonyms.ts)',
        rule: 'proposed-state',
      });
      this.hidden.add(entity.proposedId);
      this.add(stateName, { entity, rule: 'proposed-state', name: stateName });
      return entity;
    };
    for (const [stateName, aliases] of Object.entries(STATE_NAMES)) {
      const state = stateOf(stateName);
      if (state)
        for (const alias of aliases)
          this.add(alias, { entity: state, rule: 'alias', name: stateName });
    }
    for (const [table, rule] of [
      [CAPITAL_METONYMS, 'metonym'],
      [DEMONYMS, 'demonym'],
    ] as const) {
      for (const [word, stateName] of Object.entries(table)) {
        const state = stateOf(stateName);
        if (state) this.add(word, { entity: state, rule, name: stateName });
      }
    }
  }

  /** Registers a new proposal under a free id. */
  private createProposal(
    name: string,
    guess: { label: EntityLabel; reason: string; rule: MentionRule },
  ): Extract<EntityRef, { kind: 'PROPOSED' }> {
    let id = slugify(name);
    for (let n = 2; this.knownIds.has(id) || this.proposedById.has(id); n++)
      id = `${slugify(name)}-${n}`;
    this.proposedById.set(id, {
      proposedId: id,
      name,
      label: guess.label,
      aliases: [],
      reason: guess.reason,
      confidence: RULE_CONFIDENCE[guess.rule],
      rule: guess.rule,
    });
    this.proposedByKey.set(keyOf(name), id);
    return { kind: 'PROPOSED', proposedId: id, label: guess.label };
  }

  /** A hidden proposal (a state of the table) becomes part of the plan once the text names it. */
  private reveal(entity: EntityRef): void {
    if (entity.kind !== 'PROPOSED' || !this.hidden.delete(entity.proposedId)) return;
    this.order.push(entity.proposedId);
  }

  private add(alias: string, candidate: Candidate): void {
    const key = keyOf(alias);
    if (!key) return;
    const parts = key.split(' ');
    for (let n = 1; n <= parts.length; n++) this.prefixes.add(parts.slice(0, n).join(' '));
    const list = this.entries.get(key) ?? [];
    if (!list.some((c) => sameRef(c.entity, candidate.entity) && c.alias === alias))
      list.push({ ...candidate, alias });
    list.sort((a, b) => RULE_RANK[a.rule] - RULE_RANK[b.rule]);
    this.entries.set(key, list);
  }

  private addSurname(name: string, entity: EntityRef, rule: MentionRule): void {
    const parts = name.split(/\s+/);
    if (parts.length >= 2) this.add(parts[parts.length - 1], { entity, rule, name });
  }

  /** The entities proposed so far, in order of first mention. */
  proposed(): ProposedEntity[] {
    return this.order.map((id) => this.proposedById.get(id)!);
  }

  proposedEntity(id: string): ProposedEntity | undefined {
    return this.proposedById.get(id);
  }

  /** Proposes (or reuses) a new entity for a name, and makes its surname findable. */
  propose(name: string, titled: string | null, nextWord = ''): EntityRef {
    const key = keyOf(name);
    const existing = this.proposedByKey.get(key);
    if (existing) {
      const p = this.proposedById.get(existing)!;
      this.reveal({ kind: 'PROPOSED', proposedId: p.proposedId, label: p.label });
      return { kind: 'PROPOSED', proposedId: p.proposedId, label: p.label };
    }
    const guess = guessLabel(name, titled, nextWord);
    const { proposedId: id } = this.createProposal(name, guess);
    this.order.push(id);
    const entity: EntityRef = { kind: 'PROPOSED', proposedId: id, label: guess.label };
    this.add(name, { entity, rule: guess.rule, name });
    if (guess.label === 'Person') this.addSurname(name, entity, 'proposed-short-name');
    return entity;
  }

  /**
   * Entities a sentence describes without a proper name, proposed once:
   * a state's armed contingent ("North Korean troops", "Pyongyang’s
   * forces"), an event named by a compound of names ("Russia-Ukraine war")
   * and a weapon test ("test-fired an intercontinental ballistic missile").
   * An event proposed here is what a later "the <head noun>" ("the test")
   * refers to. Returns whether anything new became findable, so the caller
   * looks for the sentence's mentions again.
   */
  describe(text: string, span: Span, found: readonly FoundMention[]): boolean {
    let added = false;
    const sentence = text.slice(span.start, span.end);
    for (const m of found) {
      const state = m.candidates[0];
      if (m.nested || state.entity.label !== 'State') continue;
      const after = CONTINGENT_AFTER.exec(text.slice(m.end, Math.min(span.end, m.end + 16)));
      if (!after) continue;
      const written = text.slice(m.start, m.end + after[0].length);
      if (this.entries.has(keyOf(written))) continue;
      // One contingent per state, however the report words it.
      const name = `${demonymOf(state.name) ?? state.name} troops`;
      const entity = this.proposeDescribed(
        name,
        'MilitaryUnit',
        `the armed contingent of the state ${state.name}, named "${written}"`,
      );
      this.add(written, { entity, rule: 'proposed-description', name });
      this.noteAlias(entity, written);
      added = true;
    }
    for (const m of sentence.matchAll(COMPOUND_EVENT)) {
      if (this.entries.has(keyOf(m[0]))) continue;
      const entity = this.proposeDescribed(m[0], 'Event', 'an event named by a compound of names');
      this.addDefinite(m[0], entity);
      added = true;
    }
    for (const m of sentence.matchAll(WEAPON_TEST)) {
      if (this.entries.has(keyOf(m[0]))) continue;
      const name = `${m[1]} test`;
      const entity = this.proposeDescribed(name, 'Event', `a weapon test: "${m[0]}"`);
      this.add(m[0], { entity, rule: 'proposed-description', name });
      this.addDefinite(name, entity);
      added = true;
    }
    return added;
  }

  /** Proposes (or reuses) an entity for a description, findable by its name. */
  private proposeDescribed(name: string, label: EntityLabel, reason: string): EntityRef {
    // The graph may know the description as a name or alias ("ICBM test", "intercontinental ballistic missile test").
    const known = this.entries.get(keyOf(name))?.find((e) => e.entity.label === label);
    if (known) return known.entity;
    const existing = this.proposedByKey.get(keyOf(name));
    if (existing) {
      const p = this.proposedById.get(existing)!;
      return { kind: 'PROPOSED', proposedId: p.proposedId, label: p.label };
    }
    const entity = this.createProposal(name, { label, reason, rule: 'proposed-description' });
    this.order.push(entity.proposedId);
    this.add(name, { entity, rule: 'proposed-description', name });
    return entity;
  }

  /** From here on, "the <head noun>" of a described event refers to it: the latest such event wins. */
  private addDefinite(name: string, entity: EntityRef): void {
    const head = name.split(/\s+/).pop()!;
    const key = keyOf(`the ${head}`);
    if (this.definites.has(key)) this.entries.delete(key);
    this.definites.add(key);
    this.add(`the ${head}`, { entity, rule: 'definite-description', name });
  }

  /** Records another form of a proposed entity's name seen in the text. */
  noteAlias(entity: EntityRef, written: string): void {
    if (entity.kind !== 'PROPOSED') return;
    const p = this.proposedById.get(entity.proposedId);
    if (!p || p.name === written || p.aliases.includes(written)) return;
    this.proposedById.set(p.proposedId, { ...p, aliases: [...p.aliases, written] });
  }

  /** Longest known phrase starting at word `i`, or null. */
  private longestAt(text: string, words: readonly Word[], i: number): FoundMention | null {
    // Extend word by word while the folded words are still the start of some known phrase.
    const keys: string[] = [];
    for (let n = 1; n <= Math.min(MAX_PHRASE_WORDS, words.length - i); n++) {
      const key =
        n === 1 ? wordKey(words[i].text) : `${keys[n - 2]} ${wordKey(words[i + n - 1].text)}`;
      keys.push(key);
      if (!this.prefixes.has(key)) break;
    }
    for (let n = keys.length; n >= 1; n--) {
      const entries = this.entries.get(keys[n - 1]);
      if (!entries) continue;
      const first = words[i];
      const last = words[i + n - 1];
      // A phrase never runs across a comma, a quotation mark or a parenthesis.
      const written = text.slice(first.start, last.end);
      if (/[,;:“”"()]/.test(written) || keyOf(written) !== keys[n - 1]) continue;
      const fitting = entries.filter((e) => caseFits(e.alias, written));
      if (fitting.length === 0) continue;
      const end = /['’]s$/.test(written) ? last.end - 2 : last.end;
      return {
        start: first.start,
        end,
        text: text.slice(first.start, end),
        candidates: dedupe(fitting),
        nested: false,
      };
    }
    return null;
  }

  /** Every known mention in a span of the text, longest match first, left to right. */
  find(text: string, span: Span): FoundMention[] {
    const words = wordsIn(text, span.start, span.end);
    const found: FoundMention[] = [];
    for (let i = 0; i < words.length;) {
      let hit = this.longestAt(text, words, i);
      // "Russian-led": the part before the hyphen can be a demonym or a name.
      const hyphen = words[i].text.indexOf('-');
      if (!hit && hyphen > 0) {
        const part = {
          text: words[i].text.slice(0, hyphen),
          start: words[i].start,
          end: words[i].start + hyphen,
        };
        hit = this.longestAt(text, [part], 0);
      }
      if (!hit) {
        i++;
        continue;
      }
      found.push(hit);
      for (const c of hit.candidates) this.reveal(c.entity);
      // A longer mention that opens with a state's demonym or name also mentions that state
      // ("North Korean troops" mentions North Korea; "Ukraine’s border" mentions Ukraine).
      const taken = words.filter((w) => w.start >= hit.start && w.end <= hit.end + 2).length;
      if (taken > 1) {
        for (let n = taken - 1; n >= 1; n--) {
          const inner = this.longestAt(text, words.slice(i, i + n), 0);
          if (
            inner &&
            inner.candidates.some((c) => c.entity.label === 'State') &&
            !hit.candidates.some((c) => c.entity.label === 'State')
          ) {
            for (const c of inner.candidates) this.reveal(c.entity);
            found.push({
              ...inner,
              candidates: inner.candidates.filter((c) => c.entity.label === 'State'),
              nested: true,
            });
            break;
          }
        }
      }
      i += Math.max(1, taken);
    }
    return found;
  }

  /**
   * Capitalised runs in a span that no known or proposed name covers: the
   * candidates for new entities. A title before the run is returned with it.
   */
  unknownNames(
    text: string,
    span: Span,
    covered: readonly FoundMention[],
  ): Array<{ span: Span; name: string; title: string | null; nextWord: string }> {
    const words = wordsIn(text, span.start, span.end).filter(
      (w) => !covered.some((c) => w.start < c.end && w.end > c.start),
    );
    const runs: Array<{ span: Span; name: string; title: string | null; nextWord: string }> = [];
    let i = 0;
    while (i < words.length) {
      if (
        !isNameWord(words[i].text, text, words[i].start, span.start) ||
        NOT_NAMES.test(words[i].text)
      ) {
        i++;
        continue;
      }
      let j = i;
      // Extend over capitalised words, and "of"/"de"/"al" between them, with only spaces in between.
      while (j + 1 < words.length) {
        const gap = text.slice(words[j].end, words[j + 1].start);
        if (gap !== ' ') break;
        if (isCapitalised(words[j + 1].text)) j++;
        else if (
          /^(of|de|al|bin|von|van|der|la)$/.test(words[j + 1].text) &&
          j + 2 < words.length &&
          isCapitalised(words[j + 2].text) &&
          text.slice(words[j + 1].end, words[j + 2].start) === ' '
        )
          j += 2;
        else break;
      }
      let name = text.slice(words[i].start, words[j].end).replace(/['’]s$/, '');
      let start = words[i].start;
      let title: string | null = null;
      // A title anywhere in the run ("Moldovan Energy Minister Victor Roman"): the name is what follows the last one.
      // A run that ends with a title ("Secretary of State", its name already known) names no one new.
      let endsWithTitle = false;
      for (let k = j; k >= i && !title && !endsWithTitle; k--) {
        for (const t of TITLE_KEYS) {
          const titleWords = t.split(' ').length;
          if (k - titleWords + 1 < i) continue;
          if (keyOf(text.slice(words[k - titleWords + 1].start, words[k].end)) !== t) continue;
          const rest = words.slice(k + 1, j + 1);
          if (rest.length === 0) {
            endsWithTitle = k === j;
            break;
          }
          title = text.slice(words[k - titleWords + 1].start, words[k].end);
          start = rest[0].start;
          name = text.slice(start, rest[rest.length - 1].end).replace(/['’]s$/, '');
          break;
        }
      }
      // A lone demonym-like adjective before a common noun ("a senior European diplomat"), or a lone
      // capitalised word opening a sentence before a common noun ("Port workers"), is not a name.
      // A lone word before a verb of saying is its subject, a name ("Halvorsen warned").
      const following =
        /^\s+(\p{Ll}+)/u.exec(text.slice(words[j].end, words[j].end + 20))?.[1] ?? '';
      if (
        i === j &&
        (/(?:an|ian|ese|ish)$/.test(name) || words[i].start === span.start) &&
        following !== '' &&
        !SPEECH_VERB.test(following)
      ) {
        i = j + 1;
        continue;
      }
      // Given names and initials just before a known person's name ("Antony J." in "Antony J.
      // Blinken") are more of that person's name, not somebody new.
      const personAfter = covered.some(
        (c) =>
          !c.nested &&
          c.candidates[0]?.entity.label === 'Person' &&
          /^\.?\s$/.test(text.slice(words[j].end, c.start)),
      );
      if (personAfter) {
        i = j + 1;
        continue;
      }
      if (endsWithTitle) {
        i = j + 1;
        continue;
      }
      if (!TITLE_KEYS.includes(keyOf(name)) && !FUNCTION_WORDS.has(name.toLowerCase()))
        runs.push({
          span: { start, end: start + name.length },
          name,
          title,
          nextWord: /^\s+([a-z]+)/.exec(text.slice(words[j].end, words[j].end + 20))?.[1] ?? '',
        });
      i = j + 1;
    }
    return runs;
  }
}

/** Capitalised words that are not names: months, weekdays, acronyms of things, hyphenated modifiers. */
const NOT_NAMES =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|WWI|WWII|[\p{Lu}]{2,}s|\p{Lu}[\p{Ll}]+-[\p{Ll}]+)$/u;

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A capitalised word that could begin a name: not a sentence-initial function word. */
function isNameWord(word: string, text: string, at: number, spanStart: number): boolean {
  if (!isCapitalised(word)) return false;
  const sentenceInitial =
    at === spanStart || /[.!?“"]\s*$/.test(text.slice(Math.max(0, at - 3), at));
  if (FUNCTION_WORDS.has(word.toLowerCase())) return false;
  if (
    sentenceInitial &&
    /^(?:The|A|An|In|On|At|After|Before|While|As|This|That|If|When|But|And|Yet|So)$/.test(word)
  )
    return false;
  return true;
}

/** A state's adjective, the first demonym of the model's table. */
function demonymOf(stateName: string): string | undefined {
  return Object.entries(DEMONYMS).find(([, state]) => state === stateName)?.[0];
}

export function sameRef(a: EntityRef, b: EntityRef): boolean {
  return a.kind === 'EXISTING' && b.kind === 'EXISTING'
    ? a.id === b.id
    : a.kind === 'PROPOSED' && b.kind === 'PROPOSED' && a.proposedId === b.proposedId;
}

export function refKey(ref: EntityRef): string {
  return ref.kind === 'EXISTING' ? ref.id : `new:${ref.proposedId}`;
}

function dedupe(entries: readonly Entry[]): Candidate[] {
  const out: Candidate[] = [];
  for (const e of entries)
    if (!out.some((c) => sameRef(c.entity, e.entity)))
      out.push({ entity: e.entity, rule: e.rule, name: e.name });
  return out;
}

export function confidenceOf(rule: MentionRule): number {
  return RULE_CONFIDENCE[rule];
}
