/**
 * Statements: turns one sentence at a time into quotes, paraphrases, hedged
 * claims and the report's own assertions, each with its speakers and the span
 * it came from.
 *
 * The order of the rules matters and follows how reports are written:
 * 1. attribution cues (a verb of saying with its speaker phrase, "according
 *    to X", "X's comments") are found outside quotation marks;
 * 2. each full quote takes the cue right after or before it, else the cue
 *    that opens the next line ("…," / Blinken stated), else the speaker of
 *    the quote just before it (a quote split by an attribution);
 * 3. each remaining cue makes a paraphrase of the words after it, up to the
 *    next cue; an unnamed group with a verb of belief makes a hedged claim;
 * 4. what no cue covers is the report's own voice (REPORTED).
 */
import type {
  PlanStatement,
  PlanStatementKind,
  PlanWarning,
  RoleClaim,
  SpeakerRef,
  EntityRef,
  PlanSentence,
  PlanTime,
} from '../plan';
import {
  BELIEF_VERB,
  SAY_VERB,
  best,
  phraseAfter,
  phraseBefore,
  resolveSpeakerPhrase,
  type SpeakerParse,
} from './attribution';
import { refKey, type FoundMention, type MentionIndex } from './mentions';
import type { QuoteSpan } from './quotes';
import { slugify, trimSpan, type Span } from './text';

interface Cue {
  readonly verb: Span;
  readonly verbText: string;
  readonly phrase: Span | null;
  readonly parse: SpeakerParse;
  /** Where the reported words start. */
  readonly contentStart: number;
  readonly participle: boolean;
  readonly kind: 'verb' | 'according' | 'comments';
  /** For "according to": the reported words before the cue. */
  readonly contentBefore?: Span;
}

/** What the extractor remembers between sentences, for pronouns and split quotes. */
export interface DiscourseState {
  lastPerson: SpeakerRef | null;
  lastGroup: SpeakerRef[] | null;
  lastQuote: { sentenceIndex: number; paragraph: number; speakers: SpeakerRef[] } | null;
  /** Cues of the next sentence already used to attribute a quote on its own line. */
  consumed: Set<number>;
}

export interface SentenceResult {
  statements: PlanStatement[];
  roles: RoleClaim[];
  warnings: PlanWarning[];
}

const LEADING_CONNECTIVE =
  /^(?:(?:While|As|After|Before|When|If|Although|Though|Since|But|And|Yet|Meanwhile|However|Speaking|With|In response|Separately|Later|Earlier)\b,?\s+)+/;
const HEDGE_SPLIT =
  /,\s+((?:potentially|possibly|probably|likely|allegedly|reportedly|apparently|perhaps)\s+[\p{L}-]+)/u;
const REPORT_HEDGE =
  /\b(reportedly|allegedly|purportedly|apparently|is said to|are said to|is believed to|are believed to)\b/i;
const REPORTED_CLAUSE = /,\s+(?:as|while|although|since|because)\s+(?=\p{L})/u;
const CONTEXT =
  /^\s*(?:,\s*)?((?:at|ahead of|during|after|before|on the sidelines of|in an interview with|in a statement|in remarks|in a speech|while visiting|speaking at|speaking in)\b[^,.;]*)/i;
const SPEAKING_LEAD = /^Speaking\s+((?:at|in|to|during|after|before|ahead of)\b[^,]*),\s*/;
const ADDRESS_VERBS =
  /^(?:urged|urges|urging|told|tells|warned|warns|warning|called|calls|asked|pressed)$/i;
