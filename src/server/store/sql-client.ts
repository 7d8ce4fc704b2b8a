/**
 * The small SQL surface the store needs, so one store implementation (and one set of SQL
 * statements) runs on both embedded PGlite and a PostgreSQL pool. Each adapter only knows how
 * to run a statement and how to open a transaction; nested transactions become savepoints.
 */

/** A connection, or a transaction on one. */
export interface SqlClient {
  /** Runs one parameterised statement and returns its rows. jsonb parameters are passed as JSON text. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction (a savepoint when already inside one); rolls back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** A whole database: a client plus what it is and how to close it. */
export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** The raw operations of a connection already inside a transaction. */
export interface RawTx {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** Wraps a connection inside a transaction so that nested `transaction` calls use savepoints. */
export function transactionClient(raw: RawTx, depth = 0): SqlClient {
  return {
    query: (sql, params) => raw.query(sql, params),
    exec: (sql) => raw.exec(sql),
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const name = `sp_${depth + 1}`;
      await raw.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(transactionClient(raw, depth + 1));
        await raw.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await raw.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}
