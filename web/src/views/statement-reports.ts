/** "Reported by N sources": the sources of one statement, first and latest marked, each with its own words when they differ. */
import { h, sourceHref } from '../dom';
import type { StatementReportsViewFragment } from '../generated/graphql';

/** A statement's reports as the pages select them (the `StatementReportsView` fragment). */
type Reports = StatementReportsViewFragment['reportedBy'];
type Report = Reports['latest'];

/** "reported by 1 source", "reported by 3 sources". */
export function reportedByText(count: number): string {
  return `Reported by ${count} ${count === 1 ? 'source' : 'sources'}`;
}

function reportItem(report: Report, statementText: string, marks: string[]): HTMLElement {
  const { source } = report;
  const ownWords =
    report.text !== null && report.text !== undefined && report.text !== statementText;
  return h(
    'li',
    { class: 'report', 'data-source-id': source.id },
    h('a', { href: sourceHref(source.id) }, h('cite', {}, source.title)),
    source.publisher ? ` (${source.publisher})` : null,
    ', ',
    source.publishedAt
      ? h('time', { datetime: source.publishedAt }, source.publishedAt)
      : h('span', { class: 'muted' }, 'undated'),
    ...marks.map((mark) => [' ', h('span', { class: `report-tag report-tag--${mark}` }, mark)]),
    ownWords ? h('q', { class: 'report-words' }, report.text) : null,
  );
}

/**
 * The statement's reports: the first few earliest first, then the latest when
 * it is not among them, and how many are left out.
 */
export function reportedBySection(reportedBy: Reports, statementText: string): HTMLElement {
  const { totalCount, reports, latest } = reportedBy;
  const shown = [...reports];
  const latestShown = shown.some((r) => r.source.id === latest.source.id);
  const marksOf = (report: Report, index: number): string[] => {
    const marks: string[] = [];
    if (index === 0) marks.push('first');
    if (totalCount > 1 && report.source.id === latest.source.id) marks.push('latest');
    return marks;
  };
  const hidden = totalCount - shown.length - (latestShown ? 0 : 1);
  return h(
    'div',
    { class: 'reported-by', 'data-report-count': totalCount },
    h('p', { class: 'reported-by-count' }, reportedByText(totalCount)),
    h(
      'ol',
      { class: 'reports' },
      ...shown.map((r, i) => reportItem(r, statementText, marksOf(r, i))),
      hidden > 0 ? h('li', { class: 'report report--more muted' }, `… and ${hidden} more`) : null,
      latestShown ? null : reportItem(latest, statementText, ['latest']),
    ),
  );
}
