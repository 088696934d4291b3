// The campaign editor's draft → API input mapping: what the user sets is what the API's schema
// accepts, weights split to 100, template variables found in the order the API binds them, a
// binding's value for a sample contact, and errors keyed by the paths the editor's fields use.
import { createCampaignInputSchema } from '#api/campaigns/schemas';
import type { TemplateDefinition } from '#api/templates/schemas';
import {
  addVariant,
  errorAt,
  evenWeights,
  fitBindings,
  newCampaignDraft,
  removeVariant,
  resolveBinding,
  serverErrors,
  templateVariables,
  toCampaignInput,
  validateDraft,
  weightTotal,
  type CampaignDraft,
} from '../../../web/src/pages/campaigns/campaign-form.ts';

const CHANNEL = '11111111-1111-4111-8111-111111111111';
const TEMPLATE = '22222222-2222-4222-8222-222222222222';
const GROUP = '33333333-3333-4333-8333-333333333333';

function readyDraft(): CampaignDraft {
  const draft = newCampaignDraft('Europe/Paris', '2026-12-06');
  return {
    ...draft,
    name: 'December promo',
    channelId: CHANNEL,
    audience: { ...draft.audience, include: { segmentIds: [], groupIds: [GROUP], tags: [] } },
    variants: [
      {
        ...draft.variants[0]!,
        templateId: TEMPLATE,
        bodyVariables: [
          { source: 'contact', field: 'name', default: 'there' },
          { source: 'text', value: 'XMAS20' },
        ],
      },
    ],
  };
}

const definition = (body: string, header?: string): TemplateDefinition => ({
  header: header === undefined ? null : { format: 'text', text: header, examples: {} },
  body: { text: body, examples: {} },
  footer: null,
  buttons: [],
});

describe('toCampaignInput', () => {
  it('gives the API a campaign its schema accepts, sending now by default', () => {
    const parsed = createCampaignInputSchema.parse(toCampaignInput(readyDraft()));
    expect(parsed.schedule).toEqual({ kind: 'now' });
    expect(parsed.variants[0]).toEqual({
      label: 'A',
      weight: 100,
      message: {
        kind: 'template',
        templateId: TEMPLATE,
        bodyVariables: [
          { source: 'contact', field: 'name', default: 'there' },
          { source: 'text', value: 'XMAS20' },
        ],
      },
    });
    expect(parsed.abTest).toBeNull();
    expect(parsed.quietHours).toBeNull();
  });

  it('leaves a blank default out rather than sending an empty one', () => {
    const draft = readyDraft();
    draft.variants[0]!.bodyVariables = [{ source: 'contact', field: 'fields.city', default: '  ' }];
    const message = toCampaignInput(draft).variants[0]!.message;
    expect(message).toMatchObject({ bodyVariables: [{ source: 'contact', field: 'fields.city' }] });
    expect(JSON.stringify(message)).not.toContain('default');
  });

  it('sends only the settings of the chosen schedule, in the chosen time zone', () => {
    const once = {
      ...readyDraft(),
      scheduleKind: 'once' as const,
      localTime: '2026-12-24T09:30',
      timeZone: 'Asia/Tokyo',
    };
    expect(toCampaignInput(once).schedule).toEqual({
      kind: 'once',
      localTime: '2026-12-24T09:30',
      timeZone: 'Asia/Tokyo',
    });
    const monthly = {
      ...readyDraft(),
      scheduleKind: 'recurring' as const,
      recurring: {
        frequency: 'monthly' as const,
        time: '10:00',
        weekdays: ['mon' as const],
        dayOfMonth: '15',
        startsOn: '2027-01-01',
        endsOn: '2027-06-30',
      },
    };
    expect(createCampaignInputSchema.parse(toCampaignInput(monthly)).schedule).toEqual({
      kind: 'recurring',
      frequency: 'monthly',
      time: '10:00',
      weekdays: [],
      dayOfMonth: 15,
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      timeZone: 'Europe/Paris',
    });
  });

  it('sends free-form text for every variant when the message is text', () => {
    const draft = { ...readyDraft(), messageKind: 'text' as const };
    draft.variants = [{ ...draft.variants[0]!, text: 'Open today until 8 pm' }];
    expect(toCampaignInput(draft).variants[0]!.message).toEqual({ kind: 'text', text: 'Open today until 8 pm' });
  });
});

