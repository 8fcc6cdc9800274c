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

/** A `<label for>` + `<select>` pair inside a `.field` block; `onChange` gets the chosen value. */
export function selectField<V extends string>(
  id: string,
  label: string,
  options: readonly { value: V; text: string }[],
  value: V,
  onChange: (value: V) => void,
): { block: HTMLElement; select: HTMLSelectElement } {
  const select = el('select', { id, name: id });
  for (const option of options) select.append(el('option', { value: option.value }, option.text));
  select.value = value;
  select.addEventListener('change', () => {
    const chosen = options.find((option) => option.value === select.value);
    if (chosen) onChange(chosen.value);
  });
  const block = el('div', { class: 'field' }, el('label', { for: id }, label), select);
  return { block, select };
}

/** A checkbox with its label after it, in a `.check` row. */
export function checkField(
  id: string,
  label: Node | string,
  checked: boolean,
  attributes: Attributes = {},
): { block: HTMLElement; input: HTMLInputElement } {
  const input = el('input', { id, name: id, type: 'checkbox', ...attributes });
  input.checked = checked;
  const block = el('div', { class: 'check' }, input, el('label', { for: id }, label));
  return { block, input };
}

/**
 * A case number as the shell groups it ("4821 0937 552"): left to right and isolated, also in
 * the Arabic UI, so its groups never reorder.
 */
export function caseNumber(text: string, attributes: Attributes = {}): HTMLElement {
  return el('bdi', { dir: 'ltr', translate: 'no', class: 'case-number', ...attributes }, text);
}

/** Text the user typed (a name, a label), isolated so its direction cannot leak. */
export function userText(text: string, attributes: Attributes = {}): HTMLElement {
  return el('bdi', attributes, text);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element (`createElementNS`); strings become text nodes, as in `el`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** The id of the message shown at the field with this id. */
export function fieldErrorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/**
 * Shows `message` next to `control`, at the end of its `.field` or `.check` block (else right
 * after it), so it never covers a button; the control is described by it and, if it takes
 * input, marked invalid. `fixed` runs on the control's next input or change. Replaces any
 * message shown there before.
 */
export function showFieldError(control: HTMLElement, message: string, fixed: () => void): HTMLElement {
  clearFieldError(control);
  const id = fieldErrorId(control.id);
  const note = el('p', { id, class: 'field-error', 'data-field': control.id }, message);
  const block = control.closest('.field, .check');
  if (block) block.append(note);
  else control.after(note);
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((item) => item !== '');
  control.setAttribute('aria-describedby', [id, ...described].join(' '));
  if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) {
    control.setAttribute('aria-invalid', 'true');
  }
  const onFixed = (): void => {
    control.removeEventListener('input', onFixed);
    control.removeEventListener('change', onFixed);
    fixed();
  };
  control.addEventListener('input', onFixed);
  control.addEventListener('change', onFixed);
  return note;
}

/** Takes the message at `control` away again, and its links. */
export function clearFieldError(control: HTMLElement): void {
  const id = fieldErrorId(control.id);
  control.ownerDocument.getElementById(id)?.remove();
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((item) => item !== '' && item !== id);
  if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
  control.removeAttribute('aria-invalid');
}

/**
 * A day typed as text the UI formats and reads (a date picker would show the machine's locale,
 * not the UI language): numeric keyboard, left to right, no autofill or spell check.
 */
export function dayInput(id: string, describedBy: string): HTMLInputElement {
  return el('input', {
    id,
    name: id,
    type: 'text',
    inputmode: 'numeric',
    dir: 'ltr',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'date-input',
    'aria-describedby': describedBy,
  });
}
