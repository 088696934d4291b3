// `npm run bench:ingest`
import { benchIngest } from './ingest.bench.ts';

console.log(`# Webhook ingestion`);
await benchIngest();
