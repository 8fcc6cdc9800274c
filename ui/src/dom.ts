// Building DOM without HTML parsing: elements from createElement, text from text nodes.
// Never use innerHTML/outerHTML/insertAdjacentHTML with anything but a constant empty string.

export type Attributes = Record<string, string | boolean | undefined>;
export type Child = Node | string | null | undefined | false;

/** Creates `<tag attrs>children</tag>`. Strings become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child); // append(string) creates a text node
  }
  return element;
}

/** A `<label for>` + `<input>` pair inside a `.field` block. */
export function field(
  id: string,
  label: string,
  input: Attributes,
  hint?: string,
): { block: HTMLElement; input: HTMLInputElement } {
  const hintId = hint ? `${id}-hint` : undefined;
  const control = el('input', { id, name: id, 'aria-describedby': hintId, ...input });
  const block = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    hint ? el('p', { id: hintId, class: 'hint' }, hint) : null,
  );
  return { block, input: control };
}
