// `npm run bench:automations`
import { benchAutomations } from './automations.bench.ts';

console.log(`# Automations`);
await benchAutomations();
