/**
 * A small pull reader of one JSON document arriving in text chunks (a file stream), so a backup
 * of hundreds of megabytes is read element by element instead of as one string (V8 cannot even
 * hold a string over ~512 MB). The caller walks the structure (`expect`, `peek`) and takes each
 * complete value as text with `valueText`, which `JSON.parse` then turns into a value; only one
 * element plus one chunk is in memory at a time. Structural errors throw BackupFormatError with
 * the JSON path the caller gives.
 */
import { StringDecoder } from 'node:string_decoder';
import { BackupFormatError } from './format';

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

export class JsonStreamReader {
  private buf = '';
  private pos = 0;
  private ended = false;
  private readonly chunks: AsyncIterator<string | Buffer> | Iterator<string | Buffer>;
  /** Byte chunks may split a multi-byte character; the decoder keeps the pieces. */
  private readonly decoder = new StringDecoder('utf8');

  constructor(source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) {
    this.chunks = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** Reads one more chunk into the buffer, dropping what was consumed; false at the end of the input. */
  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      const rest = this.decoder.end();
      if (rest === '') return false;
      this.buf = this.buf.slice(this.pos) + rest;
      this.pos = 0;
      return true;
    }
    this.buf = this.buf.slice(this.pos) + (typeof next.value === 'string' ? next.value : this.decoder.write(next.value));
    this.pos = 0;
    return true;
  }

  /** The next character that is not whitespace (without consuming it); null at the end of the input. */
  async peek(): Promise<string | null> {
    for (;;) {
      while (this.pos < this.buf.length && WS.has(this.buf.charCodeAt(this.pos))) this.pos += 1;
      if (this.pos < this.buf.length) return this.buf[this.pos] ?? null;
      if (!(await this.fill())) return null;
    }
  }

  /** Consumes `ch` (after whitespace) or throws `code` at `path`. */
  async expect(ch: string, path: string, code: string): Promise<void> {
    const next = await this.peek();
    if (next !== ch) throw new BackupFormatError({ path, code: next === null ? 'truncated' : code });
    this.pos += 1;
  }

  /** The text of the complete JSON value that starts here (strings, numbers, objects, arrays), at most `maxChars` long. */
  async valueText(path: string, maxChars: number): Promise<string> {
    const first = await this.peek();
    if (first === null) throw new BackupFormatError({ path, code: 'truncated' });
    let i = this.pos;
    let depth = 0;
    let inString = false;
    let escaped = false;
    const scalar = first !== '{' && first !== '[' && first !== '"';
    for (;;) {
      if (i >= this.buf.length) {
        const consumed = i - this.pos;
        if (!(await this.fill())) {
          if (scalar && consumed > 0) break;
          throw new BackupFormatError({ path, code: 'truncated' });
        }
        i = this.pos + consumed;
        continue;
      }
      if (i - this.pos > maxChars) throw new BackupFormatError({ path, code: 'tooLarge' });
      const c = this.buf.charCodeAt(i);
      if (scalar) {
        if (c === 0x2c || c === 0x5d || c === 0x7d || WS.has(c)) break;
        i += 1;
        continue;
      }
      i += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) {
          inString = false;
          if (depth === 0) break;
        }
        continue;
      }
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    const text = this.buf.slice(this.pos, i);
    this.pos = i;
    return text;
  }

  /** The parsed JSON value that starts here; malformed text throws `invalidJson` at `path`. */
  async value(path: string, maxChars: number): Promise<unknown> {
    const text = await this.valueText(path, maxChars);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BackupFormatError({ path, code: 'invalidJson' });
    }
  }

  /** An object member name and its colon. */
  async key(path: string): Promise<string> {
    if ((await this.peek()) !== '"') throw new BackupFormatError({ path, code: 'invalidJson' });
    const name = await this.value(path, 200);
    if (typeof name !== 'string') throw new BackupFormatError({ path, code: 'invalidJson' });
    await this.expect(':', path, 'invalidJson');
    return name;
  }

  /** Calls `each` for every element of the array that starts here, with its index. */
  async array(path: string, maxChars: number, each: (element: unknown, index: number) => Promise<void> | void): Promise<void> {
    await this.expect('[', path, 'notAnArray');
    if ((await this.peek()) === ']') {
      this.pos += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      await each(await this.value(`${path}[${index}]`, maxChars), index);
      const next = await this.peek();
      if (next === ',') this.pos += 1;
      else if (next === ']') {
        this.pos += 1;
        return;
      } else throw new BackupFormatError({ path, code: next === null ? 'truncated' : 'invalidJson' });
    }
  }

  /** Calls `each` for every member of the object that starts here. */
  async object(path: string, each: (key: string) => Promise<void>): Promise<void> {
    await this.expect('{', path, 'notAnObject');
    if ((await this.peek()) === '}') {
      this.pos += 1;
      return;
    }
    for (;;) {
      await each(await this.key(path));
      const next = await this.peek();
      if (next === ',') this.pos += 1;
      else if (next === '}') {
        this.pos += 1;
        return;
      } else throw new BackupFormatError({ path, code: next === null ? 'truncated' : 'invalidJson' });
    }
  }

  /** Throws unless only whitespace is left. */
  async end(): Promise<void> {
    if ((await this.peek()) !== null) throw new BackupFormatError({ path: '', code: 'trailingData' });
  }
}
