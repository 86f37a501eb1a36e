/** The page for an entity id the graph does not have. */
import { h } from '../dom';
import { setTitle } from './page';

export function renderNotFound(main: HTMLElement, id: string): void {
  setTitle('Not found');
  main.append(
    h(
      'section',
      { class: 'not-found', 'data-testid': 'not-found' },
      h('h1', {}, 'Nothing here by that name'),
      h(
        'p',
        {},
        'There is no entity with the id ',
        h('code', {}, id),
        ' in the graph. It may have been renamed or deleted, or the link may be mistyped.',
      ),
      h(
        'p',
        {},
        'Try the search box above, or ',
        h('a', { href: '#/' }, 'go back to the start'),
        '.',
      ),
    ),
  );
}
