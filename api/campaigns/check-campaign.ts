// What a campaign must satisfy to be saved, and more to be launched. Saving (a draft, or an edit
// of a scheduled campaign) checks references: the number is the workspace's, every variant's
// template is that number's with as many body variables as it has parameters, custom fields
// exist, segments and groups exist, the time is ahead. Launching also checks what would stop it
// sending: the number connected, templates approved, someone reachable, quota left. Each problem
// is a 422 naming its field, so the user fixes it before anything is sent; the workflow checks
// again when it starts (a template can be paused in between).
import type { TenantDb } from '#db/tenant-db';
import { AppError, type FieldIssue } from '../errors.ts';
import { fromMetaComponents } from '../templates/meta-components.ts';
import { mediaHeaderOf } from '../templates/header-media.ts';
import { distinctVariables, headerMediaProblems } from '../templates/rule-schemas.ts';
import type { HeaderMediaFormat } from '../templates/schemas.ts';
import { templateSendRefusal } from '../templates/template-status.ts';
import { audienceWhereSql } from './audience-sql.ts';
import { scheduleColumns, type ScheduleColumns } from './campaign-schedule.ts';
import { countAudience } from './estimate-audience.ts';
import { quotaLeft, quotaRemaining } from './plan-quota.ts';
import type { CreateCampaignInput, VariableBinding } from './schemas.ts';

type TemplateRow = {
  id: string;
  name: string;
  language: string;
  status: string;
  rejectionReason: string | null;
  components: unknown;
};

/** Throws a 422 naming the first problem's field (all problems in details.fields). */
function fail(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', `${issues[0]!.field}: ${issues[0]!.message}`, { fields: issues });
  }
}

/** The references a saved campaign holds are the workspace's and fit; returns its schedule columns. */
export async function checkCampaign(db: TenantDb, input: CreateCampaignInput, now: Date): Promise<ScheduleColumns> {
  const channel = await db.channel.findFirst({ where: { id: input.channelId }, select: { id: true } });
  fail(channel ? [] : [{ field: 'channelId', message: 'is not a WhatsApp number of this workspace' }]);
  const templates = await loadTemplates(db, input);
  const fieldKeys = new Set((await db.customField.findMany({ select: { key: true } })).map((f) => f.key));
  const headerFiles = await loadHeaderFiles(db, input, templates);
  const issues: FieldIssue[] = [];
  input.variants.forEach((variant, i) => {
    const path = `variants.${i}.message`;
    const message = variant.message;
    if (message.kind !== 'template') {
      return;
    }
    const template = templates.get(message.templateId);
    if (!template) {
      issues.push({ field: `${path}.templateId`, message: 'is not a template of this WhatsApp number' });
      return;
    }
    const definition = fromMetaComponents(template.components);
    const bodyParameters = distinctVariables(definition.body.text).length;
    if (message.bodyVariables.length !== bodyParameters) {
      issues.push({
        field: `${path}.bodyVariables`,
        message: `must have ${bodyParameters} value${bodyParameters === 1 ? '' : 's'}, one per body variable of ${template.name} (now ${message.bodyVariables.length})`,
      });
    }
    const header = definition.header;
    if (header && header.format !== 'text') {
      const problem = headerFileProblem(header.format, message.headerMediaId ?? header.mediaId, headerFiles);
      if (problem) {
        issues.push({ field: `${path}.headerMediaId`, message: `${problem} (the header of ${template.name})` });
      }
    }
    const headerText = header?.format === 'text' ? header.text : '';
    if (distinctVariables(headerText).length > 0 && !message.headerVariable) {
      issues.push({
        field: `${path}.headerVariable`,
        message: `is required: the header of ${template.name} has a variable`,
      });
    }
    const bindings: Array<[string, VariableBinding | undefined]> = [
      ...message.bodyVariables.map((b, j) => [`${path}.bodyVariables.${j}`, b] as [string, VariableBinding]),
      [`${path}.headerVariable`, message.headerVariable],
    ];
    for (const [field, binding] of bindings) {
      if (binding?.source === 'contact' && binding.field.startsWith('fields.')) {
        const key = binding.field.slice('fields.'.length);
        if (!fieldKeys.has(key)) {
          issues.push({ field: `${field}.field`, message: `is not a custom field of this workspace ("${key}")` });
        }
      }
    }
  });
  fail(issues);
  await audienceWhereSql(db, input.audience, { now }); // 422 naming a segment or group that is not the workspace's
  return scheduleColumns(input.schedule, now);
}

