// Examples for the API reference (OpenAPI), in the wire form.
export const exampleConversation = {
  id: '3b0e4c1a-8f0d-4d8e-9a51-2f1c7e6d5b4a',
  channelId: '8f0c6f1e-5a3b-4c2d-9e8f-0123456789ab',
  channel: { id: '8f0c6f1e-5a3b-4c2d-9e8f-0123456789ab', name: 'Support line' },
  contact: {
    id: '5c9d2b7e-1a4f-4e3b-8c6d-7f8e9a0b1c2d',
    name: 'Ada Lovelace',
    profileName: 'Ada',
    displayName: 'Ada Lovelace',
    phone: '+14155550123',
    waId: '14155550123',
  },
  status: 'open',
  priority: 'high',
  assignee: { userId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', name: 'Grace Hopper' },
  team: { id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', name: 'Billing' },
  tags: [{ id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', name: 'refund', color: '#dc2626' }],
  unreadCount: 2,
  lastMessage: { text: 'Where is my order?', type: 'text', direction: 'inbound', at: '2026-12-06T09:58:00.000Z' },
  lastMessageAt: '2026-12-06T09:58:00.000Z',
  lastInboundAt: '2026-12-06T09:58:00.000Z',
  windowClosesAt: '2026-12-07T09:58:00.000Z',
  waitingSince: '2026-12-06T09:55:00.000Z',
  snoozedUntil: null,
  sla: { firstResponseDueAt: null, resolutionDueAt: '2026-12-06T17:55:00.000Z', state: 'ok' },
  createdAt: '2026-11-30T14:00:00.000Z',
};

export const exampleNote = {
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  conversationId: exampleConversation.id,
  body: '@Grace Hopper the refund was approved yesterday',
  author: { userId: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901', name: 'Alan Turing' },
  mentions: [{ userId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', name: 'Grace Hopper' }],
  pinnedAt: null,
  createdAt: '2026-12-06T10:00:00.000Z',
};

export const exampleDetail = {
  ...exampleConversation,
  contact: {
    ...exampleConversation.contact,
    tags: ['vip'],
    lastSeenAt: '2026-12-06T09:58:00.000Z',
    createdAt: '2026-11-30T14:00:00.000Z',
    fields: { visible: [{ key: 'plan', value: 'gold' }], hiddenCount: 2 },
  },
  assignedAt: '2026-12-06T09:56:00.000Z',
  resolvedAt: null,
  pinnedNotes: [{ ...exampleNote, pinnedAt: '2026-12-06T10:01:00.000Z' }],
  bot: null,
};
