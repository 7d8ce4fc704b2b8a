// Just enough types for the dev-only PouchDB comparison server of bench/initial-sync.bench.ts.
declare module 'pouchdb-node' {
  interface PouchDatabase {
    bulkDocs(docs: Record<string, unknown>[]): Promise<unknown>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string): PouchDatabase;
    plugin(plugin: unknown): void;
    defaults(options: Record<string, unknown>): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  function expressPouchDB(pouch: unknown, options?: Record<string, unknown>): (req: unknown, res: unknown, next: unknown) => void;
  export default expressPouchDB;
}
declare module 'express' {
  import type { Server } from 'node:http';
  interface Response { type(t: string): Response; send(body: string): void }
  interface App {
    get(path: string, handler: (req: unknown, res: Response) => void): void;
    use(path: string, handler: unknown): void;
    listen(port: number, host: string): Server;
  }
  function express(): App;
  export default express;
}
