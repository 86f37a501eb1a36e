/**
 * Renders results: a Markdown summary and hand-written SVG line charts.
 */
import type { CellResult } from './measure';
import type { LoadResult } from './http-load';
import type { PeerRun } from './peer/run-peer';

export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean | null;
}

const fmt = (x: number | undefined) =>
  x === undefined || Number.isNaN(x)
    ? '–'
    : x >= 100
      ? x.toFixed(0)
      : x >= 10
        ? x.toFixed(1)
        : x.toFixed(2);

export function cellsTable(cells: readonly CellResult[]): string {
  const lines = [
    '| scale | scenario | fan-out | implementation | reps | p50 ms | p90 ms | p99 ms | graph queries/req | errors | load avg |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of cells) {
    lines.push(
      `| ${c.scale} | ${c.scenario} | ${c.fanout} | ${c.impl} | ${c.reps} | ${fmt(c.p50)} | ${fmt(c.p90)} | ${fmt(c.p99)} | ${c.queries} | ${c.errors}${c.firstError ? ` (${c.firstError.slice(0, 60)})` : ''} | ${c.loadAvg} |`,
    );
  }
  return lines.join('\n');
}

export function ratiosTable(cells: readonly CellResult[]): string {
  const lines = [
    '| scale | scenario | fan-out | naive / batched (p50) | batched / in-memory (p50) | queries batched → naive |',
    '|---|---|---:|---:|---:|---|',
  ];
  const key = (c: CellResult) => `${c.scale}|${c.scenario}|${c.fanout}`;
  const groups = new Map<string, Partial<Record<string, CellResult>>>();
  for (const c of cells) {
    const g = groups.get(key(c)) ?? {};
    g[c.impl] = c;
    groups.set(key(c), g);
  }
  for (const [k, g] of groups) {
    const [scale, scenario, fanout] = k.split('|');
    const b = g.batched;
    const n = g.naive;
    const m = g['in-memory'];
    if (!b) continue;
    const nb = n ? `${(n.p50 / b.p50).toFixed(1)}×` : '–';
    const bm = m ? `${(b.p50 / m.p50).toFixed(1)}×` : '–';
    lines.push(
      `| ${scale} | ${scenario} | ${fanout} | ${nb} | ${bm} | ${b.queries} → ${n?.queries ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

export function loadTable(results: readonly LoadResult[]): string {
  const lines = [
    '| scale | target | query | conns | seconds | requests | req/s | p50 ms | p90 ms | p99 ms | non-2xx | bodies with errors | socket errors/timeouts |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.scale} | ${r.target} | ${r.query} | ${r.connections} | ${r.seconds} | ${r.requests} | ${r.reqPerSec} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.non2xx} | ${r.bodyErrors} | ${r.socketErrors}/${r.timeouts} |`,
    );
  }
  return lines.join('\n');
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}`;

/**
 * One row per scale and query: single-request p50/p99 and req/s at each
 * connection count, ours and the peer's, with ours / peer. For latency a
 * ratio above 1 means we are slower; for req/s a ratio below 1 does.
 */
export function peerTable(runs: readonly PeerRun[]): string {
  const connections = [...new Set(runs.flatMap((r) => r.http.map((h) => h.connections)))].sort(
    (a, b) => a - b,
  );
  const lines = [
    `| scale | query | ours p50 ms | peer p50 ms | ours / peer p50 | ours p99 ms | peer p99 ms | ours / peer p99 | ${connections.map((c) => `ours req/s (${c} conn) | peer req/s (${c} conn) | ours / peer (${c} conn)`).join(' | ')} | load avg |`,
    `|---|---|${'---:|'.repeat(6 + 3 * connections.length + 1)}`,
  ];
  for (const run of runs) {
    if (!run.fidelity.same) {
      lines.push(
        `| ${run.scale} | – | not measured: ${run.fidelity.message.replace(/\|/g, '\\|')} |`,
      );
      continue;
    }
    for (const query of ['nested', 'lookup']) {
      const lat = (side: string) => run.latency.find((l) => l.query === query && l.side === side);
      const rps = (name: string, c: number) =>
        run.http.find((h) => h.query === query && h.connections === c && h.target === name)
          ?.reqPerSec;
      const [ours, peer] = [lat('ours'), lat('peer')];
      const [oursName, peerName] = [...new Set(run.http.map((h) => h.target))] as [string, string];
      const load = connections
        .map(
          (c) =>
            `${rps(oursName, c) ?? '–'} | ${rps(peerName, c) ?? '–'} | ${ratio(rps(oursName, c), rps(peerName, c))}`,
        )
        .join(' | ');
      lines.push(
        `| ${run.scale} | ${query} | ${fmt(ours?.p50)} | ${fmt(peer?.p50)} | ${ratio(ours?.p50, peer?.p50)} | ${fmt(ours?.p99)} | ${fmt(peer?.p99)} | ${ratio(ours?.p99, peer?.p99)} | ${load} | ${ours?.loadAvg ?? '–'} |`,
      );
    }
  }
  return lines.join('\n');
}

export interface QueryProfileRow {
  readonly scale: string;
  readonly name: string;
  readonly count: number;
  readonly totalMs: number;
  readonly meanMs: number;
}

export function queryProfileTable(rows: readonly QueryProfileRow[]): string {
  const lines = [
    '| scale | query (name[slots]) | count | total ms | mean ms |',
    '|---|---|---:|---:|---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.scale} | \`${r.name}\` | ${r.count} | ${Math.round(r.totalMs)} | ${fmt(r.meanMs)} |`,
    );
  return lines.join('\n');
}

