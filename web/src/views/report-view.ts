/**
 * "Add a report": paste a report, review the plan the server proposes (quotes,
 * speakers and mentions highlighted in the text, the plan beside it), change
 * a match, drop items, rename proposed entities, then commit and land on the
 * new source's page. The API token is asked for once per browser session and
 * kept in sessionStorage, never in the URL or in localStorage.
 */
import { request } from '../client';
import { type Child, clear, entityHref, errorBox, h, loading, sourceHref } from '../dom';
import {
  IngestReportDocument,
  type IngestCorrectionsInput,
  type IngestReportMutation,
} from '../generated/graphql';
import { type Span, highlighted } from '../highlight';

const TOKEN_KEY = 'kg-api-token';
type Result = IngestReportMutation['ingestReport'];
type Plan = NonNullable<Result['plan']>;

const KINDS: Record<string, string> = {
  QUOTE: 'Quote',
  PARAPHRASE: 'Paraphrase',
  HEDGED_CLAIM: 'Hedged claim',
  REPORTED: 'Report’s own',
};

const field = (id: string) =>
  (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value.trim() ??
  '';

/**
 * The reviewer's corrections so far. Applied items leave the plan (a dropped
 * statement is no longer listed), so the set is kept here and re-sent with
 * every review and with the commit; the inputs only add to it.
 */
class Corrections {
  readonly drop = new Set<string>();
  readonly remap = new Map<string, string>();
  readonly rename = new Map<string, string>();

  /** Takes in what the plan's inputs say now. */
  readFrom(root: HTMLElement): void {
    for (const box of root.querySelectorAll<HTMLInputElement>('input[data-drop]')) {
      if (box.checked) this.drop.add(box.dataset.id as string);
      else this.drop.delete(box.dataset.id as string);
    }
    for (const [selector, map] of [
      ['input[data-remap]', this.remap],
      ['input[data-rename]', this.rename],
    ] as const) {
      for (const input of root.querySelectorAll<HTMLInputElement>(selector)) {
        const value = input.value.trim();
        if (value) map.set(input.dataset.id as string, value);
        else map.delete(input.dataset.id as string);
      }
    }
  }

  /** Shows the corrections in the inputs of a freshly rendered plan. */
  writeTo(root: HTMLElement): void {
    for (const box of root.querySelectorAll<HTMLInputElement>('input[data-drop]'))
      box.checked = this.drop.has(box.dataset.id as string);
    for (const input of root.querySelectorAll<HTMLInputElement>('input[data-remap]'))
      input.value = this.remap.get(input.dataset.id as string) ?? '';
    for (const input of root.querySelectorAll<HTMLInputElement>('input[data-rename]'))
      input.value = this.rename.get(input.dataset.id as string) ?? '';
  }

  toInput(): IngestCorrectionsInput {
    return {
      drop: [...this.drop],
      remap: [...this.remap].map(([matchId, toId]) => ({ matchId, toId })),
      rename: [...this.rename].map(([proposedId, newId]) => ({ proposedId, newId })),
    };
  }
}

function spansOf(plan: Plan): Span[] {
  return [
    ...plan.statements.map((s) => ({
      start: s.evidence.start,
      end: s.evidence.end,
      kind: s.kind === 'QUOTE' ? 'hl-quote' : 'hl-claim',
      title: `${KINDS[s.kind]}: ${s.speakers.map((sp) => sp.entity?.name ?? sp.text).join(', ') || 'the report'}`,
    })),
    ...plan.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'hl-mention',
      title: `${m.entity.name} (${m.entity.status === 'EXISTING' ? 'in the graph' : 'new'})`,
    })),
    ...plan.statements.flatMap((s) =>
      s.speakers.flatMap((sp) => {
        const at = plan.mentions.find(
          (m) =>
            m.text === sp.text &&
            m.start >= s.evidence.start - 200 &&
            m.end <= s.evidence.end + 200,
        );
        return at
          ? [
              {
                start: at.start,
                end: at.end,
                kind: 'hl-speaker',
                title: `speaker: ${sp.entity?.name ?? sp.text}`,
              },
            ]
          : [];
      }),
    ),
  ];
}

