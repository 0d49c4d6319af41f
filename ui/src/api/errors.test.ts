import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps the code and message of a backend payload', () => {
    const error = toApiError({ code: 'engine_unreachable', message: 'connection refused' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.toPayload()).toEqual({ code: 'engine_unreachable', message: 'connection refused' });
  });

  it('wraps a bare string as an unknown error', () => {
    expect(toApiError('boom').toPayload()).toEqual({ code: 'unknown', message: 'boom' });
  });

  it('wraps shapes it does not recognise', () => {
    expect(toApiError({ code: 7 }).toPayload()).toEqual({
      code: 'unknown',
      message: '[object Object]',
    });
    expect(toApiError(undefined).toPayload()).toEqual({ code: 'unknown', message: 'undefined' });
  });

  it('uses the message of a thrown Error', () => {
    expect(toApiError(new TypeError('bad ipc')).toPayload()).toEqual({
      code: 'unknown',
      message: 'bad ipc',
    });
  });

  it('passes an ApiError through unchanged', () => {
    const original = new ApiError('x', 'y');
    expect(toApiError(original)).toBe(original);
  });
});
