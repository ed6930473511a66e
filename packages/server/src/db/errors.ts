/** The SQLSTATE of an error from PGlite or postgres.js (`code`), if it has one. */
export const sqlState = (e: unknown): unknown =>
  typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;

/** 23505: a unique index refused the row (a twin attempt, a reused key). */
export const isUniqueViolation = (e: unknown) => sqlState(e) === '23505';

/** 40P01: PostgreSQL broke a deadlock by aborting this statement. */
export const isDeadlock = (e: unknown) => sqlState(e) === '40P01';

/** An error the database answered with (a five-character SQLSTATE), not a broken connection. */
export const isSqlError = (e: unknown) => {
  const code = sqlState(e);
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
};
