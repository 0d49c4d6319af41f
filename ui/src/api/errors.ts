import type { ErrorPayload } from './bindings';

/**
 * The one error type the UI sees from the backend. It is an `Error` so that
 * TanStack Query and error boundaries treat it normally, and it carries the
 * same `{ code, message }` shape as the Rust `ErrorPayload`.
 */
export class ApiError extends Error implements ErrorPayload {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}

/**
 * Tauri rejects with whatever the command serialised: normally an
 * `ErrorPayload`, but a panic or a missing command yields a bare string, and
 * the IPC layer itself can throw ordinary errors.
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (isErrorPayload(reason)) return new ApiError(reason.code, reason.message);
  if (reason instanceof Error) return new ApiError('unknown', reason.message);
  return new ApiError('unknown', String(reason));
}
