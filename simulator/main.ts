// Runs the simulator standalone: `node --import tsx simulator/main.ts --port 4100`.
// Numbers are then registered with `POST /_sandbox/numbers` (see docs/simulator.md).
import { parseArgs } from 'node:util';
import { startMetaSimulator } from './start-meta-simulator.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    'state-file': { type: 'string' },
    'media-dir': { type: 'string' },
    latency: { type: 'string', default: '50-300' },
    'auto-read': { type: 'boolean', default: false },
    'review-delay': { type: 'string', default: '2000' },
    'public-url': { type: 'string' },
  },
});

const [min = 50, max = min] = (values.latency ?? '').split('-').map(Number);
const started = await startMetaSimulator({
  port: Number(values.port),
  host: values.host,
  latencyMs: { min, max },
  autoRead: values['auto-read'],
  templateReviewDelayMs: Number(values['review-delay']),
  ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
  ...(values['media-dir'] ? { mediaDir: values['media-dir'] } : {}),
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  log: (line) => process.stderr.write(`[simulator] ${line}\n`),
});
process.stdout.write(`[simulator] Meta WhatsApp Cloud API simulator on ${started.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void started.stop().then(() => process.exit(0));
  });
}
