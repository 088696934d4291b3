import { mkdtempSync } from 'node:fs';
import { testInfrastructure } from '../../support/test-env.ts';
import path from 'node:path';
import { loadEnv } from '#lib/env';
import { resolveSecrets } from '#lib/secrets';

describe('[config] environment', () => {
  it('has working defaults for a local install', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', SEED_DEMO: true, PARLEY_PROCESSES: 'all' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names each invalid variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });

  it('generates secrets once for a local install and keeps them across restarts', () => {
    const dir = mkdtempSync(path.join(testInfrastructure().runDir, 'parley-secrets-'));
    const first = resolveSecrets(loadEnv({ PARLEY_DATA_DIR: dir }));
    const again = resolveSecrets(loadEnv({ PARLEY_DATA_DIR: dir }));
    expect(again).toEqual(first);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('requires real secrets in production', () => {
    expect(() => resolveSecrets(loadEnv({ NODE_ENV: 'production' }))).toThrow(/JWT_SECRET and ENCRYPTION_KEY/);
  });
});
