// Meta's rules for message templates (contract §9), checked while the user types and again by the
// API before anything is saved or submitted. Pure: the web app's editor runs the same function and
// shows the same per-field messages and counters (named *schemas so web/ may import it). Media
// facts (type, size) come from the caller.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { WHATSAPP_LIMITS } from '../whatsapp/limits.ts';
import type {
  HeaderMediaFormat,
  ParameterFormat,
  TemplateButton,
  TemplateCategory,
  TemplateDefinition,
} from './schemas.ts';
import { TEMPLATE_CATEGORIES } from './schemas.ts';

const MB = 1024 * 1024;

export const TEMPLATE_LIMITS = {
  name: WHATSAPP_LIMITS.template.name,
  headerText: WHATSAPP_LIMITS.template.headerText,
  headerVariables: 1,
  body: WHATSAPP_LIMITS.template.body,
  footer: WHATSAPP_LIMITS.template.footer,
  buttonText: WHATSAPP_LIMITS.template.buttonText,
  buttons: WHATSAPP_LIMITS.template.buttons,
  quickReplies: 3,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  url: 2000,
  phoneNumber: 20,
  copyCode: 15,
  namedVariable: 20,
  sample: 200,
} as const;

/** What Meta accepts as a template header sample, per format (contract §8, §9). */
export const HEADER_MEDIA_RULES: Record<HeaderMediaFormat, { mimeTypes: readonly string[]; maxBytes: number }> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  document: { mimeTypes: ['application/pdf'], maxBytes: 100 * MB },
};

export type TemplateIssue = { field: string; message: string };

export type TemplateCounts = {
  header: { characters: number; max: number; variables: number };
  body: { characters: number; max: number; variables: string[] };
  footer: { characters: number; max: number };
  buttons: { total: number; max: number };
};

export type TemplateRulesInput = {
  name: string;
  language: string;
  category: string;
  parameterFormat: ParameterFormat;
  definition: TemplateDefinition;
};

/** The header sample file, when the caller knows it (the API looks it up; the editor has it). */
export type RulesContext = { headerMedia?: { mimeType: string; sizeBytes: number } | null };

const VARIABLE = /\{\{([^{}]*)\}\}/g;

/** Every `{{…}}` of a text, in order of appearance, with what is between the braces (trimmed). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!.trim());
}

/** Distinct variables in order of first appearance. */
export function distinctVariables(text: string): string[] {
  return [...new Set(variablesIn(text))];
}

export function validateTemplate(input: TemplateRulesInput, context: RulesContext = {}): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  checkName(input.name, add);
  checkLanguage(input.language, add);
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(input.category)) {
    add('category', 'must be marketing, utility or authentication');
  }
  const { header, body, footer, buttons } = input.definition;
  const format = input.parameterFormat;
  if (header?.format === 'text') {
    checkHeaderText(header.text, header.examples, format, add);
  } else if (header) {
    checkHeaderMedia(header.format, header.mediaId, context.headerMedia, input.category as TemplateCategory, add);
  }
  checkBody(body.text, body.examples, format, add);
  if (footer) {
    checkFooter(footer.text, add);
  }
  checkButtons(buttons, add);
  return issues;
}

export function countTemplate(definition: TemplateDefinition): TemplateCounts {
  const headerText = definition.header?.format === 'text' ? definition.header.text : '';
  return {
    header: {
      characters: headerText.length,
      max: TEMPLATE_LIMITS.headerText,
      variables: variablesIn(headerText).length,
    },
    body: {
      characters: definition.body.text.length,
      max: TEMPLATE_LIMITS.body,
      variables: distinctVariables(definition.body.text),
    },
    footer: { characters: definition.footer?.text.length ?? 0, max: TEMPLATE_LIMITS.footer },
    buttons: { total: definition.buttons.length, max: TEMPLATE_LIMITS.buttons },
  };
}

