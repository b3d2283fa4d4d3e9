/**
 * Form schemas. Every form declares one zod schema: Mantine's form validates its values with it
 * (the messages appear under the fields), and the same schema's parse output is the request body.
 * The mini build of zod keeps the sign-in page's JavaScript small.
 */
import { schemaResolver } from '@mantine/form';
import * as z from 'zod/mini';

import { isIsoDate } from './format';

export { z };

/** A form's `validate` option built from its schema. */
export function validateWith(schema: z.ZodMiniType) {
  return schemaResolver(schema, { sync: true });
}

/** A form's `onSubmit` failure handler that moves focus to the first field with an error. */
export function focusFirstError(form: { getInputNode: (path: string) => HTMLElement | null }) {
  return (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first !== undefined) form.getInputNode(first)?.focus();
  };
}

/** Trimmed text that must not be empty. */
export function requiredText(message: string) {
  return z.string().check(z.trim(), z.minLength(1, message));
}

/** Trimmed text that may be empty. */
export function optionalText() {
  return z.string().check(z.trim());
}

/** A secret as typed (never trimmed) that must not be empty. */
export function requiredSecret(message: string) {
  return z.string().check(z.minLength(1, message));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An optional e-mail address: empty, or shaped like one. */
export function optionalEmail() {
  return z
    .string()
    .check(
      z.trim(),
      z.refine((value) => value === '' || EMAIL.test(value), 'Enter an e-mail address like name@example.com.'),
    );
}

/** An amount as the API takes it: digits with at most two decimals ("1500", "1500.50"). */
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

/** Why an entered amount is not one, or null when it is; `optional` lets it be empty. */
export function amountProblem(value: string, optional = false): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return optional ? null : 'Enter an amount (0 when there is none).';
  if (trimmed.startsWith('-')) return 'The amount cannot be negative.';
  return AMOUNT.test(trimmed) ? null : 'Enter an amount like 1500 or 1500.50.';
}

/** A required amount, sent as the trimmed decimal string. */
export function amount() {
  return z.string().check(
    z.trim(),
    z.superRefine((value, ctx) => {
      const problem = amountProblem(value);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );
}

/** An optional amount: "" (sent as null) or an amount. */
export function optionalAmount() {
  return z.pipe(
    z.string().check(
      z.trim(),
      z.superRefine((value, ctx) => {
        const problem = amountProblem(value, true);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value });
      }),
    ),
    z.transform((value) => (value === '' ? null : value)),
  );
}

/**
 * A required calendar date within limits ("YYYY-MM-DD" strings compare as dates); each limit
 * comes with the message shown when the date is outside it.
 */
export function dateWithin(
  message: string,
  limits: { min?: [string, string]; max?: [string, string] } = {},
) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      const problem = !isIsoDate(value)
        ? message
        : limits.min !== undefined && value < limits.min[0]
          ? limits.min[1]
          : limits.max !== undefined && value > limits.max[0]
            ? limits.max[1]
            : null;
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value });
    }),
  );
}

/** A required calendar date ("YYYY-MM-DD"); the date inputs give "" while empty. */
export function requiredDate(message: string) {
  return z.string().check(z.refine(isIsoDate, message));
}

/** An optional calendar date: "" (sent as null) or "YYYY-MM-DD". */
export function optionalDate() {
  return z.pipe(
    z.string().check(
      z.refine((value) => value === '' || isIsoDate(value), 'Enter a date like 2026-01-31.'),
    ),
    z.transform((value) => (value === '' ? null : value)),
  );
}

/** A choice from a select whose empty value is null. */
export function requiredChoice(message: string) {
  return z.pipe(
    z.nullable(z.string()),
    z.transform((value, ctx) => {
      if (value === null || value === '') {
        ctx.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
      return value;
    }),
  );
}

/** A chosen record id (a select of people or rooms gives a number, or null while empty). */
export function requiredId(message: string) {
  return z.pipe(
    z.nullable(z.number()),
    z.transform((value, ctx) => {
      if (value === null) {
        ctx.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
      return value;
    }),
  );
}

/** The errors a schema finds in some values, one message per field (for tests and checks). */
export function schemaErrors(schema: z.ZodMiniType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}