const dropBox = (id: string, what: string) =>
  h(
    'label',
    { class: 'drop' },
    h('input', { type: 'checkbox', 'data-drop': '', 'data-id': id, 'aria-label': `Drop ${what}` }),
    ' drop',
  );

function planPanel(plan: Plan): HTMLElement {
  const statements = plan.statements.map((s) =>
    h(
      'li',
      { class: `statement kind-${s.kind.toLowerCase()}`, 'data-statement': s.id },
      h('span', { class: 'tag' }, KINDS[s.kind] ?? s.kind),
      ' ',
      h(
        'strong',
        { class: 'speaker' },
        s.speakers
          .map((sp) =>
            sp.entity
              ? `${sp.entity.name}${sp.entity.status === 'PROPOSED' ? ' (new)' : ''}`
              : sp.text,
          )
          .join(', ') || 'the report',
      ),
      ' ',
      dropBox(s.id, `statement ${s.id}`),
      h(
        'p',
        { class: 'statement-text' },
        s.hedge ? h('strong', {}, `${s.hedge}: `) : null,
        s.kind === 'QUOTE' ? `“${s.text}”` : s.text,
      ),
    ),
  );
  const mentions = plan.mentions.map((m) =>
    h(
      'li',
      { 'data-match': m.matchId },
      h('mark', { class: 'hl-mention' }, m.text),
      ' → ',
      m.entity.status === 'EXISTING'
        ? h('a', { href: entityHref(m.entity.id) }, m.entity.name)
        : h('span', {}, `${m.entity.name} (new)`),
      h('span', { class: 'muted' }, ` ${m.rule}, ${Math.round(m.confidence * 100)}%`),
      ' ',
      h('input', {
        type: 'text',
        'data-remap': '',
        'data-id': m.matchId,
        placeholder: 'map to id…',
        'aria-label': `Map “${m.text}” (${m.matchId}) to an existing id`,
        size: 16,
      }),
      ' ',
      dropBox(m.matchId, `mention ${m.matchId}`),
    ),
  );
  const proposed = plan.proposedEntities.map((p) =>
    h(
      'li',
      { 'data-proposed': p.id },
      h('strong', {}, p.name),
      ` ${p.kind.toLowerCase().replace('_', ' ')} — ${p.reason} `,
      h('input', {
        type: 'text',
        'data-rename': '',
        'data-id': p.id,
        placeholder: p.id,
        'aria-label': `New id for ${p.name}`,
        size: 16,
      }),
      ' ',
      dropBox(p.id, `proposed entity ${p.id}`),
    ),
  );
  const figures = plan.figures.map((f) =>
    h(
      'li',
      { 'data-figure': f.id },
      h('strong', {}, f.text),
      f.scope ? ` ${f.scope}` : '',
      f.subject ? ` — ${f.subject.name}` : '',
      ` (${f.statementId ? 'given by a statement' : 'the report’s own'}) `,
      dropBox(f.id, `figure ${f.id}`),
    ),
  );
  const section = (title: string, items: Child[]) =>
    h(
      'section',
      {},
      h('h3', {}, `${title} (${items.length})`),
      items.length
        ? h('ul', { class: 'plan-list' }, ...items)
        : h('p', { class: 'muted' }, 'None.'),
    );
  return h(
    'div',
    { class: 'plan', id: 'plan' },
    section('Statements', statements),
    section('Mentions', mentions),
    section('New entities', proposed),
    section('Figures', figures),
    section(
      'Warnings',
      plan.warnings.map((w) => h('li', {}, h('code', {}, w.code), ' ', w.message)),
    ),
  );
}

