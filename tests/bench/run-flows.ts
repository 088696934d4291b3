// `npm run bench:flows`
import { benchFlows } from './flows.bench.ts';

console.log(`# Flow sessions`);
await benchFlows();
