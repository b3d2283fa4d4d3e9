import type { components } from './schema';

/** The one error body of the API: `{code, message, fields}` for every 4xx. */
export type ApiErrorBody = components['schemas']['Error'];

/** Every error code the API documents; a newer server may add codes, so keep a default branch. */
export type ErrorCode = components['schemas']['ErrorCode'];

type ParsedErrorBody = Omit<ApiErrorBody, 'code'> & { code: string };

/** A non-2xx answer from the API, carrying the parsed error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;

  constructor(status: number, body: unknown) {
    const parsed = parseErrorBody(body);
    super(parsed?.message ?? `Request failed with status ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = parsed?.code ?? (status >= 500 ? 'SERVER_ERROR' : 'UNKNOWN_ERROR');
    this.fields = parsed?.fields ?? {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseErrorBody(body: unknown): ParsedErrorBody | null {
  if (!isRecord(body) || typeof body.code !== 'string') return null;
  const fields: Record<string, string[]> = {};
  if (isRecord(body.fields)) {
    for (const [name, messages] of Object.entries(body.fields)) {
      if (Array.isArray(messages)) fields[name] = messages.map(String);
      else if (typeof messages === 'string') fields[name] = [messages];
    }
  }
  return {
    code: body.code,
    message: typeof body.message === 'string' ? body.message : '',
    fields,
  };
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Return the data of an openapi-fetch result, or throw an {@link ApiError} for an error answer. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, result.error);
  }
  return result.data as T;
}

// Codes whose server message is not the best text for a person in front of the form.
const MESSAGES_BY_CODE: Partial<Record<ErrorCode, string>> = {
  INVALID_CREDENTIALS: 'Wrong username or password.',
  ACCOUNT_PENDING_APPROVAL:
    'Your account is awaiting approval by the hospital. You can sign in once an administrator approves it.',
  ACCOUNT_REJECTED:
    'Your account was not approved by the hospital. Please contact the hospital if you think this is a mistake.',
  ADMIN_SIGNUP_CLOSED:
    'Admin sign-up is closed. An existing administrator can create your account.',
  NOT_AUTHENTICATED: 'Your session has ended. Please sign in again.',
  PERMISSION_DENIED: 'You are not allowed to do this.',
  NOT_FOUND: 'This record was not found. It may have been removed.',
  THROTTLED: 'Too many attempts. Please wait a minute and try again.',
  VALIDATION_ERROR: 'Some fields need attention. Please check the form.',
};

const MESSAGES_BY_STATUS: Record<number, string> = {
  400: 'The request was not valid. Please check the form.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'This record was not found. It may have been removed.',
  409: 'This action conflicts with the current state. Refresh and try again.',
  413: 'The upload is too large.',
  429: 'Too many attempts. Please wait a minute and try again.',
};

/** Turn any error thrown by a request into one sentence a person can act on. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const byCode = MESSAGES_BY_CODE[error.code as ErrorCode];
    if (byCode !== undefined) return byCode;
    if (error.status < 500 && error.message !== '' && !error.message.startsWith('Request failed'))
      return error.message;
    return (
      MESSAGES_BY_STATUS[error.status] ??
      'The server could not complete the request. Please try again in a moment.'
    );
  }
  if (error instanceof TypeError) {
    return 'Cannot reach the server. Check your connection and try again.';
  }
  return 'Something went wrong. Please try again.';
}

/** Field messages of a validation error, one string per field ("" when none). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const [name, messages] of Object.entries(error.fields)) {
    if (messages.length > 0) result[name] = messages.join(' ');
  }
  return result;
}
