/**
 * Global set-up of the server tests: runs PGlite's initdb once and saves the new, empty cluster
 * as a tarball that every in-memory store of the run starts from (see memory-store.ts). initdb
 * takes seconds per instance on a loaded 2-core machine and is PGlite's own start-up, not
 * Obecni's behaviour; the migrations still run on every store. Stores on disk (persistence,
 * DATA_DIR lock, the CLI, the end-to-end server) still run initdb as production does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of an empty PGlite cluster straight after initdb. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'obecni-pglite-template-'));
  const file = join(dir, 'pgdata.tar');
  const pg = await PGlite.create();
  try {
    writeFileSync(file, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await pg.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
