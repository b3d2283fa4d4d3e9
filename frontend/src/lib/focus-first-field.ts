const FIELD =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * A callback ref for a form whose page exists to fill it in (sign-in, sign-up): when the form
 * appears, its first field takes the focus, so the user can type at once. Focus the user has
 * put somewhere (a sign-up tab chosen with the keyboard) stays where it is.
 */
export function focusFirstField(form: HTMLFormElement | null): void {
  if (form === null) return;
  const active = form.ownerDocument.activeElement;
  if (active !== null && active !== form.ownerDocument.body) return;
  form.querySelector<HTMLElement>(FIELD)?.focus();
}
