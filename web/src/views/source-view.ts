/** A source's page: its text with every statement marked, and the statements beside it with their evidence. */
import { request } from '../client';
import { clear, entityHref, errorBox, h, loading } from '../dom';
import { SourcePageDocument } from '../generated/graphql';
import { highlighted } from '../highlight';
import { reportedBySection } from './statement-reports';

const KINDS: Record<string, string> = {
  QUOTE: 'Quote',
  PARAPHRASE: 'Paraphrase',
  HEDGED_CLAIM: 'Hedged claim',
  REPORTED: 'Reported by the source',
};

export async function renderSource(
  main: HTMLElement,
  id: string,
  isCurrent: () => boolean,
): Promise<void> {
  main.append(loading());
  try {
    const { source } = await request(SourcePageDocument, { id });
    if (!isCurrent()) return;
    clear(main);
    if (!source) {
      main.append(
        h(
          'section',
          { class: 'not-found' },
          h('h1', {}, 'No such source'),
          h('p', {}, `Nothing in the graph has the id “${id}”.`),
        ),
      );
      return;
    }
    document.title = `${source.title} · Graph explorer`;
    const statements = source.statements.map((s) =>
      h(
        'li',
        { class: `statement kind-${s.kind.toLowerCase()}`, 'data-statement': s.id },
        h('span', { class: 'tag' }, KINDS[s.kind] ?? s.kind),
        ' ',
        s.speaker
          ? h('a', { href: entityHref(s.speaker.id) }, s.speaker.name)
          : h('span', { class: 'muted' }, s.attribution ?? 'the source'),
        h(
          'p',
          { class: 'statement-text' },
          s.hedge ? h('strong', {}, `${s.hedge}: `) : null,
          s.kind === 'QUOTE' ? `“${s.text}”` : s.text,
        ),
        s.evidence
          ? h(
              'p',
              { class: 'evidence' },
              h('span', { class: 'muted' }, 'Sentence: '),
              s.evidence.sentence,
            )
          : null,
        reportedBySection(s.reportedBy, s.text),
        ...s.estimates.map((e) =>
          h(
            'p',
            { class: 'figure' },
            e.label,
            ' — ',
            h('a', { href: entityHref(e.subject.id) }, e.subject.name),
          ),
        ),
      ),
    );
    const spans = source.statements.flatMap((s) =>
      s.evidence
        ? [
            {
              start: s.evidence.start,
              end: s.evidence.end,
              kind: `hl-${s.kind.toLowerCase()}`,
              title: s.speaker?.name ?? 'the source',
            },
          ]
        : [],
    );
    main.append(
      h(
        'section',
        { class: 'source-page' },
        h('h1', {}, source.title),
        h(
          'p',
          { class: 'muted' },
          [source.publisher, source.publishedAt].filter(Boolean).join(' · ') || 'Publisher unknown',
          source.url ? [' · ', h('a', { href: source.url, rel: 'noopener' }, 'original')] : null,
        ),
        h(
          'div',
          { class: 'report-columns' },
          source.text
            ? highlighted(source.text, spans)
            : h('p', { class: 'muted' }, 'The text of this source was not ingested.'),
          h(
            'div',
            {},
            h('h2', {}, `Statements (${source.statementCount})`),
            source.statementCount > source.statements.length
              ? h(
                  'p',
                  { class: 'muted' },
                  `The first ${source.statements.length} in reading order are shown and marked in the text.`,
                )
              : null,
            h('ol', { class: 'statements' }, ...statements),
          ),
        ),
      ),
    );
  } catch (error) {
    if (!isCurrent()) return;
    clear(main);
    main.append(
      errorBox(
        error instanceof Error ? error.message : String(error),
        () => void renderSource(main, id, isCurrent),
      ),
    );
  }
}
