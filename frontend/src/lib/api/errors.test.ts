import { describe, expect, it } from 'vitest';

import { ApiError, errorMessage, fieldErrors, unwrap } from './errors';

describe('errorMessage', () => {
  it('uses the wording of known codes', () => {
    expect(errorMessage(new ApiError(401, { code: 'INVALID_CREDENTIALS', message: 'x', fields: {} }))).toBe(
      'Wrong username or password.',
    );
  });

  it("uses the server's message for domain codes it does not reword", () => {
    const error = new ApiError(409, {
      code: 'SLOT_TAKEN',
      message: 'This slot was just booked by someone else.',
      fields: {},
    });
    expect(errorMessage(error)).toBe('This slot was just booked by someone else.');
  });

  it('falls back to the status when the body is not the error shape', () => {
    expect(errorMessage(new ApiError(502, '<html>Bad gateway</html>'))).toBe(
      'The server could not complete the request. Please try again in a moment.',
    );
    expect(errorMessage(new ApiError(413, null))).toBe('The upload is too large.');
  });

  it('explains a network failure', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
  });
});

describe('fieldErrors and unwrap', () => {
  it('joins the messages of each field', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_ERROR',
      message: 'Some fields are not valid.',
      fields: { password: ['Too short.', 'Too common.'], email: [] },
    });
    expect(fieldErrors(error)).toEqual({ password: 'Too short. Too common.' });
  });

  it('throws an ApiError for an error answer and returns data otherwise', () => {
    const ok = unwrap({ data: { a: 1 }, response: new Response(null, { status: 200 }) });
    expect(ok).toEqual({ a: 1 });
    expect(() =>
      unwrap({
        error: { code: 'NOT_FOUND', message: 'Not found.', fields: {} },
        response: new Response(null, { status: 404 }),
      }),
    ).toThrow(ApiError);
  });
});
