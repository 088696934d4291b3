// `npm run bench:webhooks`
import { benchWebhooks } from './webhooks.bench.ts';

console.log(`# Outgoing webhooks`);
await benchWebhooks();
