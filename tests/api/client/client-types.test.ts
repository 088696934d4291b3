// The typed client's generated types match the routes as they are now: a route added or changed
// without `npm run api:client` fails here. (openapi-typescript loads ESM-only modules, so the
// check runs in its own tsx process rather than inside jest.)
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.join(import.meta.dirname, '../../..');

describe('[api] typed client', () => {
  it('has generated types that match the current OpenAPI document', async () => {
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const result = await promisify(execFile)(tsx, ['scripts/generate-api-client.ts', '--check'], { cwd: root }).then(
      () => 'up to date',
      (error: { stderr?: string }) => error.stderr?.trim() ?? String(error),
    );
    expect(result).toBe('up to date');
  }, 120_000);
});
