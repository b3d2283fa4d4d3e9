/** An amount as the API takes it: digits with at most two decimals ("1500", "1500.50"). */
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

export function isAmount(value: string): boolean {
  return AMOUNT.test(value.trim());
}

/** A form check for an amount field; `optional` lets it be empty. */
export function amountError(value: string, optional = false): string | null {
  if (optional && value.trim() === '') return null;
  if (value.trim() === '') return 'Enter an amount (0 when there is none).';
  return isAmount(value) ? null : 'Enter an amount like 1500 or 1500.50.';
}
