import { createHmac, createSecretKey } from 'node:crypto';

/** HMAC-SHA256 of a cleaned 16-digit NIK: the only form in which a NIK is stored. */
export type NikHasher = (nik: string) => string;

/** Made once per app: a string key would be converted again on every HMAC. */
export function createNikHasher(secret: string): NikHasher {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return (nik) => createHmac('sha256', key).update(`nik:${nik}`).digest('base64url');
}
