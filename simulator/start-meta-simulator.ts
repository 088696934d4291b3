// The simulator on its own HTTP server (tests, benchmarks, `simulator/main.ts`).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createMetaSimulator, type MetaSimulator } from './create-meta-simulator.ts';
import type { SimulatorOptionsInput } from './simulator-options.ts';

export type StartedMetaSimulator = { url: string; simulator: MetaSimulator; stop(): Promise<void> };

export async function startMetaSimulator(
  options: SimulatorOptionsInput & { port?: number; host?: string } = {},
): Promise<StartedMetaSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const simulator = createMetaSimulator(simulatorOptions);
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for an ETag (Graph's answers to sends carry none): at 1,000
  // sends a second that is CPU the benchmarks' Parley shares the machine with.
  app.disable('etag');
  app.use(simulator.router);
  const server = createServer((req, res) => {
    if (!simulator.answerDirectly(req, res)) {
      app(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    simulator,
    stop: async () => {
      await simulator.close();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would hold close() open until they time out.
    server.closeAllConnections();
  });
}