/** The next variable to insert into the body: `{{n+1}}` or a fresh `{{variable_n}}`. */
export function nextVariable(text: string, format: ParameterFormat): string {
  const existing = distinctVariables(text);
  if (format === 'positional') {
    const numbers = existing.map(Number).filter((n) => Number.isInteger(n));
    return `{{${Math.max(0, ...numbers) + 1}}}`;
  }
  let n = existing.length + 1;
  while (existing.includes(`variable_${n}`)) {
    n++;
  }
  return `{{variable_${n}}}`;
}

type Add = (field: string, message: string) => void;

function checkName(name: string, add: Add): void {
  if (name.length === 0) {
    add('name', 'is required');
  } else if (name.length > TEMPLATE_LIMITS.name) {
    add('name', `is ${name.length} characters; the maximum is ${TEMPLATE_LIMITS.name}`);
  } else if (!/^[a-z0-9_]+$/.test(name)) {
    add('name', 'may only contain lowercase letters (a–z), digits and underscores, e.g. order_update');
  }
}

function checkLanguage(language: string, add: Add): void {
  if (language.length === 0) {
    add('language', 'is required');
  } else if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(language)) {
    add('language', `"${language}" is not a WhatsApp language code such as en, en_US or pt_BR`);
  }
}

function checkHeaderText(text: string, examples: Record<string, string>, format: ParameterFormat, add: Add): void {
  if (text.trim() === '') {
    add('header.text', 'is required for a text header (or remove the header)');
    return;
  }
  if (text.length > TEMPLATE_LIMITS.headerText) {
    add('header.text', `is ${text.length} characters; the maximum is ${TEMPLATE_LIMITS.headerText}`);
  }
  if (/[\r\n]/.test(text)) {
    add('header.text', 'must be a single line');
  }
  const variables = variablesIn(text);
  if (variables.length > TEMPLATE_LIMITS.headerVariables) {
    add('header.text', `may contain at most one variable (it has ${variables.length})`);
    return;
  }
  checkVariableSyntax('header', variables, format, add);
  checkSamples('header', variables, examples, add);
}

function checkHeaderMedia(
  format: HeaderMediaFormat,
  mediaId: string | null,
  media: RulesContext['headerMedia'],
  category: TemplateCategory,
  add: Add,
): void {
  if (category === 'authentication') {
    add('header.format', 'authentication templates cannot have a media header');
  }
  if (!mediaId) {
    add('header.mediaId', `a sample ${format} is required: choose one from the media library or upload one`);
    return;
  }
  if (!media) {
    return; // not known to the caller (the API looks it up and reports a missing file itself)
  }
  headerMediaProblems(format, media).forEach((problem) => add('header.mediaId', problem));
}

/** Why a file cannot be a header of this format (its type, its size); empty when it can. */
export function headerMediaProblems(
  format: HeaderMediaFormat,
  media: { mimeType: string; sizeBytes: number },
): string[] {
  const rule = HEADER_MEDIA_RULES[format];
  const mime = media.mimeType.split(';')[0]!.trim().toLowerCase();
  const header = `${format === 'image' ? 'an' : 'a'} ${format} header`;
  const problems: string[] = [];
  if (!rule.mimeTypes.includes(mime)) {
    problems.push(`${header} needs ${rule.mimeTypes.join(' or ')}; this file is ${mime}`);
  }
  if (media.sizeBytes > rule.maxBytes) {
    problems.push(`the file is ${formatMb(media.sizeBytes)}; ${header} allows ${formatMb(rule.maxBytes)}`);
  }
  return problems;
}

function checkBody(text: string, examples: Record<string, string>, format: ParameterFormat, add: Add): void {
  if (text.trim() === '') {
    add('body.text', 'is required');
    return;
  }
  if (text.length > TEMPLATE_LIMITS.body) {
    add('body.text', `is ${text.length} characters; the maximum is ${TEMPLATE_LIMITS.body}`);
  }
  const variables = variablesIn(text);
  if (variables.length === 0) {
    return;
  }
  if (!checkVariableSyntax('body', variables, format, add)) {
    return;
  }
  if (/^\s*\{\{[^{}]*\}\}/.test(text)) {
    add('body.text', 'cannot start with a variable: put some text before it');
  }
  if (/\{\{[^{}]*\}\}[\s.!?]*$/.test(text)) {
    add('body.text', 'cannot end with a variable: put some text after it');
  }
  const words = text.replace(VARIABLE, ' ').split(/\s+/).filter(Boolean).length;
  if (words < 2 * variables.length + 1) {
    add(
      'body.text',
      `has too many variables for its length (${variables.length} variables, ${words} words): add more text or use fewer variables`,
    );
  }
  checkSamples('body', distinctVariables(text), examples, add);
}

