/** The statements and figures on an entity page. */
import { entityLink, h, type Child } from '../dom';
import type { StatementViewFragment } from '../generated/graphql';
import { STATEMENT_KIND_NAMES } from '../labels';
import { type EntityData, type Ref, section } from './page';
import { reportedBySection, reportedByText } from './statement-reports';

function speakersOf(statement: StatementViewFragment): Ref[] {
  return statement.speakers.filter((s): s is typeof s & Ref => 'id' in s && 'name' in s);
}

function joinLinks(refs: Ref[]): Child[] {
  const out: Child[] = [];
  refs.forEach((ref, i) => {
    if (i > 0) out.push(i === refs.length - 1 ? ' and ' : ', ');
    out.push(entityLink(ref));
  });
  return out;
}

function statementItem(statement: StatementViewFragment): HTMLElement {
  const speakers = speakersOf(statement);
  const kind = statement.kind;
  const text =
    kind === 'QUOTE'
      ? h('blockquote', { class: 'statement-text' }, `“${statement.text}”`)
      : h(
          'p',
          { class: 'statement-text' },
          kind === 'HEDGED_CLAIM' && statement.hedge
            ? h(
                'span',
                { class: 'hedge' },
                h('span', { class: 'visually-hidden' }, 'Hedge: '),
                `${statement.hedge}: `,
              )
            : null,
          statement.text,
        );
  const when = [statement.context, statement.timeText].filter(Boolean).join(', ');
  const source = statement.source;
  return h(
    'li',
    { class: `statement statement--${kind}`, 'data-statement-id': statement.id },
    h(
      'p',
      { class: 'statement-meta' },
      h('span', { class: `skind skind--${kind}` }, STATEMENT_KIND_NAMES[kind]),
      ' ',
      speakers.length > 0
        ? h('span', { class: 'speaker' }, ...joinLinks(speakers))
        : h(
            'span',
            { class: 'speaker' },
            kind === 'REPORTED' ? 'The report itself' : 'Unattributed',
          ),
    ),
    text,
    when ? h('p', { class: 'statement-context' }, when) : null,
    h(
      'p',
      { class: 'statement-source' },
      'Source: ',
      source.url
        ? h(
            'a',
            { href: source.url, rel: 'noopener noreferrer', target: '_blank' },
            h('cite', {}, source.title),
          )
        : h('cite', {}, source.title),
      source.publisher ? ` (${source.publisher})` : null,
    ),
    reportedBySection(statement.reportedBy, statement.text),
  );
}

export function statementsSection(
  id: string,
  title: string,
  statements: StatementViewFragment[],
  empty: string,
): HTMLElement {
  return section(
    id,
    `${title} (${statements.length})`,
    statements.length === 0
      ? h('p', { class: 'muted' }, empty)
      : h('ul', { class: 'statements' }, ...statements.map(statementItem)),
  );
}

export function estimatesSection(entity: EntityData): HTMLElement | null {
  if (entity.estimates.length === 0) return null;
  return section(
    'estimates',
    'Figures given',
    h(
      'ul',
      { class: 'estimates' },
      ...entity.estimates.map((estimate) => {
        const statement = estimate.attributedTo;
        const speakers = speakersOf(statement);
        return h(
          'li',
          { class: 'estimate', 'data-estimate-id': estimate.id },
          h('p', { class: 'estimate-figure' }, estimate.label),
          estimate.scope ? h('p', { class: 'estimate-scope' }, estimate.scope) : null,
          h(
            'p',
            { class: 'estimate-attribution' },
            'According to ',
            ...(speakers.length > 0
              ? joinLinks(speakers)
              : [statement.kind === 'REPORTED' ? 'the report itself' : 'an unnamed source']),
          ),
          h(
            'p',
            { class: `estimate-quote skind-text--${statement.kind}` },
            h(
              'span',
              { class: `skind skind--${statement.kind}` },
              STATEMENT_KIND_NAMES[statement.kind],
            ),
            ' ',
            statement.kind === 'QUOTE' ? `“${statement.text}”` : statement.text,
          ),
          h(
            'p',
            { class: 'statement-source' },
            'Source: ',
            h('cite', {}, statement.source.title),
            ` · ${reportedByText(statement.reportedBy.totalCount).toLowerCase()}`,
          ),
        );
      }),
    ),
  );
}