const PRONOUN = /^(?:he|she|they)$/i;
const DAY_TIME =
  /^(?:on |last |this |next |early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|^(?:yesterday|today|tonight)$|\d{4}/i;

function wordsWithOffsets(
  text: string,
  span: Span,
): Array<{ text: string; start: number; end: number }> {
  return [...text.slice(span.start, span.end).matchAll(/[\p{L}][\p{L}’'-]*/gu)].map((m) => ({
    text: m[0],
    start: span.start + m.index,
    end: span.start + m.index + m[0].length,
  }));
}

function stripLead(text: string, span: Span): Span {
  const lead = LEADING_CONNECTIVE.exec(text.slice(span.start, span.end));
  return lead ? { start: span.start + lead[0].length, end: span.end } : span;
}

/** Finds the attribution cues of a sentence, outside quotation marks. */
function findCues(
  text: string,
  sentence: PlanSentence,
  quotes: readonly QuoteSpan[],
  mentions: readonly FoundMention[],
  index: MentionIndex,
  state: DiscourseState,
): Cue[] {
  const cues: Cue[] = [];
  const outside = (at: number) => !quotes.some((q) => at > q.open && at < q.close);
  const words = wordsWithOffsets(text, sentence);
  const limitBefore = (at: number) => {
    const closer = quotes.filter((q) => q.close <= at && q.close > sentence.start).pop();
    return closer ? closer.close : sentence.start;
  };
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (!outside(word.start)) continue;
    let verb: Span = word;
    let verbText = word.text;
    if (/^issued$/i.test(word.text)) {
      // "issued strong warnings": a verb of saying in two parts.
      const noun = words
        .slice(w + 1, w + 4)
        .find((x) => /^(?:warnings?|statements?|calls?|appeals?)$/i.test(x.text));
      if (!noun) continue;
      verb = { start: word.start, end: noun.end };
      verbText = 'issued';
    } else if (!SAY_VERB.test(word.text)) continue;
    // "called" only as "called on" or "called for".
    if (
      /^call(?:ed|s)?$/i.test(word.text) &&
      !/^\s+(?:on|for)\b/.test(text.slice(word.end, word.end + 5))
    )
      continue;
    const participle = /ing$/i.test(word.text);
    const before = text.slice(sentence.start, word.start);
    let phrase: Span | null = null;
    let parse: SpeakerParse | null = null;
    let rule = 'verb-of-saying';
    if (participle && /,\s*$/.test(before)) {
      const previous = cues[cues.length - 1];
      const inherited = previous ? previous.parse.speakers : inheritedFromQuote(state, sentence);
      if (!inherited) continue;
      parse = {
        speakers: inherited,
        roles: [],
        unnamedGroup: previous?.parse.unnamedGroup ?? false,
      };
      rule = 'participle-continues-speaker';
    } else {
      const withNp = participle ? /\bwith\s+([^,]+?)\s*$/.exec(before) : null;
      const pronounFirst =
        /\b(he|she|they)\s+(?:(?:also|later|then|again|has|have|had)\s+)*$/i.exec(before);
      const limit = withNp ? sentence.start + withNp.index + 5 : limitBefore(word.start);
      phrase = phraseBefore(text, limit, word.start);
      if (phrase) phrase = stripLead(text, phrase);
      const pronoun = /\b(he|she|they)\s+(?:\w+\s+)?$/i.exec(before);
      if (pronounFirst && pronoun && PRONOUN.test(pronoun[1])) {
        const start = sentence.start + pronoun.index;
        const speakers = /they/i.test(pronoun[1])
          ? state.lastGroup
          : state.lastPerson
            ? [state.lastPerson]
            : null;
        if (!speakers) continue;
        phrase = { start, end: start + pronoun[1].length };
        parse = {
          speakers: speakers.map((s) => ({
            ...s,
            start,
            end: phrase!.end,
            rule: 'pronoun-last-speaker',
            confidence: 0.7,
            ...(s.kind === 'ENTITY' ? { text: pronoun[1] } : {}),
          })),
          roles: [],
          unnamedGroup: false,
        };
        rule = 'pronoun-last-speaker';
      } else if (!phrase && /[”"],?\s*$/.test(before)) {
        // Inverted: “…,” said Blinken.
        phrase = phraseAfter(text, word.end, sentence.end);
        rule = 'inverted-verb-after-quote';
      }
      if (!phrase) continue;
      parse ??= resolveSpeakerPhrase(text, phrase, mentions, index, rule);
    }
    if (parse.speakers.length === 0) continue;
    let contentStart = verb.end;
    const that = /^\s+(?:(?:[^,.“”"]{0,40}?)\s+)?that\s+/.exec(text.slice(verb.end, verb.end + 60));
    if (that && !/^\s+that/.test(that[0]) && !ADDRESS_VERBS.test(verbText))
      contentStart = verb.end + that[0].length;
    else if (that && /^\s+that/.test(that[0])) contentStart = verb.end + that[0].length;
    else if (rule === 'inverted-verb-after-quote' && phrase) contentStart = phrase.end;
    cues.push({ verb, verbText, phrase, parse, contentStart, participle, kind: 'verb' });
  }
  // "according to X": the reported words come before it.
  const according = /,?\s*according to\s+/gi;
  for (
    let m = according.exec(text.slice(sentence.start, sentence.end));
    m;
    m = according.exec(text.slice(sentence.start, sentence.end))
  ) {
    const at = sentence.start + m.index;
    if (!outside(at)) continue;
    const phrase = phraseAfter(text, at + m[0].length, sentence.end);
    if (!phrase) continue;
    const parse = resolveSpeakerPhrase(text, phrase, mentions, index, 'according-to');
    if (parse.speakers.length === 0) continue;
    const startOfClause = Math.max(
      sentence.start,
      ...cues.filter((c) => c.verb.end <= at).map((c) => c.contentStart),
    );
    cues.push({
      verb: { start: at, end: at + m[0].length },
      verbText: 'according to',
      phrase,
      parse,
      contentStart: phrase.end,
      participle: false,
      kind: 'according',
      contentBefore: { start: startOfClause, end: at },
    });
  }
  // "X's comments underscore …": the comments speak for X.
  const comments =
    /([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*)['’]s\s+(?:comments|remarks|words|statement|statements|testimony|warning|warnings|assessment|speech)\s+([a-z]+)\s+/gu;
  const body = text.slice(sentence.start, sentence.end);
  for (let m = comments.exec(body); m; m = comments.exec(body)) {
    const phrase = { start: sentence.start + m.index, end: sentence.start + m.index + m[1].length };
    if (!outside(phrase.start)) continue;
    const parse = resolveSpeakerPhrase(text, phrase, mentions, index, 'possessive-comments');
    if (parse.speakers.length === 0) continue;
    const end = sentence.start + m.index + m[0].length;
    cues.push({
      verb: { start: phrase.end, end },
      verbText: m[2],
      phrase,
      parse,
      contentStart: end,
      participle: false,
      kind: 'comments',
    });
  }
  return cues.sort((a, b) => a.verb.start - b.verb.start);
}

function inheritedFromQuote(state: DiscourseState, sentence: PlanSentence): SpeakerRef[] | null {
  return state.lastQuote && state.lastQuote.sentenceIndex === sentence.index - 1
    ? state.lastQuote.speakers
    : null;
}

function speakerName(s: SpeakerRef, index: MentionIndex): string {
  if (s.kind === 'UNNAMED') return s.description;
  return s.entity.kind === 'EXISTING'
    ? s.entity.id
    : (index.proposedEntity(s.entity.proposedId)?.name ?? s.entity.proposedId);
}

/** Extracts the statements of one sentence; `next` is the following sentence, for quotes attributed on the next line. */
export function statementsOf(
  text: string,
  sentence: PlanSentence,
  next: PlanSentence | undefined,
  quotes: readonly QuoteSpan[],
  mentionsBySentence: ReadonlyMap<number, FoundMention[]>,
  times: readonly PlanTime[],
  index: MentionIndex,
  state: DiscourseState,
  ids: Set<string>,
): SentenceResult {
  const result: SentenceResult = { statements: [], roles: [], warnings: [] };
  const mentions = mentionsBySentence.get(sentence.index) ?? [];
  const sentenceQuotes = quotes.filter((q) => q.sentenceIndex === sentence.index);
  const fullQuotes = sentenceQuotes.filter((q) => q.full);
  const cues = findCues(text, sentence, quotes, mentions, index, state).filter(
    (_, i) => !(state.consumed.has(sentence.index) && i === 0),
  );
  const wasConsumed = state.consumed.has(sentence.index);
  state.consumed.delete(sentence.index);
  const evidence = (span: Span) => ({
    sentenceIndex: sentence.index,
    start: span.start,
    end: span.end,
    sentence: sentence.text,
  });
  const outsideQuotes = (t: PlanTime) =>
    !sentenceQuotes.some((q) => t.start > q.open && t.start < q.close);
  const dayTime = times.find(
    (t) => t.sentenceIndex === sentence.index && outsideQuotes(t) && DAY_TIME.test(t.text),
  );
  const used = new Set<Cue>();
  const speakerKeys = (speakers: readonly SpeakerRef[]) =>
    new Set(
      speakers.map((s) =>
        s.entity ? refKey(s.entity) : `unnamed:${s.kind === 'UNNAMED' ? s.description : ''}`,
      ),
    );
  const mentionsIn = (
    spans: readonly Span[],
    exclude: readonly Span[],
    speakers: readonly SpeakerRef[],
  ) => {
    const skip = speakerKeys(speakers);
    const refs: EntityRef[] = [];
    const matchIds: string[] = [];
    for (const m of mentions) {
      if (!spans.some((s) => m.start >= s.start && m.end <= s.end)) continue;
      if (exclude.some((s) => m.start >= s.start && m.end <= s.end)) continue;
      const ref = best(m);
      matchIds.push(`${m.start}:${m.end}`);
      if (skip.has(refKey(ref)) || refs.some((r) => refKey(r) === refKey(ref))) continue;
      refs.push(ref);
    }
    return { refs, matchIds };
  };
  const newId = (speakers: readonly SpeakerRef[], words: string) => {
    const who = speakers.length > 0 ? slugify(speakerName(speakers[0], index), 30) : 'report';
    const base = `${who}-${slugify(words.split(/\s+/).slice(0, 6).join(' '), 40)}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const push = (
    kind: PlanStatementKind,
    span: Span,
    speakers: SpeakerRef[],
    opts: {
      hedge?: string | null;
      attribution?: string | null;
      context?: string | null;
      region?: Span[];
      exclude?: Span[];
      rule: string;
      confidence: number;
      addressedTo?: EntityRef[];
      quoteText?: string;
    },
  ) => {
    const clean = trimSpan(text, span, ' \t\n,;:');
    const words = opts.quoteText ?? text.slice(clean.start, clean.end);
    const { refs, matchIds } = mentionsIn(opts.region ?? [clean], opts.exclude ?? [], speakers);
    const time = kind === 'REPORTED' ? undefined : dayTime;
    result.statements.push({
      id: newId(speakers, words),
      kind,
      text: words,
      hedge: opts.hedge ?? null,
      origin: speakers.length === 0 && kind !== 'QUOTE' ? 'REPORT' : 'SPEAKER',
      speakers,
      attribution: opts.attribution ?? null,
      mentions: refs,
      mentionMatchIds: matchIds,
      addressedTo: opts.addressedTo ?? [],
      context: opts.context ?? null,
      timeText: time?.text ?? null,
      date: time?.date ?? null,
      dateDerived: time?.derived ?? false,
      evidence: evidence(clean),
      rule: opts.rule,
      confidence: opts.confidence,
    });
  };
  const remember = (speakers: SpeakerRef[]) => {
    const person = speakers.find((s) => s.kind === 'ENTITY' && s.entity.label === 'Person');
    if (person) state.lastPerson = person;
    if (
      speakers.length > 1 ||
      speakers.some((s) => s.kind === 'UNNAMED' || s.entity?.label !== 'Person')
    )
      state.lastGroup = speakers;
  };
  for (const c of cues)
    result.roles.push(
      ...c.parse.roles.map((r) => ({ ...r, evidence: evidence(c.phrase ?? c.verb) })),
    );

  // 2. Quotes take their attribution.
  for (const q of fullQuotes) {
    let speakers: SpeakerRef[] | null = null;
    let rule = '';
    let attribution: string | null = null;
    let context: string | null = null;
    const after = cues.find(
      (c) =>
        !used.has(c) &&
        c.kind === 'verb' &&
        /^[\s,]*$/.test(
          text.slice(
            q.close,
            c.phrase && c.phrase.start < c.verb.start ? c.phrase.start : c.verb.start,
          ),
        ),
    );
    const before = cues.find(
      (c) =>
        !used.has(c) &&
        c.kind === 'verb' &&
        c.verb.end <= q.open &&
        /^[\s,:]*$/.test(text.slice(c.verb.end, q.open)),
    );
    const cue = after ?? before;
    if (cue) {
      speakers = cue.parse.speakers;
      rule = after ? 'quote-then-attribution' : 'attribution-then-quote';
      used.add(cue);
      attribution = text.slice(
        Math.min(cue.phrase?.start ?? cue.verb.start, cue.verb.start),
        Math.max(cue.verb.end, cue.phrase?.end ?? 0),
      );
      context =
        CONTEXT.exec(text.slice(Math.max(cue.verb.end, cue.phrase?.end ?? 0), sentence.end))?.[1] ??
        null;
    } else if (
      next &&
      !next.heading &&
      q.close >= sentence.end - 1 &&
      text.slice(sentence.start, q.open).trim() === '' &&
      // The comma inside the closing mark says the sentence goes on, on the next line.
      (/,\s*[”"]$/.test(text.slice(q.start, q.close)) || /^\p{Ll}/u.test(next.text))
    ) {
      // A quote on its own line, attributed by the next line ("…," / Blinken stated, adding …).
      const nextMentions = mentionsBySentence.get(next.index) ?? [];
      const nextCues = findCues(text, next, quotes, nextMentions, index, state);
      const first = nextCues[0];
      if (
        first &&
        first.kind === 'verb' &&
        !first.participle &&
        first.phrase &&
        first.phrase.start <= next.start + 4
      ) {
        speakers = first.parse.speakers;
        rule = 'quote-attributed-on-next-line';
        attribution = text.slice(first.phrase.start, first.verb.end);
        context = CONTEXT.exec(text.slice(first.verb.end, next.end))?.[1] ?? null;
        state.consumed.add(next.index);
      }
    }
    if (
      !speakers &&
      state.lastQuote &&
      (state.lastQuote.sentenceIndex === sentence.index - 1 ||
        state.lastQuote.sentenceIndex === sentence.index) &&
      text.slice(sentence.start, q.open).trim() === ''
    ) {
      speakers = state.lastQuote.speakers;
      rule = 'quote-continues-previous-speaker';
    }
    if (!speakers) {
      result.warnings.push({
        code: 'UNATTRIBUTED_QUOTE',
        message: `No speaker found for the quote “${q.text.slice(0, 60)}”.`,
        evidence: evidence(q),
      });
      speakers = [];
      rule = 'quote-unattributed';
    }
    push('QUOTE', { start: q.start, end: q.end }, speakers, {
      attribution,
      context,
      rule,
      confidence: speakers.length ? 0.9 : 0.3,
      quoteText: q.text,
      region: [{ start: q.start, end: q.end }],
    });
    state.lastQuote = { sentenceIndex: sentence.index, paragraph: sentence.paragraph, speakers };
    remember(speakers);
  }

  // 3. Cues not used by a quote make paraphrases and hedged claims.
  const open = cues.filter((c) => !used.has(c));
  const covered: Span[] = [];
  for (let i = 0; i < open.length; i++) {
    const cue = open[i];
    if (cue.kind === 'according') {
      const host = result.statements.find(
        (s) =>
          s.evidence.sentenceIndex === sentence.index &&
          s.kind !== 'QUOTE' &&
          s.evidence.start <= cue.contentBefore!.start + 1 &&
          s.evidence.end >= cue.contentBefore!.end - 2,
      );
      if (host) {
        // "X has reported that …, according to Y": both stand behind the words.
        const merged = [
          ...host.speakers,
          ...cue.parse.speakers.filter(
            (s) => !speakerKeys(host.speakers).has(s.entity ? refKey(s.entity) : ''),
          ),
        ];
        result.statements[result.statements.indexOf(host)] = {
          ...host,
          speakers: merged,
          mentions: host.mentions.filter((m) => !speakerKeys(merged).has(refKey(m))),
        };
        remember(merged);
        continue;
      }
      const span = trimSpan(text, stripLead(text, cue.contentBefore!));
      push('PARAPHRASE', span, cue.parse.speakers, {
        attribution: text.slice(cue.verb.start, cue.phrase!.end).replace(/^,\s*/, ''),
        rule: 'according-to',
        confidence: 0.85,
        exclude: [cue.phrase!],
      });
      covered.push(cue.contentBefore!, cue.verb, cue.phrase!);
      remember(cue.parse.speakers);
      continue;
    }
    if (wasConsumed && i === 0 && !cue.participle) continue;
    const following = open[i + 1];
    let end = sentence.end;
    if (following)
      end =
        following.kind === 'according'
          ? following.verb.start
          : following.participle && !following.phrase
            ? following.verb.start
            : Math.min(following.phrase?.start ?? following.verb.start, following.verb.start);
    let content = trimSpan(text, { start: cue.contentStart, end }, ' \t\n,;:');
    // Trailing connectives that belong to the next cue ("…, with the U.S. defense secretary").
    const tail = /[,\s]+(?:with|and|while|as)?\s*$/.exec(text.slice(content.start, content.end));
    if (tail && tail[0].trim())
      content = { start: content.start, end: content.end - tail[0].length };
    // A cue whose own words are a few words and that a participle continues ("echoed these concerns, warning that …") folds into it.
    // Only words count: the full stop left after "…, the agency said." is not content.
    const words = text
      .slice(content.start, content.end)
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (following?.participle && !following.phrase && words < 4) continue;
    const shortAfter =
      words === 0 ||
      (words < 4 &&
        /^(?:ahead|at|during|before|after|on|in|late|early|yesterday|today|last|this)\b/i.test(
          text.slice(content.start, content.end),
        ));
    // "<reported words>, the ministers said on Monday.": the words come before the attribution.
    const frontStart = covered.length > 0 ? Math.max(...covered.map((c) => c.end)) : sentence.start;
    const front =
      cue.phrase &&
      cue.phrase.start > frontStart &&
      /,\s*$/.test(text.slice(frontStart, cue.phrase.start))
        ? trimSpan(text, { start: frontStart, end: cue.phrase.start }, ' \t\n,;:')
        : null;
    const frontWords = front
      ? text.slice(front.start, front.end).split(/\s+/).filter(Boolean).length
      : 0;
    const reversed =
      shortAfter &&
      front !== null &&
      frontWords >= 4 &&
      !sentenceQuotes.some((q) => q.full && q.open >= front.start && q.close <= front.end + 2);
    if (reversed) content = front;
    else if (shortAfter) continue;
    let reported: Span | null = null;
    const clause = REPORTED_CLAUSE.exec(text.slice(content.start, content.end));
    if (clause) {
      reported = trimSpan(text, { start: content.start + clause.index + 2, end: content.end });
      content = { start: content.start, end: content.start + clause.index };
    }
    const hedgeSplit = HEDGE_SPLIT.exec(text.slice(content.start, content.end));
    let hedged: Span | null = null;
    if (hedgeSplit) {
      hedged = {
        start: content.start + hedgeSplit.index + hedgeSplit[0].indexOf(hedgeSplit[1]),
        end: content.end,
      };
      content = { start: content.start, end: content.start + hedgeSplit.index };
    }
    const lead = stripLead(text, {
      start: i === 0 ? sentence.start : (cue.phrase?.start ?? cue.verb.start),
      end: cue.phrase?.start ?? cue.verb.start,
    });
    const speaking = SPEAKING_LEAD.exec(text.slice(sentence.start, sentence.end));
    const context = i === 0 && speaking ? speaking[1] : null;
    const exclude = [
      ...cues.flatMap((c) => (c.phrase ? [c.phrase] : [])),
      ...(context && speaking
        ? [{ start: sentence.start, end: sentence.start + speaking[0].length }]
        : []),
    ];
    const belief = cue.parse.unnamedGroup && BELIEF_VERB.test(cue.verbText);
    const addressee = ADDRESS_VERBS.test(cue.verbText)
      ? mentions.find((m) => m.start >= cue.verb.end && m.start <= cue.verb.end + 2)
      : undefined;
    const region = [
      !reversed && lead.start < lead.end
        ? { start: i === 0 ? sentence.start : lead.start, end: content.end }
        : content,
    ];
    push(belief ? 'HEDGED_CLAIM' : 'PARAPHRASE', content, cue.parse.speakers, {
      hedge: belief ? text.slice(cue.phrase!.start, cue.verb.end) : null,
      attribution: text.slice(
        Math.min(cue.phrase?.start ?? cue.verb.start, cue.verb.start),
        cue.verb.end,
      ),
      context,
      region,
      exclude,
      rule: reversed
        ? 'words-then-attribution'
        : belief
          ? 'unnamed-group-belief'
          : cue.kind === 'comments'
            ? 'possessive-comments'
            : cue.participle
              ? 'participle-of-saying'
              : 'verb-of-saying',
      confidence: 0.8,
      addressedTo: addressee ? [best(addressee)] : [],
    });
    if (hedged) {
      const hedgeWords = text.slice(hedged.start, hedged.end).split(/\s+/).slice(0, 2).join(' ');
      push('HEDGED_CLAIM', hedged, cue.parse.speakers, {
        hedge: hedgeWords,
        attribution: null,
        rule: 'participle-hedge',
        confidence: 0.7,
        exclude,
      });
    }
    if (reported)
      push('REPORTED', reported, [], { rule: 'report-clause-after-attribution', confidence: 0.6 });
    covered.push(
      { start: region[0].start, end: (hedged ?? content).end },
      ...(reported ? [reported] : []),
    );
    remember(cue.parse.speakers);
  }

  // 4. The report's own voice: a sentence with no quote and no attribution.
  if (
    result.statements.length === 0 &&
    fullQuotes.length === 0 &&
    cues.length === 0 &&
    !wasConsumed
  ) {
    const span = trimSpan(text, sentence, ' \t\n');
    const hedge = REPORT_HEDGE.exec(sentence.text);
    push(hedge ? 'HEDGED_CLAIM' : 'REPORTED', span, [], {
      hedge: hedge?.[1] ?? null,
      rule: hedge ? 'report-hedge' : 'report-own-voice',
      confidence: 0.75,
    });
  }
  // A pronoun in the next sentence refers to the person this one is about, when nobody spoke here.
  const personSpoke = result.statements.some((st) =>
    st.speakers.some((sp) => sp.kind === 'ENTITY' && sp.entity.label === 'Person'),
  );
  const firstPerson = mentions.find((m) => !m.nested && best(m).label === 'Person');
  if (!personSpoke && firstPerson)
    state.lastPerson = {
      kind: 'ENTITY',
      entity: best(firstPerson),
      text: firstPerson.text,
      start: firstPerson.start,
      end: firstPerson.end,
      rule: 'pronoun-last-named-person',
      confidence: 0.6,
    };
  return result;
}
