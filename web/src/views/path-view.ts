/** "How are these connected?": two entity pickers and the shortest path between the chosen pair. */
import { request } from '../client';
import { setupCombobox } from '../combobox';
import { clear, entityLink, errorBox, h, loading, pathHref, type Child } from '../dom';
import { ConnectionPathDocument, EntityNameDocument } from '../generated/graphql';
import { renderPathGraph } from '../graph';
import { ENTITY_LABELS, labelName } from '../labels';
import { openNode, setTitle } from './page';

async function nameOf(id: string): Promise<string> {
  try {
    const data = await request(EntityNameDocument, { id });
    return data.entity?.name ?? id;
  } catch {
    return id;
  }
}

function picker(
  name: string,
  labelText: string,
): {
  root: HTMLElement;
  input: HTMLInputElement;
  get(): string;
  set(id: string, text: string): void;
} {
  const inputId = `pick-${name}`;
  const listId = `pick-${name}-list`;
  const input = h('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: 'Type a name…',
    required: true,
  });
  const listbox = h('ul', {
    id: listId,
    role: 'listbox',
    'aria-label': `${labelText} suggestions`,
    hidden: true,
  });
  const status = h('p', { class: 'combobox-status', role: 'status', 'aria-live': 'polite' });
  let chosen = '';
  const box = setupCombobox({
    input,
    listbox,
    status,
    entitiesOnly: true,
    onSelect(choice) {
      chosen = choice.id;
      status.textContent = `Chosen: ${choice.name}`;
    },
  });
  input.addEventListener('input', () => (chosen = ''));
  return {
    root: h(
      'div',
      { class: 'picker' },
      h('label', { for: inputId }, labelText),
      h('div', { class: 'combobox' }, input, listbox, status),
    ),
    input,
    get: () => chosen,
    set(id, text) {
      box.setValue(text);
      chosen = id;
    },
  };
}

export async function renderPath(
  main: HTMLElement,
  from: string | undefined,
  to: string | undefined,
  isCurrent: () => boolean,
): Promise<void> {
  setTitle('How are these connected?');
  const fromPicker = picker('from', 'From');
  const toPicker = picker('to', 'To');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const result = h('div', { class: 'path-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'path-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const a = fromPicker.get();
        const b = toPicker.get();
        if (!a || !b) {
          formError.textContent = 'Choose both entities from the suggestions first.';
          return;
        }
        formError.textContent = '';
        location.hash = pathHref(a, b);
      },
    },
    fromPicker.root,
    toPicker.root,
    h('button', { type: 'submit' }, 'Connect'),
  );
  main.append(
    h(
      'section',
      { class: 'path-view' },
      h('h1', {}, 'How are these connected?'),
      h(
        'p',
        { class: 'lead' },
        'Pick two entities to see the shortest chain of relationships between them (at most six steps).',
      ),
      form,
      formError,
      result,
    ),
  );

  const [fromName, toName] = await Promise.all([from ? nameOf(from) : '', to ? nameOf(to) : '']);
  if (!isCurrent()) return;
  if (from) fromPicker.set(from, fromName);
  if (to) toPicker.set(to, toName);
  if (!from || !to) {
    (from ? toPicker.input : fromPicker.input).focus();
    return;
  }

  result.append(loading('Finding a path…'));
  try {
    const data = await request(ConnectionPathDocument, { from, to });
    if (!isCurrent()) return;
    clear(result);
    const path = data.path;
    if (!path) {
      result.append(
        h(
          'div',
          { class: 'not-found', 'data-testid': 'no-path' },
          h('h2', {}, 'No connection found'),
          h(
            'p',
            {},
            `No chain of at most six relationships links ${fromName} and ${toName}, or one of them is not in the graph.`,
          ),
        ),
      );
      return;
    }
    setTitle(`${fromName} → ${toName}`);
    const chain = h('ol', {
      class: 'path-chain',
      'aria-label': `Path from ${fromName} to ${toName}`,
    });
    path.nodes.forEach((node, i) => {
      const nodeChildren: Child[] = [
        h('span', { class: `chip chip--${node.label}` }, labelName(node.label) ?? node.label),
        ' ',
        ENTITY_LABELS.has(node.label)
          ? entityLink(node)
          : h('span', { class: 'node-name' }, node.name),
      ];
      chain.append(h('li', { class: 'path-node', 'data-node-id': node.id }, ...nodeChildren));
      const edge = path.edges[i];
      if (edge) {
        const forward = edge.from === node.id;
        chain.append(
          h(
            'li',
            { class: 'path-edge', 'aria-label': `${forward ? '' : 'reverse '}${edge.type}` },
            h('span', { 'aria-hidden': 'true' }, forward ? '↓ ' : '↑ '),
            edge.type,
            forward ? '' : ' (reverse)',
          ),
        );
      }
    });
    const cyBox = h('div', {
      class: 'cy cy--path',
      id: 'cy',
      role: 'img',
      'aria-label': 'The path as a graph',
    });
    result.append(
      h(
        'h2',
        {},
        `${path.length} step${path.length === 1 ? '' : 's'} from ${fromName} to ${toName}`,
      ),
      h('div', { class: 'path-layout' }, chain, cyBox),
    );
    renderPathGraph(cyBox, path, openNode);
  } catch (error) {
    if (!isCurrent()) return;
    clear(result);
    result.append(
      errorBox(
        (error as Error).message,
        () => void renderPath((clear(main), main), from, to, isCurrent),
      ),
    );
  }
}
