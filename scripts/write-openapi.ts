// npm run -s api:openapi [file]: the OpenAPI document (as served at /api/openapi.json) to a file,
// or to stdout, for tools that want it offline (client generators, linters, API gateways).
import { writeFileSync } from 'node:fs';
import { openApiDocumentForClients } from './lib/api-client-types.ts';

const text = `${JSON.stringify(openApiDocumentForClients(), null, 2)}\n`;
const file = process.argv[2];
if (file) {
  writeFileSync(file, text);
  console.error(`wrote ${file}`);
} else {
  process.stdout.write(text);
}
