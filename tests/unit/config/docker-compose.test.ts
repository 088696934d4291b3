// docker-compose.yml cannot be run here (no Docker engine), so it is checked statically: the
// services, their wiring and the app's environment against README's configuration table, which in
// turn must list exactly the variables lib/env.ts reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '#lib/env';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    { image?: string; build?: unknown; ports?: string[]; environment?: Record<string, string>; depends_on?: object }
  >;
};
const readmeVariables = [
  ...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm),
].map((m) => m[1]);

describe('[config] README and docker-compose.yml', () => {
  it("README's configuration table lists exactly the variables Parley reads", () => {
    expect([...readmeVariables].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('runs Temporal with its own PostgreSQL, PostgreSQL, Redis, the Temporal UI and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'app',
      'postgres',
      'redis',
      'temporal',
      'temporal-db',
      'temporal-ui',
    ]);
    expect(compose.services.temporal!.environment).toMatchObject({ POSTGRES_SEEDS: 'temporal-db' });
    expect(compose.services.app!.build).toBe('.');
    expect(compose.services.app!.ports).toEqual(['3000:3000']);
    expect(compose.services.temporal!.ports).toEqual(['7233:7233']);
  });

  it("configures the app only with documented variables that point at compose's own services", () => {
    const env = compose.services.app!.environment!;
    for (const name of Object.keys(env)) {
      expect(readmeVariables).toContain(name);
    }
    expect(new URL(env.DATABASE_URL!).hostname).toBe('postgres');
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(new URL(env.REDIS_URL!).hostname).toBe('redis');
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe('3000');
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(env.ENCRYPTION_KEY).toMatch(/^\$\{ENCRYPTION_KEY:\?/);
    const databaseUser = compose.services.postgres!.environment!.POSTGRES_USER;
    expect(new URL(env.DATABASE_URL!).username).toBe(databaseUser);
    expect(Object.keys(compose.services.app!.depends_on!)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'temporal']),
    );
  });
});
