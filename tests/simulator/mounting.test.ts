// [simulator] mounted under a path inside another Express app (as `npm start` mounts it at
// /sandbox-graph, behind the app's own JSON parser): URLs it hands out carry the mount path.
// (Body-parser errors of the host app happen before the simulator sees the request, so they get
// the host's error format; docs/simulator.md recommends mounting the router before the parser.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createMetaSimulator } from '#simulator/create-meta-simulator';
import { NUMBER } from './support/sandbox.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';
import { PNG, uploadForm } from './support/media-samples.ts';

it('[simulator] works under /sandbox-graph behind an app-level JSON parser', async () => {
  const receiver = await startWebhookReceiver();
  const simulator = createMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  simulator.registerPhoneNumber({ ...NUMBER, webhookUrl: receiver.url });
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use('/sandbox-graph', simulator.router);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox-graph`;
  const auth = { authorization: `Bearer ${NUMBER.accessToken}` };
  try {
    const customer = await fetch(`${base}/_sandbox/numbers/${NUMBER.phoneNumberId}/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mounted', waId: '447700900000' }),
    });
    expect(customer.status).toBe(201);
    const uploaded = await fetch(`${base}/v24.0/${NUMBER.phoneNumberId}/media`, {
      method: 'POST',
      headers: auth,
      body: uploadForm(PNG, 'image/png'),
    });
    const { id } = (await uploaded.json()) as { id: string };
    const info = (await (await fetch(`${base}/v24.0/${id}`, { headers: auth })).json()) as { url: string };
    expect(info.url.startsWith(`${base}/`)).toBe(true);
    expect((await fetch(info.url, { headers: auth })).status).toBe(200);
    const sent = await fetch(`${base}/v24.0/${NUMBER.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '447700900000',
        type: 'template',
        template: { name: 'hello_world', language: { code: 'en_US' } },
      }),
    });
    expect(sent.status).toBe(200);
    const page = (await (
      await fetch(`${base}/v24.0/${NUMBER.wabaId}/message_templates?limit=1`, { headers: auth })
    ).json()) as any;
    expect(page.data).toHaveLength(1);
    await simulator.flush();
    expect(receiver.statuses().map((s: any) => s.status)).toEqual(['sent', 'delivered']);
  } finally {
    await simulator.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await receiver.close();
  }
});
