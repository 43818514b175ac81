// Finding things in a rendered panel as a person does: by a button's text, a label's text, a region's heading.
import { expect } from 'vitest';

export const buttonsNamed = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);

/** The one button with this accessible name (its aria-label, else its text). */
export function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttonsNamed(scope, name);
  if (found.length !== 1) throw new Error(`${found.length} buttons “${name}”`);
  return found[0]!;
}

/** The control a <label> names by its own text (the panel wraps controls in their labels). */
export function labelled<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string): T {
  const found = [...scope.querySelectorAll('label')].filter((l) => l.firstChild?.textContent?.trim() === label);
  if (found.length !== 1) throw new Error(`${found.length} controls labelled “${label}”`);
  return found[0]!.querySelector('input, select, textarea') as unknown as T;
}

/** The section a heading names (PanelSection's aria-labelledby). */
export function regionNamed(name: string): HTMLElement {
  const section = [...document.querySelectorAll('section')].find((s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent === name);
  expect(section, `region “${name}”`).toBeDefined();
  return section!;
}

/** Types as a person does: React hears the input event. */
export function typeText(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}