/** Positional: {{1}}…{{n}} in sequence with no gaps; named: lowercase names. False on a syntax error. */
function checkVariableSyntax(
  where: 'header' | 'body',
  variables: string[],
  format: ParameterFormat,
  add: Add,
): boolean {
  const field = `${where}.text`;
  if (format === 'positional') {
    const bad = variables.find((v) => !/^[1-9]\d*$/.test(v));
    if (bad !== undefined) {
      add(field, `{{${bad}}} is not a positional variable: use {{1}}, {{2}}, … (or switch to named variables)`);
      return false;
    }
    if (where === 'header') {
      if (variables[0] !== undefined && variables[0] !== '1') {
        add(field, `the header's variable must be {{1}}, not {{${variables[0]}}}`);
        return false;
      }
      return true;
    }
    const numbers = [...new Set(variables.map(Number))].sort((a, b) => a - b);
    const missing = numbers.length > 0 ? range(1, numbers.at(-1)!).filter((n) => !numbers.includes(n)) : [];
    if (missing.length > 0) {
      add(
        field,
        `variables must be numbered {{1}} to {{${numbers.at(-1)}}} without gaps: {{${missing[0]}}} is missing`,
      );
      return false;
    }
    return true;
  }
  const bad = variables.find((v) => !/^[a-z][a-z0-9_]*$/.test(v));
  if (bad !== undefined) {
    add(field, `{{${bad}}} is not a named variable: use lowercase letters, digits and _, starting with a letter`);
    return false;
  }
  const long = variables.find((v) => v.length > TEMPLATE_LIMITS.namedVariable);
  if (long) {
    add(field, `{{${long}}} is too long: a variable name has at most ${TEMPLATE_LIMITS.namedVariable} characters`);
    return false;
  }
  return true;
}

function checkSamples(where: 'header' | 'body', variables: string[], examples: Record<string, string>, add: Add): void {
  for (const variable of variables) {
    const sample = examples[variable];
    const field = `${where}.examples.${variable}`;
    if (sample === undefined || sample.trim() === '') {
      add(field, `a sample value for {{${variable}}} is required (Meta reviews the template with it)`);
    } else if (sample.length > TEMPLATE_LIMITS.sample) {
      add(field, `is ${sample.length} characters; the maximum is ${TEMPLATE_LIMITS.sample}`);
    } else if (/\{\{|\}\}/.test(sample)) {
      add(field, 'a sample value cannot contain {{ or }}');
    }
  }
}

function checkFooter(text: string, add: Add): void {
  if (text.trim() === '') {
    add('footer.text', 'is required (or remove the footer)');
  }
  if (text.length > TEMPLATE_LIMITS.footer) {
    add('footer.text', `is ${text.length} characters; the maximum is ${TEMPLATE_LIMITS.footer}`);
  }
  if (variablesIn(text).length > 0) {
    add('footer.text', 'cannot contain variables');
  }
}