describe('variants and weights', () => {
  it('splits 100 into whole percents whatever the count', () => {
    for (let n = 1; n <= 5; n += 1) {
      const weights = evenWeights(n);
      expect(weights).toHaveLength(n);
      expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
      expect(Math.max(...weights) - Math.min(...weights)).toBeLessThanOrEqual(1);
    }
  });

  it('adds variants B to E copying the last one, never more than five, and removes down to one', () => {
    let variants = readyDraft().variants;
    for (let i = 0; i < 6; i += 1) {
      variants = addVariant(variants);
    }
    expect(variants.map((v) => v.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(variants[4]!.templateId).toBe(TEMPLATE);
    expect(weightTotal(variants)).toBe(100);
    variants = removeVariant(variants, 1);
    expect(variants.map((v) => v.label)).toEqual(['A', 'C', 'D', 'E']);
    expect(variants.map((v) => v.weight)).toEqual(['25', '25', '25', '25']);
    for (let i = 0; i < 5; i += 1) {
      variants = removeVariant(variants, 0);
    }
    expect(variants).toHaveLength(1);
  });

  it('names weights that do not add up to 100 at the variants, with the current total', () => {
    const draft = readyDraft();
    draft.variants = addVariant(draft.variants);
    draft.variants[1]!.weight = '30';
    expect(weightTotal(draft.variants)).toBe(80);
    expect(validateDraft(draft).errors.variants).toBe('weights must add up to 100 (now 80)');
  });

  it('reports a blank weight at that variant’s weight field', () => {
    const draft = readyDraft();
    draft.variants = addVariant(draft.variants);
    draft.variants[1]!.weight = '';
    expect(validateDraft(draft).errors['variants.1.weight']).toBe('must be a number');
  });
});

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    const result = validateDraft(readyDraft());
    expect(result.errors).toEqual({});
    expect(result.input?.name).toBe('December promo');
  });

  it('puts each problem at its field path', () => {
    const draft = newCampaignDraft('Europe/Paris', '2026-12-06');
    const { input, errors } = validateDraft(draft);
    expect(input).toBeNull();
    expect(errors.name).toBe('is required');
    expect(errors.channelId).toBe('is required');
    expect(errors['audience.include']).toBe('choose at least one segment, group or tag, or all contacts');
    expect(errors['variants.0.message.templateId']).toBe('is required');
  });

  it('checks a recurring schedule’s end and a weekly one’s days', () => {
    const draft = {
      ...readyDraft(),
      scheduleKind: 'recurring' as const,
      recurring: {
        frequency: 'weekly' as const,
        time: '09:00',
        weekdays: [],
        dayOfMonth: '1',
        startsOn: '2027-02-01',
        endsOn: '2027-01-01',
      },
    };
    const { errors } = validateDraft(draft);
    expect(errors['schedule.weekdays']).toBe('choose at least one day');
    expect(errors['schedule.endsOn']).toBe('must be on or after the start date');
  });
});

describe('template variables and bindings', () => {
  it('orders positional variables by number and named ones by first use, with the header’s', () => {
    expect(templateVariables(definition('Hi {{2}}, {{1}} and {{2}} again', 'Order {{1}}'))).toEqual({
      body: ['1', '2'],
      header: '1',
    });
    expect(templateVariables(definition('Hi {{first_name}}, use {{code}} by {{ first_name }}'))).toEqual({
      body: ['first_name', 'code'],
      header: null,
    });
  });

  it('keeps existing bindings when the template changes and binds a new first variable to the name', () => {
    const kept = fitBindings([{ source: 'text', value: 'X' }], 3);
    expect(kept).toEqual([
      { source: 'text', value: 'X' },
      { source: 'contact', field: '', default: '' },
      { source: 'contact', field: '', default: '' },
    ]);
    expect(fitBindings([], 1)).toEqual([{ source: 'contact', field: 'name', default: '' }]);
    expect(fitBindings(kept, 1)).toEqual([{ source: 'text', value: 'X' }]);
  });

  it('resolves a binding for a contact: its value, else the default, else nothing', () => {
    const ana = {
      name: 'Ana',
      phone: '+33600000001',
      email: null,
      fields: { city: 'Lyon', interests: ['ski', 'wine'] },
    };
    expect(resolveBinding({ source: 'contact', field: 'name', default: 'there' }, ana)).toBe('Ana');
    expect(resolveBinding({ source: 'contact', field: 'fields.city', default: '' }, ana)).toBe('Lyon');
    expect(resolveBinding({ source: 'contact', field: 'fields.interests', default: '' }, ana)).toBe('ski, wine');
    expect(resolveBinding({ source: 'contact', field: 'email', default: 'no e-mail' }, ana)).toBe('no e-mail');
    expect(resolveBinding({ source: 'contact', field: 'fields.plan', default: '' }, ana)).toBeNull();
    expect(resolveBinding({ source: 'text', value: 'XMAS20' }, null)).toBe('XMAS20');
  });
});

describe('server errors', () => {
  it('keys the API’s field issues like the editor’s own, first message per field', () => {
    const errors = serverErrors([
      { field: 'schedule.localTime', in: 'body', message: 'must be at most 90 days ahead' },
      { field: 'schedule.localTime', in: 'body', message: 'second' },
      { field: 'variants.1.message.templateId', message: 'is not an approved template of this channel' },
    ]);
    expect(errors).toEqual({
      'schedule.localTime': 'must be at most 90 days ahead',
      'variants.1.message.templateId': 'is not an approved template of this channel',
    });
    expect(errorAt(errors, 'variants')).toBeUndefined();
    expect(errorAt(errors, 'variants', true)).toBe('is not an approved template of this channel');
  });
});
