import type { WebhookData } from './schema.ts';

export const webhookDefaults = { url: '', payload: '' } satisfies WebhookData;