/** What would stop the campaign sending now; throws a 422 naming the field. */
export async function checkLaunchable(db: TenantDb, input: CreateCampaignInput, now: Date): Promise<ScheduleColumns> {
  const schedule = await checkCampaign(db, input, now);
  const channel = await db.channel.findFirst({
    where: { id: input.channelId },
    select: { name: true, status: true, statusReason: true },
  });
  if (channel && channel.status !== 'connected' && channel.status !== 'degraded') {
    fail([
      {
        field: 'channelId',
        message: `${channel.name} is ${channel.status}${channel.statusReason ? ` (${channel.statusReason})` : ''}: connect it first`,
      },
    ]);
  }
  const templates = await loadTemplates(db, input);
  const issues: FieldIssue[] = [];
  input.variants.forEach((variant, i) => {
    if (variant.message.kind === 'template') {
      const template = templates.get(variant.message.templateId)!;
      const refusal = templateSendRefusal(template, { name: template.name, language: template.language });
      if (refusal) {
        issues.push({ field: `variants.${i}.message.templateId`, message: refusal });
      }
    }
  });
  fail(issues);
  const messageKind = input.variants[0]!.message.kind;
  const counts = await countAudience(db, { audience: input.audience, messageKind, channelId: input.channelId }, now);
  if (counts.reachable === 0) {
    const why =
      counts.matched === 0
        ? 'selects no contacts'
        : `reaches none of its ${counts.matched} contacts (${counts.optedOut} opted out, ${counts.notOptedIn} not opted in, ${counts.outsideWindow} outside the 24-hour window)`;
    fail([{ field: 'audience', message: why }]);
  }
  const quota = await quotaRemaining(db, now);
  // Today's quota only stops a campaign sending now; a scheduled one is checked again when it starts.
  if (quota.month === 0) {
    fail([{ field: 'quota', message: 'the plan’s messages for this month are used up' }]);
  }
  if (input.schedule.kind === 'now' && !quotaLeft(quota)) {
    fail([{ field: 'quota', message: 'the plan’s messages for today are used up: schedule it for tomorrow' }]);
  }
  return schedule;
}

type HeaderFile = { mimeType: string; sizeBytes: number | null; status: string };

/** The library files the variants' media headers would send (their own or their template's). */
async function loadHeaderFiles(
  db: TenantDb,
  input: CreateCampaignInput,
  templates: Map<string, TemplateRow>,
): Promise<Map<string, HeaderFile>> {
  const ids = input.variants.flatMap((v) => {
    if (v.message.kind !== 'template') {
      return [];
    }
    const template = templates.get(v.message.templateId);
    const id = v.message.headerMediaId ?? (template ? mediaHeaderOf(template.components)?.mediaId : null);
    return id ? [id] : [];
  });
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.media.findMany({
    where: { id: { in: ids } },
    select: { id: true, mimeType: true, sizeBytes: true, status: true },
  });
  return new Map(rows.map(({ id, ...file }) => [id, file]));
}

/** Why a media header cannot send this file (none chosen, not in the library, wrong type or size). */
function headerFileProblem(
  format: HeaderMediaFormat,
  mediaId: string | null,
  files: Map<string, HeaderFile>,
): string | null {
  if (!mediaId) {
    return `is required: choose ${format === 'image' ? 'an' : 'a'} ${format} from the media library`;
  }
  const file = files.get(mediaId);
  if (!file || file.status !== 'stored') {
    return 'is not a file of the media library';
  }
  const problems = headerMediaProblems(format, { mimeType: file.mimeType, sizeBytes: file.sizeBytes ?? 0 });
  return problems[0] ?? null;
}

async function loadTemplates(db: TenantDb, input: CreateCampaignInput): Promise<Map<string, TemplateRow>> {
  const ids = input.variants.flatMap((v) => (v.message.kind === 'template' ? [v.message.templateId] : []));
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.messageTemplate.findMany({
    where: { id: { in: ids }, channelId: input.channelId },
    select: { id: true, name: true, language: true, status: true, rejectionReason: true, components: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
