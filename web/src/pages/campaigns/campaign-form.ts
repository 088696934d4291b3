// The campaign editor's state and its mapping to the API's input (api/campaigns/schemas.ts).
// The editor keeps what the user typed (weights as text, every section's settings even when it is
// switched off); toCampaignInput builds the request, and errors from the schema or the server are
// keyed by the same dotted path ("variants.1.weight") so each shows next to its input.
import {
  createCampaignInputSchema,
  MAX_VARIANTS,
  type CampaignView,
  type CreateCampaignInput,
  type VariableBinding,
  type Weekday,
} from '#api/campaigns/schemas';
import type { TemplateDefinition } from '#api/templates/schemas';
import type { z } from 'zod';
import type { FieldIssue } from '../../api/api-error.ts';

export type BindingDraft = { source: 'contact'; field: string; default: string } | { source: 'text'; value: string };

export type VariantDraft = {
  label: string;
  weight: string;
  templateId: string;
  bodyVariables: BindingDraft[];
  headerVariable: BindingDraft | null;
  /** A media header's library file; '' for the template's own. */
  headerMediaId: string;
  text: string;
};

export type AudienceDraft = {
  allContacts: boolean;
  include: { segmentIds: string[]; groupIds: string[]; tags: string[] };
  exclude: { segmentIds: string[]; groupIds: string[]; tags: string[] };
};

export type CampaignDraft = {
  name: string;
  channelId: string;
  audience: AudienceDraft;
  messageKind: 'template' | 'text';
  missingVariable: 'skip' | 'default';
  variants: VariantDraft[];
  abTestEnabled: boolean;
  abTest: { samplePercent: string; winnerMetric: 'read' | 'reply'; waitMinutes: string };
  scheduleKind: 'now' | 'once' | 'recurring';
  localTime: string;
  timeZone: string;
  recurring: {
    frequency: 'daily' | 'weekly' | 'monthly';
    time: string;
    weekdays: Weekday[];
    dayOfMonth: string;
    startsOn: string;
    endsOn: string;
  };
  quietHoursEnabled: boolean;
  quietHours: { from: string; to: string };
};

export type CampaignInput = z.input<typeof createCampaignInputSchema>;

const LABELS = ['A', 'B', 'C', 'D', 'E'];

export function emptyVariant(label: string, weight: number): VariantDraft {
  return {
    label,
    weight: String(weight),
    templateId: '',
    bodyVariables: [],
    headerVariable: null,
    headerMediaId: '',
    text: '',
  };
}

export function newCampaignDraft(timeZone: string, today: string): CampaignDraft {
  return {
    name: '',
    channelId: '',
    audience: {
      allContacts: false,
      include: { segmentIds: [], groupIds: [], tags: [] },
      exclude: { segmentIds: [], groupIds: [], tags: [] },
    },
    messageKind: 'template',
    missingVariable: 'skip',
    variants: [emptyVariant('A', 100)],
    abTestEnabled: false,
    abTest: { samplePercent: '20', winnerMetric: 'read', waitMinutes: '240' },
    scheduleKind: 'now',
    localTime: '',
    timeZone,
    recurring: { frequency: 'weekly', time: '09:00', weekdays: ['mon'], dayOfMonth: '1', startsOn: today, endsOn: '' },
    quietHoursEnabled: false,
    quietHours: { from: '21:00', to: '08:00' },
  };
}

