// A webhook receiver on 127.0.0.1 for the delivery tests and the bench: it records every request
// (headers, raw body, arrival) and answers by a script per path: a status, a hang (the sender's
// timeout), or a dropped connection; past the script it answers `then` (default 200).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = number | 'hang' | 'drop';

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

export type Receiver = {
  url: (path: string) => string;
  received: Received[];
  on: (path: string, script: Behaviour[], then?: Behaviour) => void;
  close: () => Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const scripts = new Map<string, { script: Behaviour[]; then: Behaviour }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const entry = scripts.get(path);
      const behaviour = entry ? (entry.script.shift() ?? entry.then) : 200;
      if (behaviour === 'hang') {
        return; // the sender times out; the socket is closed with the server
      }
      if (behaviour === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(behaviour, { 'content-type': 'text/plain' }).end(`answer ${behaviour}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path, script, then = 200) => scripts.set(path, { script: [...script], then }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
