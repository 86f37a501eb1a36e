/** Tiny DOM helpers. Text always goes in as text nodes, never as HTML. */

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => void)
>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function')
      element.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'class') element.className = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** A link to an entity's page. */
export function entityLink(entity: { id: string; name: string }): HTMLAnchorElement {
  return h('a', { href: entityHref(entity.id) }, entity.name);
}

export function entityHref(id: string): string {
  return `#/entity/${encodeURIComponent(id)}`;
}

export function sourceHref(id: string): string {
  return `#/source/${encodeURIComponent(id)}`;
}

export function pathHref(from?: string, to?: string): string {
  const parts = ['#/path'];
  if (from) parts.push(encodeURIComponent(from));
  if (from && to) parts.push(encodeURIComponent(to));
  return parts.join('/');
}

export function loading(message = 'Loading…'): HTMLElement {
  return h(
    'p',
    { class: 'loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    message,
  );
}

export function errorBox(message: string, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, 'Something went wrong. '), message),
    retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null,
  );
}
