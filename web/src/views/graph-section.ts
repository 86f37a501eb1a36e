/**
 * The "Neighbourhood" panel of an entity page: the graph around the entity
 * within one or two hops. Tapping an entity opens its page; tapping any other
 * node (a statement, a source) re-centres the graph on it.
 */
import { request } from '../client';
import { clear, errorBox, h } from '../dom';
import { NeighborhoodDocument } from '../generated/graphql';
import { renderGraph } from '../graph';
import { ENTITY_LABELS, LABEL_COLOURS, labelName } from '../labels';
import { type EntityData, openNode, section } from './page';

export function graphSection(entity: EntityData): HTMLElement {
  const container = h('div', {
    class: 'cy',
    id: 'cy',
    role: 'img',
    'aria-label': `Graph of the nodes around ${entity.name}`,
  });
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' });
  const note = h('p', { class: 'muted graph-note' });
  let centre = entity.id;
  let hops = 1;
  let sequence = 0;

  const load = async () => {
    const mine = ++sequence;
    status.textContent = 'Loading graph…';
    container.setAttribute('aria-busy', 'true');
    try {
      const data = await request(NeighborhoodDocument, { id: centre, hops });
      if (mine !== sequence) return;
      if (!data.neighborhood) {
        status.textContent = 'This node is no longer in the graph.';
        return;
      }
      const view = data.neighborhood;
      renderGraph(container, view, {
        centreId: centre,
        onTap(node) {
          if (ENTITY_LABELS.has(node.label)) openNode(node);
          else {
            centre = node.id;
            note.textContent = `Showing what is around the ${labelName(node.label)?.toLowerCase() ?? 'node'} “${node.name}”. `;
            note.append(
              h(
                'button',
                {
                  type: 'button',
                  class: 'linklike',
                  onclick: () => ((centre = entity.id), (note.textContent = ''), void load()),
                },
                `Back to ${entity.name}`,
              ),
            );
            void load();
          }
        },
      });
      status.textContent = `${view.nodes.length} nodes, ${view.edges.length} relationships${view.truncated ? ' (some left out)' : ''}. Click an entity to open it.`;
    } catch (error) {
      if (mine !== sequence) return;
      clear(status);
      status.append(errorBox((error as Error).message, () => void load()));
    } finally {
      if (mine === sequence) container.removeAttribute('aria-busy');
    }
  };

  const hopChoice = (n: number) =>
    h(
      'label',
      { class: 'hop' },
      h('input', {
        type: 'radio',
        name: 'hops',
        value: n,
        checked: n === hops,
        onchange: () => {
          hops = n;
          void load();
        },
      }),
      n === 1 ? ' 1 hop' : ` ${n} hops`,
    );

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours' },
    ...Object.entries(LABEL_COLOURS).map(([label, colour]) =>
      h(
        'li',
        {},
        h('span', { class: 'swatch', style: `background:${colour}` }),
        labelName(label) ?? label,
      ),
    ),
  );

  queueMicrotask(() => void load());
  return section(
    'graph',
    'Neighbourhood',
    h('fieldset', { class: 'hops' }, h('legend', {}, 'Within'), hopChoice(1), hopChoice(2)),
    note,
    container,
    status,
    legend,
  );
}
