/**
 * A hand-written SVG chart of one group of figures: value against the date of
 * each report, one mark per (figure, dated report), each labelled with who
 * gave it. No chart library: a few dozen elements, built as DOM nodes with
 * text always set as text.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One mark: a figure as one report gave it. */
export interface ChartMark {
  readonly value: number;
  /** The report's `publishedAt` (ISO date or date-time). */
  readonly date: string;
  /** Who gave it, as the mark's label ("Pentagon", "the report itself"). */
  readonly who: string;
  /** The figure as text, e.g. "around 10,000 troops". */
  readonly label: string;
  readonly sourceTitle: string;
  readonly estimateId: string;
  readonly sourceId: string;
}

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  for (const child of children)
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 24, bottom: 44, left: 72 };
const DAY = 86_400_000;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Milliseconds since the epoch of an ISO date's day (UTC), so that date-times plot on their day. */
export function dayOf(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Round tick steps (1, 2 or 5 times a power of ten) from 0 to at least `max`. */
export function valueTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** Distinct days of the marks, thinned to at most `count` evenly spaced ones (first and last kept). */
function dateTicks(days: number[], count = 6): number[] {
  const distinct = [...new Set(days)].sort((a, b) => a - b);
  if (distinct.length <= count) return distinct;
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    out.push(distinct[Math.round((i * (distinct.length - 1)) / (count - 1))] as number);
  return [...new Set(out)];
}

/** The chart; `title` names the group ("troops in Russia") for the accessible name. */
export function figureChart(title: string, marks: readonly ChartMark[]): SVGSVGElement {
  const days = marks.map((m) => dayOf(m.date));
  let [x0, x1] = [Math.min(...days), Math.max(...days)];
  // One date only: a day either side, so the mark sits in the middle.
  if (x0 === x1) [x0, x1] = [x0 - DAY, x1 + DAY];
  const pad = (x1 - x0) * 0.06;
  [x0, x1] = [x0 - pad, x1 + pad];
  const yTicks = valueTicks(Math.max(...marks.map((m) => m.value)));
  const yMax = yTicks[yTicks.length - 1] as number;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (day: number) => MARGIN.left + ((day - x0) / (x1 - x0)) * plotW;
  const y = (value: number) => MARGIN.top + plotH - (value / yMax) * plotH;
  const bottom = MARGIN.top + plotH;

  const chart = svg('svg', {
    class: 'figure-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `${title}: ${marks.length} ${marks.length === 1 ? 'report' : 'reports'}, value against date of publication`,
  });
  chart.append(svg('title', {}, `${title}, over time`));

  const yAxis = svg('g', { class: 'axis axis--y' });
  for (const tick of yTicks) {
    yAxis.append(
      svg('line', {
        x1: MARGIN.left,
        x2: MARGIN.left + plotW,
        y1: y(tick),
        y2: y(tick),
        class: 'grid',
      }),
      svg(
        'text',
        { x: MARGIN.left - 8, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        numberFormat.format(tick),
      ),
    );
  }
  const xAxis = svg('g', { class: 'axis axis--x' });
  xAxis.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: bottom, y2: bottom }));
  for (const tick of dateTicks(days)) {
    xAxis.append(
      svg('line', { x1: x(tick), x2: x(tick), y1: bottom, y2: bottom + 5 }),
      svg('text', { x: x(tick), y: bottom + 18, 'text-anchor': 'middle' }, isoDay(tick)),
    );
  }
  xAxis.append(
    svg(
      'text',
      { x: MARGIN.left + plotW / 2, y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis-title' },
      'Date of the report',
    ),
  );

  const markGroup = svg('g', { class: 'marks' });
  // Marks on the same day and value stack their labels downwards instead of overprinting.
  const seen = new Map<string, number>();
  for (const mark of marks) {
    const [cx, cy] = [x(dayOf(mark.date)), y(mark.value)];
    const key = `${dayOf(mark.date)}|${mark.value}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const anchorEnd = cx > MARGIN.left + plotW * 0.75;
    markGroup.append(
      svg(
        'g',
        {
          class: 'figure-mark',
          'data-estimate-id': mark.estimateId,
          'data-source-id': mark.sourceId,
        },
        svg(
          'title',
          {},
          `${mark.label}: ${mark.who}, in ${mark.sourceTitle} (${mark.date.slice(0, 10)})`,
        ),
        svg('circle', { cx, cy, r: 6 }),
        svg(
          'text',
          {
            x: anchorEnd ? cx - 10 : cx + 10,
            y: cy - 8 + nth * 14,
            'text-anchor': anchorEnd ? 'end' : 'start',
            class: 'mark-label',
          },
          `${numberFormat.format(mark.value)} · ${mark.who}`,
        ),
      ),
    );
  }
  chart.append(yAxis, xAxis, markGroup);
  return chart;
}
