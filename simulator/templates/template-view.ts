// Templates as the Graph API returns them (contract §9), with `fields` selection and cursor
// paging on `GET /<WABA_ID>/message_templates`.
import type { TemplateRecord } from '../state/simulator-state.ts';

export function templateView(template: TemplateRecord, fields: string[] | null) {
  const view: Record<string, unknown> = {
    name: template.name,
    parameter_format: template.parameterFormat.toUpperCase(),
    components: template.components,
    language: template.language,
    status: template.status,
    category: template.category,
    ...(template.status === 'REJECTED' ? { rejected_reason: template.reason ?? 'NONE' } : {}),
    ...(template.qualityScore ? { quality_score: { score: template.qualityScore } } : {}),
    id: template.id,
  };
  return fields ? Object.fromEntries(Object.entries(view).filter(([k]) => k === 'id' || fields.includes(k))) : view;
}

export function fieldsOf(query: Record<string, unknown>): string[] | null {
  return typeof query.fields === 'string' ? query.fields.split(',').map((f) => f.trim()) : null;
}

export function listTemplates(templates: TemplateRecord[], query: Record<string, unknown>, pageUrl: string) {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined);
  const status = text('status')?.toUpperCase();
  const category = text('category')?.toUpperCase();
  const matching = templates
    .filter((t) => !status || status.split(',').includes(t.status))
    .filter((t) => !category || category.split(',').includes(t.category))
    .filter((t) => !text('name') || t.name.includes(text('name')!))
    .filter((t) => !text('language') || t.language === text('language'))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const limit = Math.min(Math.max(Number(text('limit') ?? 25) || 25, 1), 1000);
  const after = decodeCursor(text('after'));
  const before = decodeCursor(text('before'));
  const start = after !== null ? after + 1 : before !== null ? Math.max(0, before - limit) : 0;
  const page = matching.slice(start, start + limit);
  const data = page.map((t) => templateView(t, fieldsOf(query)));
  if (page.length === 0) {
    return { data, paging: { cursors: {} } };
  }
  const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
  const hasMore = start + page.length < matching.length;
  const next = new URL(pageUrl);
  next.searchParams.set('after', cursors.after);
  next.searchParams.delete('before');
  return { data, paging: { cursors, ...(hasMore ? { next: next.toString() } : {}) } };
}

function encodeCursor(index: number): string {
  return Buffer.from(`i:${index}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) {
    return null;
  }
  const match = /^i:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}
