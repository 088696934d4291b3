// AES-256-GCM encryption for secrets at rest (TOTP secrets now, channel credentials later).
// ENCRYPTION_KEY holds one or more comma-separated 32-byte keys (base64 or hex): the first
// encrypts, every one decrypts, so a key can be rotated by prepending a new one (docs/security.md).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

type Key = { id: string; bytes: Buffer };

export type SecretBox = {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
};

export function createSecretBox(encryptionKeys: string): SecretBox {
  const keys = encryptionKeys
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(parseKey);
  const primary = keys[0];
  if (!primary) {
    throw new Error('ENCRYPTION_KEY is empty');
  }
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', primary.bytes, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        'v1',
        primary.id,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join(':');
    },
    decrypt(ciphertext) {
      const [version, keyId, iv, tag, body] = ciphertext.split(':');
      const key = keys.find((k) => k.id === keyId);
      if (version !== 'v1' || !key || !iv || !tag || body === undefined) {
        throw new Error(
          'Cannot decrypt: unknown format or key (was ENCRYPTION_KEY rotated without keeping the old key?)',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

function parseKey(text: string): Key {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32) {
    throw new Error(
      'Each ENCRYPTION_KEY entry must be 32 bytes, base64 or hex encoded (generate one with `openssl rand -base64 32`)',
    );
  }
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}
