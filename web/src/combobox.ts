/**
 * An accessible search combobox (ARIA 1.2 pattern): a labelled input with a
 * listbox of ranked `search` hits. Arrow keys move the active option, Enter
 * picks it (the first one when none is active), Escape closes the list.
 */
import { request } from './client';
import { h, clear } from './dom';
import { labelName } from './labels';
import { SearchEntitiesDocument, type SearchEntitiesQuery } from './generated/graphql';

type Hit = NonNullable<SearchEntitiesQuery['search']>[number];

/** What a picked hit opens: an entity, or a statement (shown on its speaker's page). */
export interface Choice {
  id: string;
  name: string;
  /** Node label of `id`: Person, State, ... or Statement. */
  label: string;
  /** The entity page to open: the entity itself, or a statement's speaker. */
  entityId: string | null;
}

function toChoice(hit: Hit): Choice | null {
  const node = hit.node;
  switch (node.__typename) {
    case 'Person':
    case 'State':
    case 'Organization':
    case 'MilitaryUnit':
    case 'Location':
    case 'Event':
      return { id: node.id, name: node.name, label: node.__typename, entityId: node.id };
    case 'Statement':
      return {
        id: node.id,
        name: node.name,
        label: 'Statement',
        entityId: node.speaker?.id ?? null,
      };
    default:
      return null;
  }
}

export interface ComboboxOptions {
  input: HTMLInputElement;
  listbox: HTMLUListElement;
  status: HTMLElement;
  /** Only offer entities (no statements). */
  entitiesOnly?: boolean;
  onSelect(choice: Choice): void;
}

let nextId = 0;

export function setupCombobox(options: ComboboxOptions): { setValue(text: string): void } {
  const { input, listbox, status } = options;
  const prefix = `cb${nextId++}`;
  let choices: Choice[] = [];
  let active = -1;
  let timer: number | undefined;
  let sequence = 0;
  let controller: AbortController | null = null;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index: number) => {
    active = index;
    listbox.querySelectorAll('[role=option]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) (option as HTMLElement).scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `${prefix}-opt-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const pick = (index: number) => {
    const choice = choices[index];
    if (!choice) return;
    close();
    input.value = choice.name;
    options.onSelect(choice);
  };

  const render = () => {
    clear(listbox);
    choices.forEach((choice, i) => {
      const option = h(
        'li',
        {
          id: `${prefix}-opt-${i}`,
          role: 'option',
          'aria-selected': 'false',
          class: 'option',
          'data-id': choice.id,
        },
        h('span', { class: `chip chip--${choice.label}` }, labelName(choice.label) ?? choice.label),
        h('span', { class: 'option-name' }, choice.name),
      );
      // mousedown, not click: keep focus in the input until the pick is done.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(i);
      });
      listbox.appendChild(option);
    });
    listbox.hidden = choices.length === 0;
    input.setAttribute('aria-expanded', String(choices.length > 0));
    setActive(-1);
  };

  const search = async (text: string) => {
    const mine = ++sequence;
    controller?.abort();
    controller = new AbortController();
    status.textContent = 'Searching…';
    try {
      const data = await request(SearchEntitiesDocument, { text }, controller.signal);
      if (mine !== sequence) return;
      // Null only alongside an error, which `request` has already thrown.
      choices = (data.search ?? [])
        .map(toChoice)
        .filter(
          (c): c is Choice =>
            c !== null &&
            (!options.entitiesOnly || c.label !== 'Statement') &&
            (c.label !== 'Statement' || c.entityId !== null),
        )
        .slice(0, 10);
      render();
      status.textContent =
        choices.length === 0
          ? `No matches for “${text}”.`
          : `${choices.length} result${choices.length === 1 ? '' : 's'}. Use the arrow keys to choose, Enter to open.`;
    } catch (error) {
      if (mine !== sequence || (error instanceof DOMException && error.name === 'AbortError'))
        return;
      choices = [];
      render();
      status.textContent = `Search failed: ${(error as Error).message}`;
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim().slice(0, 200);
    if (text === '') {
      sequence++;
      choices = [];
      render();
      status.textContent = '';
      return;
    }
    timer = window.setTimeout(() => void search(text), 180);
  });

  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        if (choices.length === 0) return;
        event.preventDefault();
        if (listbox.hidden) render();
        setActive((active + 1) % choices.length);
        break;
      case 'ArrowUp':
        if (choices.length === 0) return;
        event.preventDefault();
        if (listbox.hidden) render();
        setActive(active <= 0 ? choices.length - 1 : active - 1);
        break;
      case 'Enter':
        if (choices.length === 0 || listbox.hidden) return;
        event.preventDefault();
        pick(active >= 0 ? active : 0);
        break;
      case 'Escape':
        if (!listbox.hidden) {
          event.preventDefault();
          close();
        }
        break;
      default:
    }
  });

  input.addEventListener('blur', () => window.setTimeout(close, 120));
  input.addEventListener('focus', () => {
    if (choices.length > 0 && input.value.trim() !== '') render();
  });

  return {
    setValue(text: string) {
      input.value = text;
      choices = [];
      render();
    },
  };
}
