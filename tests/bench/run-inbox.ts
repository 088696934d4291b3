// `npm run bench:inbox`
import { benchInbox } from './inbox/inbox.bench.ts';

console.log(`# Agent inbox`);
await benchInbox();