export function goalsTable(goals: readonly GoalCheck[]): string {
  const lines = ['| goal | measured | met? |', '|---|---|---|'];
  for (const g of goals)
    lines.push(
      `| ${g.goal} | ${g.measured} | ${g.met === null ? 'not measured' : g.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: ReadonlyArray<{ x: string; y: number }>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A line chart with categorical x and logarithmic y. */
export function lineChart(
  title: string,
  xLabel: string,
  yLabel: string,
  xs: readonly string[],
  series: readonly Series[],
): string {
  const W = 640;
  const H = 400;
  const left = 70;
  const right = 170;
  const top = 40;
  const bottom = 60;
  const values = series
    .flatMap((s) => s.points.map((p) => p.y))
    .filter((y) => y > 0 && Number.isFinite(y));
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values, 1))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 10))));
  const px = (i: number) =>
    left + (xs.length === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (xs.length - 1));
  const py = (y: number) =>
    top +
    (H - top - bottom) * (1 - (Math.log10(y) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - right / 2 + left / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let e = Math.log10(lo); e <= Math.log10(hi); e++) {
    const y = py(Math.pow(10, e));
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    out.push(
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end">${Math.pow(10, e) >= 1 ? Math.pow(10, e) : Math.pow(10, e).toFixed(-e)}</text>`,
    );
  }
  xs.forEach((x, i) => {
    out.push(`<line x1="${px(i)}" x2="${px(i)}" y1="${top}" y2="${H - bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px(i)}" y="${H - bottom + 18}" text-anchor="middle">${esc(x)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}" stroke="#333"/>`);
  out.push(
    `<line x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}" stroke="#333"/>`,
  );
  out.push(
    `<text x="${(left + W - right) / 2}" y="${H - 15}" text-anchor="middle">${esc(xLabel)}</text>`,
  );
  out.push(
    `<text x="18" y="${(top + H - bottom) / 2}" text-anchor="middle" transform="rotate(-90 18 ${(top + H - bottom) / 2})">${esc(yLabel)}</text>`,
  );
  series.forEach((s, k) => {
    const pts = s.points
      .filter((p) => p.y > 0 && xs.includes(p.x))
      .map((p) => `${px(xs.indexOf(p.x)).toFixed(1)},${py(p.y).toFixed(1)}`);
    if (pts.length > 1)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(' ')}"/>`,
      );
    for (const p of pts) {
      const [cx, cy] = p.split(',');
      out.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${s.color}"/>`);
    }
    s.points.forEach((p) => {
      if (!(p.y > 0 && xs.includes(p.x))) return;
      const i = xs.indexOf(p.x);
      const last = i === xs.length - 1 && xs.length > 1;
      out.push(
        `<text x="${px(i) + (last ? -7 : 7)}" y="${py(p.y) - 6}" text-anchor="${last ? 'end' : 'start'}" fill="${s.color}" font-size="10">${fmt(p.y)}</text>`,
      );
    });
    out.push(
      `<rect x="${W - right + 15}" y="${top + k * 22}" width="14" height="14" fill="${s.color}"/>`,
    );
    out.push(`<text x="${W - right + 35}" y="${top + k * 22 + 11}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** The two standard charts: nested p50 vs fan-out (scale S) and nested p50 vs graph size. */
export function standardCharts(
  cells: readonly CellResult[],
  growth: readonly CellResult[],
  sizes: Readonly<Record<string, number>>,
  fanouts: readonly number[],
): { fanout: string; growth: string } {
  const nestedFanouts = fanouts.filter((f) => f <= 100);
  const fanout = lineChart(
    'Nested query p50 vs fan-out (scale S)',
    'fan-out (people(first: N))',
    'p50 latency, ms (log)',
    nestedFanouts.map(String),
    (['batched', 'naive', 'in-memory'] as const).map((impl, i) => ({
      name: impl,
      color: ['#1f77b4', '#d62728', '#2ca02c'][i] as string,
      points: cells
        .filter((c) => c.scale === 'S' && c.scenario === 'nested' && c.impl === impl)
        .map((c) => ({ x: String(c.fanout), y: c.p50 })),
    })),
  );
  const label = (scale: string) => `${scale} (${(sizes[scale] ?? 0).toLocaleString('en-US')})`;
  const scales = [...new Set(growth.map((g) => g.scale))];
  const growthChart = lineChart(
    'Nested query p50 vs graph size',
    'scale (entities + statements)',
    'p50 latency, ms (log)',
    scales.map(label),
    nestedFanouts.flatMap((f) =>
      (['batched', 'in-memory'] as const).map((impl) => ({
        name: `${impl}, fan-out ${f}`,
        color:
          impl === 'batched'
            ? f === 10
              ? '#6baed6'
              : '#08519c'
            : f === 10
              ? '#74c476'
              : '#006d2c',
        points: growth
          .filter((g) => g.impl === impl && g.fanout === f)
          .map((g) => ({ x: label(g.scale), y: g.p50 })),
      })),
    ),
  );
  return { fanout, growth: growthChart };
}

/** Single-request p50 by scale, ours and the peer's, for the nested page and the lookup. */
export function peerCharts(
  runs: readonly PeerRun[],
  sizes: Readonly<Record<string, number>>,
): string {
  const label = (scale: string) => `${scale} (${(sizes[scale] ?? 0).toLocaleString('en-US')})`;
  const measured = runs.filter((r) => r.fidelity.same);
  const series = (['nested', 'lookup'] as const).flatMap((query) =>
    (['ours', 'peer'] as const).map((side) => ({
      name: `${side === 'ours' ? 'ours' : 'PostGraphile'}, ${query}`,
      color:
        side === 'ours'
          ? query === 'nested'
            ? '#08519c'
            : '#6baed6'
          : query === 'nested'
            ? '#a63603'
            : '#fd8d3c',
      points: measured.flatMap((r) =>
        r.latency
          .filter((l) => l.query === query && l.side === side)
          .map((l) => ({ x: label(r.scale), y: l.p50 })),
      ),
    })),
  );
  return lineChart(
    'Ours vs PostGraphile: single-request p50 (HTTP)',
    'scale (entities + statements)',
    'p50 latency, ms (log)',
    measured.map((r) => label(r.scale)),
    series,
  );
}
