// npm run api:client: regenerates api/client/openapi-types.ts from the routes' OpenAPI document.
// With --check it writes nothing and fails when the file is out of date (the test runs this).
import { readFileSync, writeFileSync } from 'node:fs';
import { CLIENT_TYPES_FILE, generateClientTypes } from './lib/api-client-types.ts';

const current = await generateClientTypes();
if (process.argv.includes('--check')) {
  if (readFileSync(CLIENT_TYPES_FILE, 'utf8') !== current) {
    console.error('api/client/openapi-types.ts is out of date with the routes: run `npm run api:client` and commit it');
    process.exit(1);
  }
  console.log('api/client/openapi-types.ts is up to date');
} else {
  writeFileSync(CLIENT_TYPES_FILE, current);
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
}
