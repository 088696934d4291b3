// Custom contact fields typed as `plan=gold, vip=true` and the JSON the `fields` filter takes.
// Pure, unit tested.

export type Parsed = { ok: true; value: string | undefined } | { ok: false; error: string };

export function fieldsFromText(text: string): Parsed {
  const fields: Record<string, string | number | boolean> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      return { ok: false, error: `"${pair}" needs the form key=value` };
    }
    const key = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1).trim();
    fields[key] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  if (Object.keys(fields).length > 10) {
    return { ok: false, error: 'At most 10 fields' };
  }
  return { ok: true, value: Object.keys(fields).length > 0 ? JSON.stringify(fields) : undefined };
}

export function fieldsToText(json: string | undefined): string {
  if (!json) {
    return '';
  }
  try {
    const fields = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(fields)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
  } catch {
    return '';
  }
}
