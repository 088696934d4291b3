// Meta's webhook endpoint for one channel: the GET verification handshake and signed POSTs.
// A POST is verified against the raw bytes, validated, stored, and answered 200 before any slow
// follow-up (live updates, media downloads) runs.
import express, { type Router } from 'express';
import type { AppDeps } from '../context.ts';
import { isValidSignature, SIGNATURE_HEADER } from '../whatsapp/signature.ts';
import { idParamSchema } from '../common/schemas.ts';
import { afterIngest } from './after-ingest.ts';
import type { ChannelSecretsCache } from './channel-secrets.ts';
import { parseWebhook } from './parse-webhook.ts';
import { createStatusWriter } from './apply-statuses.ts';
import { applyTemplateChanges } from '../templates/template-events.ts';
import { createInboundWriter } from './store-inbound.ts';

const paramsSchema = idParamSchema('channelId');
const MAX_BODY = '3mb'; // Meta's largest webhook payload

export function whatsappWebhookRouter(deps: AppDeps, channels: ChannelSecretsCache): Router {
  const router = express.Router();
  const writer = createInboundWriter(deps.pool);
  const statusWriter = createStatusWriter(deps.pool);

  router.get('/webhooks/whatsapp/:channelId', async (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    const channel = params.success ? await channels.get(params.data.channelId) : null;
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = req.query;
    if (
      channel?.verifyToken &&
      mode === 'subscribe' &&
      token === channel.verifyToken &&
      typeof challenge === 'string'
    ) {
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    res
      .status(403)
      .json({ error: { code: 'FORBIDDEN', message: 'Verification failed: unknown channel or wrong verify token' } });
  });

  router.post('/webhooks/whatsapp/:channelId', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    const channel = params.success ? await channels.get(params.data.channelId) : null;
    if (!params.success || !channel?.appSecret) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Unknown channel' } });
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidSignature(raw, req.get(SIGNATURE_HEADER), channel.appSecret)) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Invalid X-Hub-Signature-256' } });
      return;
    }
    const parsed = parseWebhook(raw, channel.phoneNumberId);
    if (!parsed.ok) {
      res.status(400).json({ error: { code: 'VALIDATION_FAILED', message: parsed.error } });
      return;
    }
    const target = { tenantId: channel.tenantId, channelId: params.data.channelId };
    const inbound = await writer.store(target, parsed.profileNames, parsed.messages);
    const statuses = await statusWriter.apply(target, parsed.statuses);
    if (parsed.templateChanges.length > 0) {
      await applyTemplateChanges(deps, target, parsed.templateChanges);
    }
    res.status(200).json({ received: true });
    afterIngest(deps, { ...target, inbound, statuses });
  });

  return router;
}