export function renderAddReport(main: HTMLElement, isCurrent: () => boolean): void {
  document.title = 'Add a report · Graph explorer';
  const review = h('div', { id: 'review', 'aria-live': 'polite' });
  const tokenArea = h('div', { class: 'token-area' });

  const showToken = () => {
    clear(tokenArea);
    if (sessionStorage.getItem(TOKEN_KEY)) {
      tokenArea.append(
        h(
          'p',
          { class: 'muted', id: 'token-set' },
          'API token set for this browser session. ',
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                sessionStorage.removeItem(TOKEN_KEY);
                showToken();
              },
            },
            'Forget it',
          ),
        ),
      );
      return;
    }
    tokenArea.append(
      h(
        'form',
        {
          id: 'token-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const token = field('token-input');
            if (token) sessionStorage.setItem(TOKEN_KEY, token);
            showToken();
          },
        },
        h('label', { for: 'token-input' }, 'API token (asked once per browser session) '),
        h('input', { id: 'token-input', type: 'password', autocomplete: 'off', required: true }),
        ' ',
        h('button', { type: 'submit' }, 'Use token'),
      ),
    );
  };

  let corrections = new Corrections();
  const send = async (dryRun: boolean) => {
    corrections.readFrom(review);
    const token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    clear(review);
    review.append(loading(dryRun ? 'Reading the report…' : 'Committing…'));
    try {
      const input = {
        text: field('report-text'),
        title: field('report-title') || null,
        publisher: field('report-publisher') || null,
        url: field('report-url') || null,
        publishedAt: field('report-published') || null,
      };
      const { ingestReport: result } = await request(
        IngestReportDocument,
        { input, corrections: corrections.toInput(), dryRun },
        undefined,
        token,
      );
      if (!isCurrent()) return;
      if (!dryRun && result.source) {
        location.hash = sourceHref(result.source.id);
        return;
      }
      showResult(result);
    } catch (error) {
      if (!isCurrent()) return;
      clear(review);
      review.append(errorBox(error instanceof Error ? error.message : String(error)));
    }
  };

  const showResult = (result: Result) => {
    clear(review);
    const plan = result.plan;
    if (!plan) return;
    review.append(
      ...result.warnings.map((w) =>
        h(
          'p',
          { class: 'notice', role: 'status' },
          w.message,
          result.source ? [' ', h('a', { href: sourceHref(result.source.id) }, 'Open it')] : null,
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        `Plan by ${plan.extractor}: ${plan.statements.length} statements, ${plan.mentions.length} mentions, ${plan.proposedEntities.length} new entities, ${plan.figures.length} figures. Nothing is written until you commit.`,
      ),
      h(
        'div',
        { class: 'report-columns' },
        highlighted(result.text, spansOf(plan)),
        planPanel(plan),
      ),
      h(
        'p',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', id: 'review-again', onclick: () => void send(true) },
          'Review again with my changes',
        ),
        ' ',
        h(
          'button',
          { type: 'button', id: 'commit', class: 'primary', onclick: () => void send(false) },
          'Commit to the graph',
        ),
      ),
    );
    corrections.writeTo(review);
  };

  const input = (id: string, label: string, attrs: Record<string, string> = {}) =>
    h('p', {}, h('label', { for: id }, label), h('input', { id, type: 'text', ...attrs }));
  main.append(
    h(
      'section',
      { class: 'add-report' },
      h('h1', {}, 'Add a report'),
      h(
        'p',
        { class: 'lead' },
        'Paste a news report as plain text. The server proposes its statements, speakers, mentions and figures; review them, correct what is wrong, then commit.',
      ),
      tokenArea,
      h(
        'form',
        // A new review starts from the extractor's plan: earlier corrections named items of another text.
        {
          id: 'report-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            clear(review);
            corrections = new Corrections();
            void send(true);
          },
        },
        h(
          'div',
          { class: 'report-meta' },
          input('report-title', 'Title'),
          input('report-publisher', 'Publisher'),
          input('report-url', 'URL', { type: 'url' }),
          input('report-published', 'Published (YYYY-MM-DD)', { placeholder: '2024-11-01' }),
        ),
        h(
          'p',
          {},
          h('label', { for: 'report-text' }, 'Text'),
          h('textarea', { id: 'report-text', rows: 12, required: true, spellcheck: 'false' }),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Review'),
      ),
      review,
    ),
  );
  showToken();
}
