import { createSecretBox, generateEncryptionKey } from '#lib/secret-box';

describe('[security] secrets at rest', () => {
  it('encrypts with AES-256-GCM: different ciphertext each time, same plaintext back', () => {
    const box = createSecretBox(generateEncryptionKey());
    const first = box.encrypt('EAAG-meta-access-token');
    const second = box.encrypt('EAAG-meta-access-token');
    expect(first).not.toBe(second);
    expect(first).not.toContain('EAAG');
    expect(box.decrypt(first)).toBe('EAAG-meta-access-token');
  });

  it('detects tampering', () => {
    const box = createSecretBox(generateEncryptionKey());
    const parts = box.encrypt('secret').split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join(':'))).toThrow();
  });

  it('rotates keys: a new key first, the old one still decrypts old data', () => {
    const oldKey = generateEncryptionKey();
    const newKey = generateEncryptionKey();
    const stored = createSecretBox(oldKey).encrypt('old secret');
    const rotated = createSecretBox(`${newKey},${oldKey}`);
    expect(rotated.decrypt(stored)).toBe('old secret');
    expect(createSecretBox(newKey).decrypt(rotated.encrypt('new secret'))).toBe('new secret');
    expect(() => createSecretBox(newKey).decrypt(stored)).toThrow(/rotated/);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createSecretBox('too-short')).toThrow(/32 bytes/);
  });
});
