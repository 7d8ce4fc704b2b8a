/**
 * Every refusal of the API is an ApiError: a reason code from the protocol, a short English
 * message with no personal data in it, and for validation failures the field paths and codes
 * (never the values). Route code throws HttpFailure; the app's error handler turns it into JSON.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { ApiError, Issue, ReasonCode } from '../../protocol';

/** The HTTP status of each reason code. */
export const STATUS_OF: Record<ReasonCode, ContentfulStatusCode> = {
  clientTooOld: 426, unauthorized: 401, forbidden: 403, invalidRecord: 422, invalidRequest: 400,
  payloadTooLarge: 413, notFound: 404, alreadyInitialized: 409, notInitialized: 409, rateLimited: 429,
  cursorExpired: 410, conflict: 409, internal: 500, tokenExpired: 401, deviceRevoked: 401, accountDisabled: 401, clockAhead: 422,
};

const MESSAGES: Record<ReasonCode, string> = {
  clientTooOld: 'This version of the app is too old for the server; reload the app to update it.',
  unauthorized: 'Sign-in required or the credentials are not valid.',
  forbidden: 'This account may not do that.',
  invalidRecord: 'The record is not valid.',
  invalidRequest: 'The request is not valid.',
  payloadTooLarge: 'The request is too large.',
  notFound: 'Not found.',
  alreadyInitialized: 'The server is already set up.',
  notInitialized: 'The server is not set up yet.',
  rateLimited: 'Too many attempts; try again later.',
  cursorExpired: 'The sync cursor is no longer valid; a full sync is needed.',
  conflict: 'The change conflicts with the stored data.',
  internal: 'Internal server error.',
  tokenExpired: 'The access token has expired; ask for a new one with the device token.',
  deviceRevoked: 'This device\'s access was revoked by an administrator.',
  accountDisabled: 'This account was disabled by an administrator.',
  clockAhead: 'The change is stamped ahead of the server clock; correct the device date and time.',
};

/** The JSON body of a refusal. */
export function apiError(code: ReasonCode, issues?: Issue[]): ApiError {
  return issues && issues.length > 0 ? { error: code, message: MESSAGES[code], issues } : { error: code, message: MESSAGES[code] };
}

/** A refusal thrown from route code; the app's error handler answers with its ApiError. */
export class HttpFailure extends Error {
  /** Sent as Retry-After (whole seconds, at least 1) with a 429 or 503. */
  retryAfterSeconds?: number;

  constructor(readonly code: ReasonCode, readonly issues?: Issue[]) {
    super(code);
    this.name = 'HttpFailure';
  }

  /** This refusal with a Retry-After of `ms` (rounded up to whole seconds, at least 1). */
  retryAfter(ms: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
    return this;
  }
}

/** Answers with the ApiError of `code` and its status (and Retry-After, when given). */
export function failResponse(c: Context, code: ReasonCode, issues?: Issue[], retryAfterSeconds?: number): Response {
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds));
  return c.json(apiError(code, issues), STATUS_OF[code]);
}

const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*$/;

/** Field paths and codes of valibot issues; valibot's default messages quote values, so they are replaced by the issue type. */
export function issuesOf(issues: readonly v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => ({
    path: issue.path?.map((p) => String(p.key)).join('.') ?? '',
    code: MESSAGE_KEY.test(issue.message) ? issue.message : issue.input === undefined ? 'required' : issue.type.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()),
  }));
}

/** Parses `input` with `schema` or throws HttpFailure('invalidRequest') listing the issues. */
export function parseOrFail<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new HttpFailure('invalidRequest', issuesOf(result.issues));
  return result.output;
}
