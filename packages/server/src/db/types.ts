/** A SQL connection or transaction: the same interface over PGlite and PostgreSQL. */
export interface Sql {
  /** Runs one parameterised statement (`$1`, `$2` …) and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * A connection of its own for one hot path, kept for the life of the Db (PostgreSQL: reserved
   * from the pool, so its plans stay warm; PGlite has one connection anyway).
   */
  session(): Promise<Sql>;
  /** LISTEN on a channel (PostgreSQL, PGlite): how live events cross server instances. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}
