import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../db/types.js';
import type { Logger } from '../log.js';

/** Shortest accepted secret: 32 characters (a base64url of 24 random bytes or more). */
const MIN_LENGTH = 32;

export interface SecretSource {
  /** An explicit secret (tests, embedding). */
  secret?: string | undefined;
  /** MPP_SECRET. */
  env?: string | undefined;
  /** MPP_SECRET_FILE: a file that holds the secret (a mounted secret, outside the database). */
  file?: string | undefined;
  /** Demo mode: without a secret, one is generated and kept in a file beside the data folder. */
  demo: boolean;
  /** The PGlite data folder of a demo, if any. */
  dataDir?: string | undefined;
}

/** Where a demo keeps its generated secret: a file beside (not inside) the PGlite data folder. */
export const demoSecretPath = (dataDir: string) => join(dirname(dataDir), `${basename(dataDir)}.secret`);

/**
 * The per-deployment secret behind the NIK HMAC, never stored in the database: a copy of the
 * database alone must not let anyone recover a NIK by trying all plausible ones. Production sets
 * MPP_SECRET or MPP_SECRET_FILE and the server refuses to start without one; a demo generates one.
 */
export async function deploymentSecret(db: Db, s: SecretSource, logger: Logger): Promise<string> {
  if (s.secret) return s.secret;
  const given = s.env || (s.file ? readFileSync(s.file, 'utf8').trim() : '');
  if (given) {
    if (given.length < MIN_LENGTH) throw new Error(`The NIK secret (MPP_SECRET) must be at least ${MIN_LENGTH} characters long`);
    return given;
  }
  if (!s.demo)
    throw new Error(
      'MPP_SECRET (or MPP_SECRET_FILE) is required: the secret that keys the NIK hashes must live outside the database. Generate one with: openssl rand -base64 32',
    );
  // Demo installs before this version kept the secret in the database: move it out.
  const [old] = await db.query<{ value: string }>(`select value from settings where key = 'nik_secret'`);
  if (!s.dataDir) {
    logger.warn('demo_secret', { note: 'no data folder: a fresh NIK secret for this process only' });
    if (old) await db.query(`delete from settings where key = 'nik_secret'`);
    return old?.value ?? randomBytes(32).toString('base64url');
  }
  const path = demoSecretPath(s.dataDir);
  if (!existsSync(path)) writeFileSync(path, (old?.value ?? randomBytes(32).toString('base64url')) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  if (old) await db.query(`delete from settings where key = 'nik_secret'`);
  return readFileSync(path, 'utf8').trim();
}