/** Weights split as evenly as whole percents allow, the first variants taking the remainder. */
export function evenWeights(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

/** Adds a variant (up to 5) with the next free label, re-splitting the weights evenly. */
export function addVariant(variants: VariantDraft[]): VariantDraft[] {
  if (variants.length >= MAX_VARIANTS) {
    return variants;
  }
  const used = new Set(variants.map((v) => v.label));
  const label = LABELS.find((l) => !used.has(l)) ?? String(variants.length + 1);
  const last = variants[variants.length - 1];
  const copy = last ? { ...last, label } : emptyVariant(label, 0);
  return rebalance([...variants, copy]);
}

export function removeVariant(variants: VariantDraft[], index: number): VariantDraft[] {
  return variants.length <= 1 ? variants : rebalance(variants.filter((_, i) => i !== index));
}

function rebalance(variants: VariantDraft[]): VariantDraft[] {
  const weights = evenWeights(variants.length);
  return variants.map((v, i) => ({ ...v, weight: String(weights[i]) }));
}

/** The sum of the weights as typed (a blank or non-number counts as 0). */
export function weightTotal(variants: VariantDraft[]): number {
  return variants.reduce((sum, v) => sum + (Number.parseInt(v.weight, 10) || 0), 0);
}

/**
 * A template's variables in the order the API binds them: positional ones by number ({{1}}, {{2}}),
 * named ones in order of first appearance; and whether its text header has a variable.
 */
export function templateVariables(definition: TemplateDefinition): { body: string[]; header: string | null } {
  const names = [...definition.body.text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]!);
  const unique = [...new Set(names)];
  const positional = unique.length > 0 && unique.every((n) => /^\d+$/.test(n));
  const body = positional ? unique.sort((a, b) => Number(a) - Number(b)) : unique;
  const header =
    definition.header?.format === 'text' ? (/\{\{\s*([^{}]+?)\s*\}\}/.exec(definition.header.text)?.[1] ?? null) : null;
  return { body, header };
}

/** Bindings resized to the template's variables: kept where they exist, first name bound by default. */
export function fitBindings(bindings: BindingDraft[], count: number): BindingDraft[] {
  return Array.from(
    { length: count },
    (_, i) => bindings[i] ?? { source: 'contact', field: i === 0 ? 'name' : '', default: '' },
  );
}

export type SampleContact = {
  name: string | null;
  phone: string;
  email: string | null;
  language?: string | null;
  fields: Record<string, unknown>;
};

/**
 * What a binding gives for one contact: the contact's value, else the default, else null (the
 * recipient would be skipped, or get an empty value, per the missing-variable policy).
 */
export function resolveBinding(binding: BindingDraft, contact: SampleContact | null): string | null {
  if (binding.source === 'text') {
    return binding.value.trim() || null;
  }
  const value = contact ? contactValue(contact, binding.field) : null;
  return value ?? (binding.default.trim() || null);
}

function contactValue(contact: SampleContact, field: string): string | null {
  const raw = field.startsWith('fields.')
    ? contact.fields[field.slice('fields.'.length)]
    : field === 'name'
      ? contact.name
      : field === 'phone'
        ? contact.phone
        : field === 'email'
          ? contact.email
          : field === 'language'
            ? contact.language
            : null;
  if (raw === null || raw === undefined || raw === '') {
    return null;
  }
  return Array.isArray(raw) ? raw.join(', ') : String(raw as string | number | boolean);
}

function toBinding(binding: BindingDraft): VariableBinding {
  return binding.source === 'text'
    ? { source: 'text', value: binding.value }
    : {
        source: 'contact',
        field: binding.field,
        ...(binding.default.trim() ? { default: binding.default.trim() } : {}),
      };
}

