/**
 * An entity's figures compared: per group (what is counted, over what scope) a
 * table of every figure with who gave it, where and when, the spread and a
 * "reports disagree" flag, and a chart of value against the date of each
 * report. Loaded by a query of its own (EntityFigures) after the page.
 */
import { request } from '../client';
import { clear, entityLink, errorBox, h, loading, sourceHref } from '../dom';
import { type ChartMark, figureChart } from '../figure-chart';
import { EntityFiguresDocument, type EntityFiguresQuery } from '../generated/graphql';
import { section } from './page';

type Group = NonNullable<EntityFiguresQuery['entity']>['figureGroups'][number];
type Figure = Group['figures'][number];
type Speaker = { id: string; name: string };

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function speakersOf(figure: Figure): Speaker[] {
  return figure.speakers.filter((s): s is typeof s & Speaker => 'id' in s && 'name' in s);
}

/** Who gave a figure, as a mark's label and a table cell's text. */
function whoGave(figure: Figure): string {
  const names = speakersOf(figure).map((s) => s.name);
  if (names.length > 0) return names.join(', ');
  return figure.statement.kind === 'REPORTED' ? 'the report itself' : 'an unnamed source';
}

/** What a group counts: "troops in Russia". */
export function groupTitle(group: Group): string {
  return [group.unit, group.scope].filter(Boolean).join(' ');
}

/**
 * One mark per (figure, report): a figure whose statement several sources
 * report is plotted once for each dated report. Undated reports go in `undated`.
 */
export function marksOf(group: Group): { dated: ChartMark[]; undated: ChartMark[] } {
  const dated: ChartMark[] = [];
  const undated: ChartMark[] = [];
  for (const figure of group.figures)
    for (const report of figure.statement.reportedBy.reports) {
      const mark: ChartMark = {
        value: figure.value,
        date: report.source.publishedAt ?? '',
        who: whoGave(figure),
        label: figure.estimate.label,
        sourceTitle: report.source.title,
        estimateId: figure.estimate.id,
        sourceId: report.source.id,
      };
      (report.source.publishedAt ? dated : undated).push(mark);
    }
  return { dated, undated };
}

function figureRow(figure: Figure): HTMLElement {
  const speakers = speakersOf(figure);
  const more = figure.statement.reportedBy.totalCount - 1;
  return h(
    'tr',
    { 'data-estimate-id': figure.estimate.id },
    h(
      'td',
      { class: 'num' },
      h('strong', {}, numberFormat.format(figure.value)),
      h('br'),
      h('span', { class: 'muted' }, figure.estimate.label),
    ),
    h(
      'td',
      {},
      speakers.length > 0
        ? speakers.flatMap((s, i) => [i > 0 ? ', ' : null, entityLink(s)])
        : whoGave(figure),
    ),
    h(
      'td',
      {},
      h('a', { href: sourceHref(figure.source.id) }, h('cite', {}, figure.source.title)),
      figure.source.publisher ? ` (${figure.source.publisher})` : null,
      more > 0 ? h('span', { class: 'muted' }, ` and ${more} more`) : null,
    ),
    h('td', { class: 'date' }, figure.publishedAt ?? h('span', { class: 'muted' }, 'undated')),
    h(
      'td',
      { class: 'evidence' },
      figure.evidence?.sentence ?? h('span', { class: 'muted' }, 'not recorded'),
    ),
  );
}

function groupBlock(group: Group, index: number): HTMLElement {
  const title = groupTitle(group);
  const { dated, undated } = marksOf(group);
  const headingId = `figure-group-${index}`;
  return h(
    'div',
    { class: 'figure-group', 'data-group': title, 'aria-labelledby': headingId, role: 'group' },
    h('h3', { id: headingId }, title),
    h(
      'p',
      { class: 'figure-spread' },
      group.figures.length === 1
        ? `One figure: ${numberFormat.format(group.lowest)}.`
        : `From ${numberFormat.format(group.lowest)} to ${numberFormat.format(group.highest)}: a spread of ${numberFormat.format(group.spread)}.`,
      ' ',
      group.disagree
        ? h(
            'strong',
            { class: 'disagree-flag' },
            h('span', { 'aria-hidden': 'true' }, '⚠ '),
            'Reports disagree',
          )
        : null,
    ),
    h(
      'div',
      { class: 'figure-compare' },
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'figure-table' },
          h('caption', { class: 'visually-hidden' }, `Figures: ${title}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Value', 'Who gave it', 'Source', 'Date', 'Evidence'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h('tbody', {}, ...group.figures.map(figureRow)),
        ),
      ),
      h(
        'div',
        { class: 'figure-chart-wrap' },
        dated.length > 0
          ? figureChart(title, dated)
          : h('p', { class: 'muted' }, 'No dated report: nothing to plot.'),
        undated.length > 0
          ? h(
              'div',
              { class: 'undated' },
              h('p', {}, 'Not plotted (undated reports):'),
              h(
                'ul',
                {},
                ...undated.map((m) =>
                  h(
                    'li',
                    { 'data-estimate-id': m.estimateId },
                    `${m.label}: ${m.who}, in `,
                    h('cite', {}, m.sourceTitle),
                  ),
                ),
              ),
            )
          : null,
      ),
    ),
  );
}

/** The section, filled when its query answers; removed when the entity has no figures. */
export function figuresSection(id: string): HTMLElement {
  const panel = section('figures', 'Figures compared');
  const body = h('div', {}, loading('Loading figures…'));
  panel.append(body);
  const load = async (): Promise<void> => {
    try {
      const { entity } = await request(EntityFiguresDocument, { id });
      clear(body);
      const groups = entity?.figureGroups ?? [];
      if (groups.length === 0) {
        panel.remove();
        return;
      }
      body.append(...groups.map(groupBlock));
    } catch (error) {
      clear(body);
      body.append(errorBox((error as Error).message, () => (clear(body), void load())));
    }
  };
  void load();
  return panel;
}
