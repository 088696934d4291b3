// A campaign in the wire form, for the API reference (OpenAPI): the generated example cannot
// satisfy the schema's cross-field rules (an audience to reach, quiet hours that differ).
const id = '00000000-0000-4000-8000-000000000000';

export const exampleCampaign = {
  id: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'December sale',
  status: 'scheduled',
  channel: { id, name: 'Support line', displayPhoneNumber: '+1 415-555-0123' },
  audience: {
    allContacts: false,
    include: { segmentIds: [], groupIds: [], tags: ['vip'] },
    exclude: { segmentIds: [], groupIds: [], tags: [] },
  },
  missingVariable: 'default',
  variants: [
    {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      label: 'A',
      weight: 100,
      message: {
        kind: 'template',
        templateId: id,
        bodyVariables: [{ source: 'contact', field: 'name', default: 'there' }],
      },
    },
  ],
  abTest: null,
  schedule: { kind: 'once', localTime: '2026-12-24T09:30', timeZone: 'Europe/Paris' },
  quietHours: { from: '21:00', to: '08:00' },
  nextRunAt: '2026-12-24T08:30:00.000Z',
  lastRun: null,
  failureReason: null,
  createdBy: { userId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', name: 'Grace Hopper' },
  startedAt: null,
  completedAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
