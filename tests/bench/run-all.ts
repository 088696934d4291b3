// `npm run bench`: every benchmark, one after the other (they measure; the test suite never times).
import { benchFoundation } from './foundation.bench.ts';

console.log('# Foundation');
await benchFoundation();
