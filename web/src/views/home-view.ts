/** The start page: a few ways in, and the most talked-about entities. */
import { request } from '../client';
import { entityLink, errorBox, h, loading, pathHref } from '../dom';
import { TopMentionedDocument } from '../generated/graphql';
import { KIND_LABELS, kindName } from '../labels';
import { type Ref, setTitle } from './page';

export function renderHome(main: HTMLElement, isCurrent: () => boolean): void {
  setTitle('');
  const examples: Ref[] = [
    { id: 'antony-blinken', name: 'Antony Blinken' },
    { id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' },
    { id: 'north-korea', name: 'North Korea' },
    { id: 'north-korean-troops-in-russia', name: 'North Korean troops in Russia' },
  ];
  main.append(
    h(
      'section',
      { class: 'home' },
      h('h1', {}, 'Who said what about whom'),
      h(
        'p',
        { class: 'lead' },
        'Search for a person, state, organization, military unit, place or event to see what they said, what was said about them, the figures given and how they connect to everything else.',
      ),
      h('h2', {}, 'Start here'),
      h('ul', { class: 'examples' }, ...examples.map((e) => h('li', {}, entityLink(e)))),
      h(
        'p',
        {},
        h(
          'a',
          { href: pathHref('volodymyr-zelenskyy', 'north-korea') },
          'How are Volodymyr Zelenskyy and North Korea connected?',
        ),
      ),
    ),
  );
  const top = h(
    'section',
    { class: 'panel top-mentioned', 'aria-labelledby': 'h-top' },
    h('h2', { id: 'h-top' }, 'Most talked about'),
    loading('Loading…'),
  );
  main.append(top);
  request(TopMentionedDocument, {})
    .then((data) => {
      if (!isCurrent()) return;
      top.lastElementChild?.remove();
      top.append(
        h(
          'ol',
          { class: 'ranking' },
          ...(data.topMentioned ?? []).map((row) =>
            h(
              'li',
              {},
              h(
                'span',
                { class: `chip chip--${KIND_LABELS[row.entity.kind]}` },
                kindName(row.entity.kind),
              ),
              ' ',
              entityLink(row.entity),
              h(
                'span',
                { class: 'muted' },
                ` — mentioned in ${row.count} statement${row.count === 1 ? '' : 's'}`,
              ),
            ),
          ),
        ),
      );
    })
    .catch((error: Error) => {
      if (!isCurrent()) return;
      top.lastElementChild?.remove();
      top.append(errorBox(error.message));
    });
}
