// `npm run bench:builder`
import { benchBuilder } from './builder.bench.ts';

console.log('# Flow builder');
await benchBuilder();
