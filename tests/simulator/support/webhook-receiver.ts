// A tiny local webhook receiver: records every POST's exact bytes and headers, answers with a
// programmable status, and answers Meta's GET handshake when given a verify token.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { raw: Buffer; headers: IncomingHttpHeaders; body: any; path: string };

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const attempts: ReceivedWebhook[] = [];
  let respond: (webhook: ReceivedWebhook) => number = () => 200;
  let verifyToken: string | null = null;
  let echo: (challenge: string) => string = (challenge) => challenge;
  let answerAfterMs = 0;
  let open = 0;
  let mostOpen = 0;

  const server = createServer((req, res) => {
    open++;
    mostOpen = Math.max(mostOpen, open);
    res.on('close', () => open--);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      if (req.method === 'GET') {
        const ok =
          url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === verifyToken;
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
        res.end(ok ? echo(url.searchParams.get('hub.challenge') ?? '') : 'forbidden');
        return;
      }
      const raw = Buffer.concat(chunks);
      const webhook = { raw, headers: req.headers, body: JSON.parse(raw.toString('utf8')), path: url.pathname };
      attempts.push(webhook);
      const status = respond(webhook);
      if (status === 200) {
        received.push(webhook);
      }
      if (answerAfterMs > 0) {
        setTimeout(() => res.writeHead(status).end(), answerAfterMs);
      } else {
        res.writeHead(status).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    /** Webhooks answered with 200. */
    received,
    /** Every POST, including the ones answered with an error. */
    attempts,
    respondWith(fn: (webhook: ReceivedWebhook) => number) {
      respond = fn;
    },
    /** Holds every POST's answer this long (a slow receiver). */
    answerAfter(ms: number) {
      answerAfterMs = ms;
    },
    /** The most requests open at the same time so far. */
    mostOpenAtOnce: () => mostOpen,
    acceptVerification(token: string, answer: (challenge: string) => string = (c) => c) {
      verifyToken = token;
      echo = answer;
    },
    statuses: () => received.flatMap((w) => w.body.entry[0].changes[0].value.statuses ?? []),
    messages: () => received.flatMap((w) => w.body.entry[0].changes[0].value.messages ?? []),
    clear() {
      received.length = 0;
      attempts.length = 0;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
