// The layer rules of DESIGN.md are enforced by ESLint (run by `npm test`): a wrong-way import or
// a clock read in the domain is an error. Each row lints a one-line file placed in a layer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

describe('layer boundaries', () => {
  it.each([
    ['src/client/ui/screens/Bad.tsx', "import { AppDB } from '../../storage/db';\nexport const x = AppDB;\n"],
    ['src/client/ui/screens/Bad.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['src/client/ui/screens/Bad.tsx', "import { SyncEngine } from '../../sync/engine';\nexport const x = SyncEngine;\n"],
    ['src/client/storage/bad.ts', "import { runtime } from '../state/runtime';\nexport const x = runtime;\n"],
    ['src/domain/bad.ts', "import { PROTOCOL_VERSION } from '../protocol';\nexport const x = PROTOCOL_VERSION;\n"],
    ['src/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/server/bad.ts', "import { AppDB } from '../client/storage/db';\nexport const x = AppDB;\n"],
    ['src/protocol/bad.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n"],
  ])('%s: a wrong-way import is an error', async (file, code) => {
    expect(await ruleErrors(file, code)).toContain('no-restricted-imports');
  });

  it('the domain may not read the clock', async () => {
    expect(await ruleErrors('src/domain/bad.ts', 'export const today = new Date();\n')).toContain('no-restricted-syntax');
    expect(await ruleErrors('src/domain/bad.ts', 'export const now = Date.now();\n')).toContain('no-restricted-syntax');
  });

  it.each([
    ['src/client/ui/screens/Good.tsx', "import { useToday } from '../../state';\nexport const x = useToday;\n"],
    ['src/client/state/good.ts', "import { AppDB } from '../storage/db';\nexport const x = AppDB;\n"],
    ['src/server/good.ts', "import { validateRecord } from '../domain';\nexport const x = validateRecord;\n"],
  ])('%s: the right direction is allowed', async (file, code) => {
    expect(await ruleErrors(file, code)).toEqual([]);
  });
});
