// The control API under `/_sandbox`: numbers, customers and their phones, and test hooks. No
// Graph auth: embedders protect it (Parley proxies it behind its own login).
import express, { type Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { changeTemplateQuality, changeTemplateStatus } from '../templates/template-review.ts';
import { phoneNumberDefinitionSchema, publicNumber, registerPhoneNumber } from '../numbers/register-phone-number.ts';
import { verifyWebhook } from '../webhooks/verify-webhook.ts';
import { ControlError, controlErrorHandler, parseOrThrow } from './control-error.ts';
import {
  closeWindowSchema,
  createCustomerSchema,
  customerMessageSchema,
  presenceSchema,
  templateQualitySchema,
  templateStatusSchema,
  verifyWebhookSchema,
} from './control-schemas.ts';
import {
  addCustomer,
  closeWindow,
  customerOrThrow,
  numberOrThrow,
  readAsCustomer,
  sendAsCustomer,
  setPresence,
} from './customer-operations.ts';
import { customerView, messageView } from './thread-view.ts';

export function createControlRouter(ctx: SimulatorContext): Router {
  const router = express.Router();
  // Media travels as base64 in JSON: room for a 16 MB video (documents up to 100 MB do not fit).
  router.use(express.json({ limit: '30mb' }));
  const base = (locals: Record<string, unknown>) => String(locals.simulatorBase);
  const customerOf = (params: Record<string, string | undefined>) =>
    customerOrThrow(ctx, String(params.phoneNumberId), String(params.waId));

  router.get('/numbers', (_req, res) => void res.json({ data: [...ctx.store.numbers.values()].map(publicNumber) }));
  router.post('/numbers', (req, res) => {
    const number = registerPhoneNumber(ctx, parseOrThrow(phoneNumberDefinitionSchema, req.body));
    res.json(publicNumber(number));
  });
  router.get('/numbers/:phoneNumberId', (req, res) => {
    res.json(publicNumber(numberOrThrow(ctx, req.params.phoneNumberId)));
  });
  router.post('/numbers/:phoneNumberId/verify-webhook', async (req, res) => {
    const number = numberOrThrow(ctx, req.params.phoneNumberId);
    const verifyToken = parseOrThrow(verifyWebhookSchema, req.body).verifyToken ?? number.verifyToken;
    if (!verifyToken) {
      throw ControlError.invalid('verifyToken', 'required (the number was registered without one)');
    }
    res.json(
      await verifyWebhook(number.webhookUrl, verifyToken, {
        random: ctx.random,
        timeoutMs: ctx.options.webhookTimeoutMs,
      }),
    );
  });

  router.get('/numbers/:phoneNumberId/customers', (req, res) => {
    const customers = ctx.store.customersOf(numberOrThrow(ctx, req.params.phoneNumberId).phoneNumberId);
    res.json({ data: customers.map((c) => customerView(ctx, c)) });
  });
  router.post('/numbers/:phoneNumberId/customers', (req, res) => {
    const customer = addCustomer(ctx, req.params.phoneNumberId, parseOrThrow(createCustomerSchema, req.body));
    res.status(201).json(customerView(ctx, customer));
  });
  router.get('/numbers/:phoneNumberId/customers/:waId', (req, res) => {
    res.json(customerView(ctx, customerOf(req.params)));
  });
  router.get('/numbers/:phoneNumberId/customers/:waId/messages', (req, res) => {
    const customer = customerOf(req.params);
    const thread = ctx.store.thread(customer.phoneNumberId, customer.waId);
    res.json({ data: thread.map((m) => messageView(m, base(res.locals))) });
  });
  router.post('/numbers/:phoneNumberId/customers/:waId/messages', async (req, res) => {
    const customer = customerOf(req.params);
    const message = await sendAsCustomer(ctx, customer, parseOrThrow(customerMessageSchema, req.body));
    res.status(201).json(messageView(message, base(res.locals)));
  });
  router.post('/numbers/:phoneNumberId/customers/:waId/read', (req, res) => {
    res.json({ read: readAsCustomer(ctx, customerOf(req.params)) });
  });
  router.post('/numbers/:phoneNumberId/customers/:waId/window', (req, res) => {
    const customer = customerOf(req.params);
    closeWindow(ctx, customer, parseOrThrow(closeWindowSchema, req.body).closedAt);
    res.json(customerView(ctx, customer));
  });
  router.post('/numbers/:phoneNumberId/customers/:waId/presence', (req, res) => {
    const customer = customerOf(req.params);
    setPresence(ctx, customer, parseOrThrow(presenceSchema, req.body).online);
    res.json(customerView(ctx, customer));
  });

  router.post('/templates/:templateId/status', (req, res) => {
    const template = ctx.store.templates.get(req.params.templateId);
    if (!template) {
      throw ControlError.notFound(`Template ${req.params.templateId}`);
    }
    const { status, reason } = parseOrThrow(templateStatusSchema, req.body);
    const pause =
      status === 'PAUSED' ? { title: 'FIRST_PAUSE', description: 'Paused by the sandbox control API.' } : undefined;
    changeTemplateStatus(ctx, template, status, { reason: reason ?? 'NONE', ...(pause ? { otherInfo: pause } : {}) });
    res.json({ id: template.id, status: template.status });
  });

  router.post('/templates/:templateId/quality', (req, res) => {
    const template = ctx.store.templates.get(req.params.templateId);
    if (!template) {
      throw ControlError.notFound(`Template ${req.params.templateId}`);
    }
    changeTemplateQuality(ctx, template, parseOrThrow(templateQualitySchema, req.body).score);
    res.json({ id: template.id, qualityScore: template.qualityScore });
  });

  router.get('/media/:mediaId', async (req, res) => {
    const media = ctx.store.media.get(req.params.mediaId);
    const bytes = media ? await ctx.media.get(media.id) : null;
    if (!media || !bytes) {
      throw ControlError.notFound(`Media ${req.params.mediaId}`);
    }
    res.type(media.mimeType).send(bytes);
  });

  router.use(() => {
    throw ControlError.notFound('Control endpoint');
  });
  router.use(controlErrorHandler);
  return router;
}
