// `npm run secrets:reencrypt`: after prepending a new key to ENCRYPTION_KEY, rewrites every
// secret at rest with it (channel credentials, TOTP secrets), so the old key can then be dropped.
// Safe to run twice; each row is rewritten in its own statement.
import { createDatabase } from '#db/client';
import { loadEnv } from '#lib/env';
import { createSecretBox } from '#lib/secret-box';
import { resolveSecrets } from '#lib/secrets';

const env = loadEnv();
if (!env.DATABASE_URL) {
  console.error('Set DATABASE_URL (and the same ENCRYPTION_KEY the platform uses).');
  process.exit(1);
}
const box = createSecretBox(resolveSecrets(env).encryptionKey);
const reencrypt = (value: string | null) => (value ? box.encrypt(box.decrypt(value)) : null);
const { prisma, close } = createDatabase(env.DATABASE_URL);
let count = 0;
for (const channel of await prisma.channel.findMany({
  select: { id: true, accessToken: true, appSecret: true, verifyToken: true },
})) {
  await prisma.channel.update({
    where: { id: channel.id },
    data: {
      accessToken: reencrypt(channel.accessToken),
      appSecret: reencrypt(channel.appSecret),
      verifyToken: reencrypt(channel.verifyToken),
    },
  });
  count++;
}
for (const user of await prisma.user.findMany({
  where: { totpSecret: { not: null } },
  select: { id: true, totpSecret: true },
})) {
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: reencrypt(user.totpSecret) } });
  count++;
}
await close();
console.log(`Re-encrypted the secrets of ${count} rows with the first ENCRYPTION_KEY.`);