function fromBinding(binding: VariableBinding): BindingDraft {
  return binding.source === 'text'
    ? { source: 'text', value: binding.value }
    : { source: 'contact', field: binding.field, default: binding.default ?? '' };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The request body for the draft: only the sections switched on, numbers as numbers. */
export function toCampaignInput(draft: CampaignDraft): CampaignInput {
  const r = draft.recurring;
  return {
    name: draft.name,
    channelId: draft.channelId,
    audience: draft.audience,
    missingVariable: draft.missingVariable,
    variants: draft.variants.map((v) => ({
      label: v.label,
      weight: toNumber(v.weight),
      message:
        draft.messageKind === 'text'
          ? { kind: 'text', text: v.text }
          : {
              kind: 'template',
              templateId: v.templateId,
              bodyVariables: v.bodyVariables.map(toBinding),
              ...(v.headerVariable ? { headerVariable: toBinding(v.headerVariable) } : {}),
              ...(v.headerMediaId ? { headerMediaId: v.headerMediaId } : {}),
            },
    })),
    abTest: draft.abTestEnabled
      ? {
          samplePercent: toNumber(draft.abTest.samplePercent),
          winnerMetric: draft.abTest.winnerMetric,
          waitMinutes: toNumber(draft.abTest.waitMinutes),
        }
      : null,
    schedule:
      draft.scheduleKind === 'now'
        ? { kind: 'now' }
        : draft.scheduleKind === 'once'
          ? { kind: 'once', localTime: draft.localTime, timeZone: draft.timeZone }
          : {
              kind: 'recurring',
              frequency: r.frequency,
              time: r.time,
              weekdays: r.frequency === 'weekly' ? r.weekdays : [],
              ...(r.frequency === 'monthly' ? { dayOfMonth: toNumber(r.dayOfMonth) } : {}),
              startsOn: r.startsOn,
              endsOn: r.endsOn,
              timeZone: draft.timeZone,
            },
    quietHours: draft.quietHoursEnabled ? draft.quietHours : null,
  };
}

/** The editor's state for a saved campaign (a draft or a scheduled one being edited). */
export function draftFromCampaign(campaign: CampaignView, today: string, workspaceTimeZone: string): CampaignDraft {
  const base = newCampaignDraft(workspaceTimeZone, today);
  const first = campaign.variants[0]?.message;
  const schedule = campaign.schedule;
  return {
    ...base,
    name: campaign.name,
    channelId: campaign.channel.id,
    audience: campaign.audience,
    messageKind: first?.kind ?? 'template',
    missingVariable: campaign.missingVariable,
    variants: campaign.variants.map((v) => ({
      label: v.label,
      weight: String(v.weight),
      templateId: v.message.kind === 'template' ? v.message.templateId : '',
      bodyVariables: v.message.kind === 'template' ? v.message.bodyVariables.map(fromBinding) : [],
      headerVariable:
        v.message.kind === 'template' && v.message.headerVariable ? fromBinding(v.message.headerVariable) : null,
      headerMediaId: v.message.kind === 'template' ? (v.message.headerMediaId ?? '') : '',
      text: v.message.kind === 'text' ? v.message.text : '',
    })),
    abTestEnabled: campaign.abTest !== null,
    abTest: campaign.abTest
      ? {
          samplePercent: String(campaign.abTest.samplePercent),
          winnerMetric: campaign.abTest.winnerMetric,
          waitMinutes: String(campaign.abTest.waitMinutes),
        }
      : base.abTest,
    scheduleKind: schedule.kind,
    localTime: schedule.kind === 'once' ? schedule.localTime.slice(0, 16) : '',
    timeZone: schedule.kind === 'now' ? workspaceTimeZone : schedule.timeZone,
    recurring:
      schedule.kind === 'recurring'
        ? {
            frequency: schedule.frequency,
            time: schedule.time,
            weekdays: schedule.weekdays,
            dayOfMonth: String(schedule.dayOfMonth ?? 1),
            startsOn: schedule.startsOn,
            endsOn: schedule.endsOn,
          }
        : base.recurring,
    quietHoursEnabled: campaign.quietHours !== null,
    quietHours: campaign.quietHours ?? base.quietHours,
  };
}

export type FieldErrors = Record<string, string>;

/** Dotted paths to messages, the first message per path kept. */
export function issuesToErrors(issues: Array<{ path: string; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    errors[issue.path] ??= issue.message;
  }
  return errors;
}

/** Checks the draft with the API's own schema; null when the server would accept its shape. */
export function validateDraft(draft: CampaignDraft): { input: CreateCampaignInput | null; errors: FieldErrors } {
  const parsed = createCampaignInputSchema.safeParse(toCampaignInput(draft));
  if (parsed.success) {
    return { input: parsed.data, errors: {} };
  }
  return {
    input: null,
    errors: issuesToErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: readable(i.message) }))),
  };
}

/** zod's built-in messages for a blank number or a missing choice, in the product's words. */
function readable(message: string): string {
  if (/expected number, received NaN/i.test(message)) {
    return 'must be a number';
  }
  if (/Invalid (UUID|input)/i.test(message) || /is not a valid id/.test(message)) {
    return 'is required';
  }
  return message;
}

/** The server's field issues (`details.fields`), keyed like the client's; body-level ones kept apart. */
export function serverErrors(fields: FieldIssue[]): FieldErrors {
  return issuesToErrors(fields.map((f) => ({ path: f.field, message: f.message })));
}

/** The first error at or under a path: "variants" also catches "variants.0.weight" when asked. */
export function errorAt(errors: FieldErrors, path: string, nested = false): string | undefined {
  if (errors[path]) {
    return errors[path];
  }
  if (!nested) {
    return undefined;
  }
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
