/**
 * The one reader of JSON request bodies. It takes only bodies nested at most MAX_JSON_DEPTH
 * levels (deeper ones are 400 invalidRequest `tooDeep` before any recursive code sees them: a
 * validator or JSON.stringify would overflow the stack on a body nested 10,000 levels deep).
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { unstorableText } from '../store/storable-text';
import { HttpFailure, parseOrFail } from './errors';

/** The deepest nesting of arrays and objects a request body may have (a push needs 7). */
export const MAX_JSON_DEPTH = 32;

/**
 * The path of the first array or object nested deeper than `max` levels (the top level is 1),
 * null when there is none. Iterative, so any depth is walked without recursion.
 */
export function pathTooDeep(value: unknown, max: number): string | null {
  type Node = { value: unknown; depth: number; path: string };
  const stack: Node[] = [{ value, depth: 1, path: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null) continue;
    if (node.depth > max) return node.path;
    for (const [key, item] of Object.entries(node.value)) {
      stack.push({ value: item, depth: node.depth + 1, path: node.path === '' ? key : `${node.path}.${key}` });
    }
  }
  return null;
}

/**
 * The parsed JSON body of the request: 400 invalidRequest (`invalidJson`) when it does not parse,
 * 400 invalidRequest (`tooDeep`, at the path where it goes too deep) when nested deeper than
 * MAX_JSON_DEPTH.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpFailure('invalidRequest', [{ path: '', code: 'invalidJson' }]);
  }
  const deep = pathTooDeep(body, MAX_JSON_DEPTH);
  if (deep !== null) throw new HttpFailure('invalidRequest', [{ path: deep, code: 'tooDeep' }]);
  return body;
}

/** The JSON object of the request validated by `schema`; a body that is not a JSON object is an invalidRequest. */
export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const body = await readJsonBody(c);
  const bad = unstorableText(body);
  if (bad !== null) throw new HttpFailure('invalidRequest', [{ path: bad, code: 'invalidCharacter' }]);
  return parseOrFail(schema, requireObject(body));
}

/** `body` when it is a JSON object; an array, a string or null is an invalidRequest (valibot's object schemas accept arrays). */
export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpFailure('invalidRequest', [{ path: '', code: 'notAnObject' }]);
  return body as Record<string, unknown>;
}
