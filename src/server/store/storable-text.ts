/**
 * Text PostgreSQL cannot store: a NUL character (refused in text and jsonb) or a lone UTF-16
 * surrogate (refused in jsonb). Both stores refuse it the same way (PGlite is PostgreSQL), so the
 * request parser and the push refuse it as the sender's fault before it reaches SQL.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The path of the first string (value or key) that PostgreSQL cannot store: a NUL character
 * (refused in text and jsonb) or a lone UTF-16 surrogate (refused in jsonb). Null when there is none.
 */
export function unstorableText(value: unknown): string | null {
  const bad = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
  // Iterative, so a body nested a hundred thousand levels deep cannot overflow the stack.
  type Node = { value: unknown; key: string | null; parent: Node | null };
  const pathOf = (node: Node | null): string => {
    const keys: string[] = [];
    for (let n = node; n !== null; n = n.parent) if (n.key !== null) keys.push(n.key);
    return keys.reverse().join('.');
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (bad(node.value)) return pathOf(node);
    } else if (typeof node.value === 'object' && node.value !== null) {
      for (const [key, item] of Object.entries(node.value)) {
        if (bad(key)) return pathOf(node);
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}
