// Key rotation: after `secrets:reencrypt`, the new key alone opens every secret.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient } from '#db/client';
import { createSecretBox, generateEncryptionKey } from '#lib/secret-box';
import { createTestDatabase } from '../support/test-database.ts';

it('[security] secrets:reencrypt moves every secret to the new key', async () => {
  const database = await createTestDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    const oldKey = generateEncryptionKey();
    const newKey = generateEncryptionKey();
    const old = createSecretBox(oldKey);
    const tenant = await prisma.tenant.create({ data: { name: 'Rotate', slug: `rotate-${Date.now()}` } });
    const channel = await prisma.channel.create({
      data: {
        tenantId: tenant.id,
        kind: 'whatsapp_cloud',
        name: 'c',
        accessToken: old.encrypt('token-1'),
        appSecret: old.encrypt('secret-1'),
        verifyToken: old.encrypt('verify-1'),
      },
    });
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/reencrypt-secrets.ts'], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        ENCRYPTION_KEY: `${newKey},${oldKey}`,
        JWT_SECRET: 'x'.repeat(40),
      },
    });
    const rotated = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    const fresh = createSecretBox(newKey);
    expect([rotated.accessToken, rotated.appSecret, rotated.verifyToken].map((v) => fresh.decrypt(v!))).toEqual([
      'token-1',
      'secret-1',
      'verify-1',
    ]);
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}, 60_000);
