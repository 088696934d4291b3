// JWT_SECRET and ENCRYPTION_KEY. In production both must be set. A local install without them
// gets generated ones, kept in the data folder so sessions and encrypted data survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from './env.ts';
import { generateEncryptionKey } from './secret-box.ts';

export type Secrets = { jwtSecret: string; encryptionKey: string };

export function resolveSecrets(env: Env): Secrets {
  if (env.JWT_SECRET && env.ENCRYPTION_KEY) {
    return { jwtSecret: env.JWT_SECRET, encryptionKey: env.ENCRYPTION_KEY };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET and ENCRYPTION_KEY must be set in production (see README: Configuration)');
  }
  const file = path.resolve(env.PARLEY_DATA_DIR, 'secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
  const secrets: Secrets = {
    jwtSecret: env.JWT_SECRET ?? stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    encryptionKey: env.ENCRYPTION_KEY ?? stored.encryptionKey ?? generateEncryptionKey(),
  };
  if (stored.jwtSecret !== secrets.jwtSecret || stored.encryptionKey !== secrets.encryptionKey) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