function checkButtons(buttons: TemplateButton[], add: Add): void {
  const count = (type: TemplateButton['type']) => buttons.filter((b) => b.type === type).length;
  if (buttons.length > TEMPLATE_LIMITS.buttons) {
    add('buttons', `a template has at most ${TEMPLATE_LIMITS.buttons} buttons (it has ${buttons.length})`);
  }
  const caps: Array<[TemplateButton['type'], number, string]> = [
    ['quick_reply', TEMPLATE_LIMITS.quickReplies, 'quick reply buttons'],
    ['url', TEMPLATE_LIMITS.urlButtons, 'website buttons'],
    ['phone_number', TEMPLATE_LIMITS.phoneButtons, 'call button'],
    ['copy_code', TEMPLATE_LIMITS.copyCodeButtons, 'copy code button'],
  ];
  for (const [type, max, label] of caps) {
    if (count(type) > max) {
      add('buttons', `at most ${max} ${label} (there are ${count(type)})`);
    }
  }
  const first = buttons.findIndex((b) => b.type === 'quick_reply');
  const last = buttons.findLastIndex((b) => b.type === 'quick_reply');
  if (first >= 0 && buttons.slice(first, last + 1).some((b) => b.type !== 'quick_reply')) {
    add('buttons', 'quick reply buttons must be next to each other (not mixed between call-to-action buttons)');
  }
  const labels = new Map<string, number>();
  buttons.forEach((button, index) => {
    const at = `buttons.${index}`;
    if (button.type !== 'copy_code') {
      checkButtonText(button.text, `${at}.text`, add);
      const key = button.text.trim().toLowerCase();
      if (key && labels.has(key)) {
        add(`${at}.text`, `"${button.text.trim()}" is already the label of button ${labels.get(key)! + 1}`);
      } else if (key) {
        labels.set(key, index);
      }
    }
    if (button.type === 'url') {
      checkUrlButton(button, at, add);
    } else if (button.type === 'phone_number') {
      checkPhone(button.phoneNumber, `${at}.phoneNumber`, add);
    } else if (button.type === 'copy_code') {
      const code = button.example.trim();
      if (code === '') {
        add(`${at}.example`, 'a sample code is required');
      } else if (code.length > TEMPLATE_LIMITS.copyCode) {
        add(`${at}.example`, `is ${code.length} characters; the maximum is ${TEMPLATE_LIMITS.copyCode}`);
      } else if (!/^[A-Za-z0-9]+$/.test(code)) {
        add(`${at}.example`, 'may only contain letters and digits');
      }
    }
  });
}

function checkButtonText(text: string, field: string, add: Add): void {
  if (text.trim() === '') {
    add(field, 'is required');
  } else if (text.length > TEMPLATE_LIMITS.buttonText) {
    add(field, `is ${text.length} characters; the maximum is ${TEMPLATE_LIMITS.buttonText}`);
  } else if (variablesIn(text).length > 0) {
    add(field, 'a button label cannot contain variables');
  }
}

function checkUrlButton(button: Extract<TemplateButton, { type: 'url' }>, at: string, add: Add): void {
  const url = button.url.trim();
  if (url === '') {
    add(`${at}.url`, 'is required');
    return;
  }
  if (url.length > TEMPLATE_LIMITS.url) {
    add(`${at}.url`, `is ${url.length} characters; the maximum is ${TEMPLATE_LIMITS.url}`);
  }
  const variables = variablesIn(url);
  if (variables.length > 1) {
    add(`${at}.url`, 'may contain at most one variable');
    return;
  }
  if (variables.length === 1 && (variables[0] !== '1' || !url.endsWith('{{1}}'))) {
    add(`${at}.url`, 'the variable must be {{1}} at the very end, e.g. https://shop.example/orders/{{1}}');
    return;
  }
  const base = url.replace('{{1}}', 'x');
  let parsed: URL | null = null;
  try {
    parsed = new URL(base);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname.includes('.')) {
    add(`${at}.url`, 'must be a web address starting with https:// or http://');
  }
  if (variables.length === 1 && !button.example?.trim()) {
    add(`${at}.example`, 'a sample value for the URL variable {{1}} is required');
  }
}

function checkPhone(phone: string, field: string, add: Add): void {
  const text = phone.trim();
  if (text === '') {
    add(field, 'is required');
    return;
  }
  const parsed = /^\+\d+$/.test(text) ? parsePhoneNumberFromString(text) : undefined;
  if (!parsed?.isValid() || text.length > TEMPLATE_LIMITS.phoneNumber) {
    add(field, `"${text}" is not a phone number in international format, like +14155550123`);
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
