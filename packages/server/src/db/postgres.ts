import postgres from 'postgres';
import type { Db, Sql } from './types.js';

type Conn = postgres.Sql | postgres.TransactionSql;

const wrap = (sql: Conn): Sql => ({
  async query<T>(text: string, params: unknown[] = []) {
    return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
  },
  async exec(text: string) {
    await sql.unsafe(text);
  },
});

/** PostgreSQL through `postgres` (production; `DATABASE_URL`). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const max = options.max ?? 10;
  const sql = postgres(url, { max, onnotice: () => {}, prepare: true });
  await sql`select 1`;
  // Open the whole pool now. A connection opened later, in the first rush of requests, blocks the
  // event loop for its password exchange (SCRAM's PBKDF2 runs synchronously, a few ms each).
  await Promise.all(Array.from({ length: max - 1 }, () => sql`select 1`));
  return {
    kind: 'postgres',
    ...wrap(sql),
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
    session: async () => wrap(await sql.reserve()),
    async listen(channel, fn) {
      const sub = await sql.listen(channel, fn);
      return () => sub.unlisten();
    },
    async notify(channel, payload) {
      await sql.notify(channel, payload);
    },
  };
}
