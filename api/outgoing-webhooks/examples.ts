// OpenAPI examples of the outgoing-webhook routes (wire form: timestamps as text).
const id = '00000000-0000-4000-8000-000000000000';
const at = '2026-12-06T10:00:00.000Z';

export const exampleSubscriptionInput = {
  name: 'Order system',
  url: 'https://hooks.example.com/parley',
  eventTypes: ['message.received', 'conversation.resolved'],
  retryPolicy: { maxAttempts: 8, initialIntervalMs: 10_000 },
};

export const exampleSubscription = {
  id,
  name: 'Order system',
  url: 'https://hooks.example.com/parley',
  eventTypes: ['message.received', 'conversation.resolved'],
  isEnabled: true,
  retryPolicy: {
    maxAttempts: 8,
    initialIntervalMs: 10_000,
    backoffCoefficient: 3,
    maxIntervalMs: 3_600_000,
    jitter: 0.2,
    timeoutMs: 10_000,
  },
  failureStreak: 0,
  disabledReason: null,
  disabledAt: null,
  createdAt: at,
  updatedAt: at,
};

export const exampleDelivery = {
  id: '00000000-0000-4000-8000-000000000001',
  subscriptionId: id,
  eventId: '00000000-0000-4000-8000-000000000002',
  eventType: 'conversation.resolved',
  status: 'succeeded',
  attemptCount: 2,
  nextAttemptAt: null,
  lastStatusCode: 200,
  lastError: null,
  replayCount: 0,
  deliveredAt: at,
  createdAt: at,
};

export const exampleDeliveryDetail = {
  ...exampleDelivery,
  payload: {
    id: exampleDelivery.eventId,
    type: 'conversation.resolved',
    tenantId: id,
    createdAt: at,
    data: { conversationId: id, channelId: id, contactId: id },
  },
  attempts: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      attempt: 1,
      requestHeaders: { 'parley-event-id': exampleDelivery.eventId, 'parley-delivery-attempt': '1' },
      responseStatus: 503,
      responseBodyExcerpt: 'Service Unavailable',
      error: 'answered 503',
      latencyMs: 120,
      createdAt: at,
    },
    {
      id: '00000000-0000-4000-8000-000000000004',
      attempt: 2,
      requestHeaders: { 'parley-event-id': exampleDelivery.eventId, 'parley-delivery-attempt': '2' },
      responseStatus: 200,
      responseBodyExcerpt: 'ok',
      error: null,
      latencyMs: 85,
      createdAt: at,
    },
  ],
};

const window = {
  total: 120,
  byStatus: { pending: 0, delivering: 2, succeeded: 115, dead: 3 },
  successRate: 0.9746,
  averageLatencyMs: 142,
};
export const exampleStats = { last24h: window, last7d: { ...window, total: 840 } };
