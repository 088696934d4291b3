// The simulator thread's entry: a worker thread starts without the TypeScript loader the benchmark
// runs under, so it registers it before loading simulator-thread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./simulator-thread.ts');
