/**
 * The one way the sidebar builds DOM: createElement + textContent. Cell text (a ticker, an
 * account name, a reader message) is only ever assigned as text, never parsed as HTML, so a
 * ticker like `<img src=x onerror=alert(1)>` shows as those characters. No innerHTML anywhere.
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  /** Attributes set with setAttribute (values are text, never code). */
  attrs?: Record<string, string>;
  /** Inline style properties, e.g. { width: '40%' }. */
  style?: Partial<Record<'width' | 'left' | 'display', string>>;
  on?: { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.style ?? {})) if (value !== undefined) node.style.setProperty(name, value);
  for (const [type, handler] of Object.entries(props.on ?? {})) node.addEventListener(type, handler as EventListener);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Replace everything inside `parent`. */
export function fill(parent: Element, children: readonly Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar: no element #${id}`);
  return node as T;
}
