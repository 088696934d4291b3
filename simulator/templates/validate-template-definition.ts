// Template creation rules beyond the request schema (contract §9): component counts and lengths,
// button mix, variable syntax, and examples for every variable. Violations are code 100 with the
// subcode Meta uses where the contract names one.
import { WHATSAPP_LIMITS as L } from '#api/whatsapp/limits';
import { invalidParameter } from '../graph/graph-error.ts';
import { buttonsOf, componentOf, textOf, variablesIn } from './template-variables.ts';

type Components = Array<Record<string, unknown>>;
type Format = 'named' | 'positional';

export function validateTemplateDefinition(components: Components, format: Format): void {
  for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS']) {
    const count = components.filter((c) => c.type === type).length;
    if (count > 1 || (type === 'BODY' && count !== 1)) {
      throw invalidParameter(`Param components: a template needs exactly one BODY and at most one ${type}`);
    }
  }
  checkHeader(componentOf(components, 'HEADER'), format);
  const body = textOf(componentOf(components, 'BODY'));
  if (!body) {
    throw invalidParameter("Param components['BODY']['text'] is required", 2388072);
  }
  tooLong('BODY', body, L.template.body);
  checkVariables('BODY', body, format, componentOf(components, 'BODY')?.example, 'body_text');
  if (/^\s*\{\{[^}]*\}\}/.test(body) || /\{\{[^}]*\}\}\s*$/.test(body)) {
    throw invalidParameter('Variables can not be at the start or end of the template body.', 2388299);
  }
  // Variable density (subcode 2388293): at least two words of text per variable, plus one.
  const variableCount = variablesIn(body).length;
  const words = body
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  if (variableCount > 0 && words < 2 * variableCount + 1) {
    throw invalidParameter('The template body has too many variables for its length.', 2388293);
  }
  const footer = componentOf(components, 'FOOTER');
  if (footer) {
    tooLong('FOOTER', textOf(footer) ?? '', L.template.footer);
    if (variablesIn(textOf(footer)).length > 0) {
      throw invalidParameter('The footer can not contain variables.', 2388073);
    }
  }
  checkButtons(components);
}

function checkHeader(header: ReturnType<typeof componentOf>, format: Format): void {
  if (!header) {
    return;
  }
  const kind = String(header.format ?? 'TEXT');
  if (kind !== 'TEXT') {
    const handle = (header.example as { header_handle?: unknown } | undefined)?.header_handle;
    if (kind !== 'LOCATION' && (!Array.isArray(handle) || handle.length === 0)) {
      throw invalidParameter(`A ${kind} header needs example.header_handle (from the Resumable Upload API).`, 2388047);
    }
    return;
  }
  const text = textOf(header);
  if (!text) {
    throw invalidParameter("Param components['HEADER']['text'] is required for a TEXT header", 2388047);
  }
  tooLong('HEADER', text, L.template.headerText);
  if (variablesIn(text).length > 1) {
    throw invalidParameter('A TEXT header can have at most one variable.', 2388047);
  }
  checkVariables('HEADER', text, format, header.example, 'header_text');
}

function checkVariables(where: string, text: string, format: Format, example: unknown, key: string): void {
  const names = variablesIn(text);
  if (names.length === 0) {
    return;
  }
  if (format === 'positional') {
    const expected = names.map((_, i) => String(i + 1));
    if ([...names].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
      throw invalidParameter(`${where}: positional variables must be {{1}} to {{${names.length}}} in sequence.`);
    }
    const given = (example as Record<string, unknown> | undefined)?.[key];
    const values = key === 'body_text' ? (given as unknown[] | undefined)?.[0] : given;
    if (!Array.isArray(values) || values.length !== names.length) {
      throw invalidParameter(`${where}: example.${key} must give ${names.length} example value(s) for its variables.`);
    }
    return;
  }
  const bad = names.find((name) => !/^[a-z_][a-z0-9_]*$/.test(name));
  if (bad) {
    throw invalidParameter(`${where}: named variable {{${bad}}} must be lowercase letters, digits and _.`);
  }
  const given = (example as Record<string, unknown> | undefined)?.[`${key}_named_params`];
  const covered = Array.isArray(given) ? given.map((p) => (p as { param_name?: unknown }).param_name) : [];
  const missing = names.filter((name) => !covered.includes(name));
  if (missing.length > 0) {
    throw invalidParameter(`${where}: example.${key}_named_params needs examples for ${missing.join(', ')}.`);
  }
}

function checkButtons(components: Components): void {
  const buttons = buttonsOf(components);
  const count = (type: string) => buttons.filter((b) => b.type === type).length;
  const limits: Record<string, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1 };
  for (const [type, max] of Object.entries(limits)) {
    if (count(type) > max) {
      throw invalidParameter(`At most ${max} ${type} button(s) per template.`);
    }
  }
  const firstQuick = buttons.findIndex((b) => b.type === 'QUICK_REPLY');
  const lastQuick = buttons.findLastIndex((b) => b.type === 'QUICK_REPLY');
  if (firstQuick >= 0 && buttons.slice(firstQuick, lastQuick + 1).some((b) => b.type !== 'QUICK_REPLY')) {
    throw invalidParameter('Quick reply buttons must be grouped together.');
  }
  buttons.forEach((button, index) => {
    const raw = button as unknown as Record<string, unknown>;
    if (button.type === 'URL' && (!raw.url || (variablesIn(String(raw.url)).length > 0 && !raw.example))) {
      throw invalidParameter(`Button ${index}: a URL button needs a url, and an example when the url has a variable.`);
    }
    if (button.type === 'PHONE_NUMBER' && !raw.phone_number) {
      throw invalidParameter(`Button ${index}: a PHONE_NUMBER button needs phone_number.`);
    }
  });
}

function tooLong(where: string, text: string, max: number): void {
  if (text.length > max) {
    throw invalidParameter(`${where} text is ${text.length} characters; the maximum is ${max}.`, 2388040);
  }
}
