/**
 * Every refusal of the API is an ApiError: a reason code from the protocol, a short English
 * message with no personal data in it, and for validation failures the field paths and codes
 * (never the values). Route code throws HttpFailure; the app's error handler turns it into JSON.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { ApiError, Issue, ReasonCode } from '../../protocol';
import { unstorableText } from '../store/storable-text';

/** The HTTP status of each reason code. */
export const STATUS_OF: Record<ReasonCode, ContentfulStatusCode> = {
  clientTooOld: 426, unauthorized: 401, forbidden: 403, invalidRecord: 422, invalidRequest: 400,
  payloadTooLarge: 413, notFound: 404, alreadyInitialized: 409, notInitialized: 409, rateLimited: 429,
  cursorExpired: 410, conflict: 409, internal: 500, tokenExpired: 401, sessionExpired: 401,
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
  sessionExpired: 'The sign-in of this device has ended; sign in again with the password (local data stays).',
};

/** The JSON body of a refusal. */
export function apiError(code: ReasonCode, issues?: Issue[]): ApiError {
  return issues && issues.length > 0 ? { error: code, message: MESSAGES[code], issues } : { error: code, message: MESSAGES[code] };
}

/** A refusal thrown from route code; the app's error handler answers with its ApiError. */
export class HttpFailure extends Error {
  constructor(readonly code: ReasonCode, readonly issues?: Issue[]) {
    super(code);
    this.name = 'HttpFailure';
  }
}

/** Answers with the ApiError of `code` and its status. */
export function failResponse(c: Context, code: ReasonCode, issues?: Issue[]): Response {
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

/** The JSON object of the request validated by `schema`; a body that is not a JSON object is an invalidRequest. */
export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpFailure('invalidRequest', [{ path: '', code: 'invalidJson' }]);
  }
  const bad = unstorableText(body);
  if (bad !== null) throw new HttpFailure('invalidRequest', [{ path: bad, code: 'invalidCharacter' }]);
  return parseOrFail(schema, requireObject(body));
}

/** `body` when it is a JSON object; an array, a string or null is an invalidRequest (valibot's object schemas accept arrays). */
export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpFailure('invalidRequest', [{ path: '', code: 'notAnObject' }]);
  return body as Record<string, unknown>;
}
