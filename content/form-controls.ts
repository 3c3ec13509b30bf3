import { isHtml } from './dom';
import type { StyleReader } from './styles';

const SECRET_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code)\b/i;

/** Password fields, and fields that behave like them: never read their value. */
export function isSecretInput(input: HTMLInputElement, styles?: StyleReader): boolean {
  if (input.type === 'password') return true;
  if (SECRET_AUTOCOMPLETE.test(input.getAttribute('autocomplete') ?? '')) return true;
  return styles?.masksText(input) ?? false;
}

export function isFormControl(element: Element): boolean {
  const tag = element.localName;
  return isHtml(element) && (tag === 'input' || tag === 'select' || tag === 'textarea');
}

function inputText(input: HTMLInputElement, styles: StyleReader): string {
  switch (input.type) {
    case 'hidden':
    case 'file':
      return '';
    case 'checkbox':
    case 'radio':
      return input.checked ? '[x]' : '[ ]';
    case 'image':
      return input.alt;
    default:
      return isSecretInput(input, styles) ? '' : input.value;
  }
}

function selectText(select: HTMLSelectElement): string {
  const chosen: string[] = [];
  for (const option of select.querySelectorAll('option')) {
    if (option.selected) chosen.push(option.label || option.text);
  }
  return chosen.join(', ');
}

/** What the user sees in a form control: the current value, not the markup's default; '' for secrets. */
export function controlText(control: Element, styles: StyleReader): string {
  switch (control.localName) {
    case 'input':
      return inputText(control as HTMLInputElement, styles);
    case 'select':
      return selectText(control as HTMLSelectElement);
    case 'textarea':
      return (control as HTMLTextAreaElement).value;
    default:
      return '';
  }
}
