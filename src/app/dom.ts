/**
 * A small element builder. Text always goes in as text nodes (never HTML), so document text
 * such as titles and insights cannot inject markup.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export type Props = {
  [key: string]: string | number | boolean | null | undefined | EventListener | ((event: never) => void);
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === "class") {
      element.className = String(value);
    } else if (value === true) {
      element.setAttribute(key, "");
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Text with `[start, end)` wrapped in `<mark>`. */
export function marked(text: string, start: number, end: number): Child[] {
  if (end <= start) return [text];
  return [text.slice(0, start), h("mark", null, text.slice(start, end)), text.slice(end)];
}

/** Text with each `[start, end)` range wrapped in `<mark>` (overlapping ranges are joined). */
export function markedRanges(text: string, ranges: readonly (readonly [number, number])[]): Child[] {
  const children: Child[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    children.push(text.slice(at, from), h("mark", null, text.slice(from, end)));
    at = end;
  }
  children.push(text.slice(at));
  return children;
}

let counter = 0;
/** A document-unique id, for ARIA relations. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A list under its heading, named by it: `role="list"` keeps its semantics where `list-style:
 * none` would drop them (Safari), and the name lets people and tests find it.
 */
export function headedList(heading: string, className: string, items: readonly Child[]): Child[] {
  return [h("h3", null, heading), h("ul", { class: className, role: "list", "aria-label": heading }, items.map((item) => h("li", null, item)))];
}

/**
 * Places a popup (a fixed-position element) under the control that opens it, or above it where
 * the screen has no room below (a phone's toolbar is low), kept inside the window's width.
 */
export function placeUnder(popup: HTMLElement, control: HTMLElement): void {
  const at = control.getBoundingClientRect();
  const height = popup.offsetHeight;
  const below = at.bottom + 4 + height <= window.innerHeight;
  popup.style.top = `${below ? at.bottom + 4 : Math.max(4, at.top - 4 - height)}px`;
  popup.style.left = `${Math.max(4, Math.min(at.left, window.innerWidth - popup.offsetWidth - 4))}px`;
}
