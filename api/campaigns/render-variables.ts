// One recipient's campaign message: the variant's message with its template variables filled from
// the contact (docs/campaigns.md). Pure, so the sending activity can render thousands per batch.
//
// A media header sends the variant's library file, else the template's own (its sample), by its
// media-library id: the sender uploads it to the number once (activities/messaging/library-media.ts).
//
// A variable whose contact field is empty uses the binding's default when the campaign chose
// `missingVariable: 'default'` and the binding has one; otherwise the recipient is skipped
// (Meta refuses an empty parameter, and a message reading "Hi ," is worse than none).
import { headerMediaComponent, mediaHeaderOf } from '../templates/header-media.ts';
import { distinctVariables } from '../templates/rule-schemas.ts';
import type { OutboundContent } from '../whatsapp/schemas.ts';
import type { VariableBinding, VariantMessage } from './schemas.ts';

/** The stored template a template variant names (MessageTemplate). */
export type StoredTemplate = {
  name: string;
  language: string;
  /** Meta's components as stored: HEADER, BODY, FOOTER, BUTTONS. */
  components: unknown;
  parameterFormat: string;
};

export type RecipientContact = {
  name: string | null;
  phone: string;
  email: string | null;
  language: string | null;
  fields: unknown;
};

export type RenderedMessage = { content: OutboundContent; text: string | null };
export type RenderOutcome = RenderedMessage | { skip: 'missing_variable' };

type Component = { type?: unknown; format?: unknown; text?: unknown };

export function renderCampaignMessage(input: {
  message: VariantMessage;
  template: StoredTemplate | null;
  contact: RecipientContact;
  missingVariable: 'skip' | 'default';
}): RenderOutcome {
  const { message, template, contact, missingVariable } = input;
  if (message.kind === 'text') {
    return { content: { type: 'text', text: { body: message.text } }, text: message.text };
  }
  if (!template) {
    throw new Error(`The template ${message.templateId} of this campaign no longer exists`);
  }
  const resolve = (binding: VariableBinding | undefined): string | null => {
    if (!binding) {
      return null;
    }
    if (binding.source === 'text') {
      return binding.value;
    }
    const value = contactValue(contact, binding.field);
    if (value !== null) {
      return value;
    }
    return missingVariable === 'default' && binding.default ? binding.default : null;
  };
  const named = template.parameterFormat === 'named';
  const components = Array.isArray(template.components) ? (template.components as Component[]) : [];
  const find = (type: string) => components.find((c) => String(c.type).toUpperCase() === type);

  const send: NonNullable<Extract<OutboundContent, { type: 'template' }>['template']['components']> = [];
  const header = find('HEADER');
  const mediaHeader = header ? mediaHeaderOf([header]) : null;
  if (mediaHeader) {
    const file = message.headerMediaId ?? mediaHeader.mediaId;
    if (!file) {
      throw new Error(`The ${mediaHeader.format} header of template ${template.name} has no file to send`);
    }
    send.push(headerMediaComponent(mediaHeader.format, file));
  }
  const headerVariables = header && isTextHeader(header) ? distinctVariables(String(header.text ?? '')) : [];
  if (headerVariables.length > 0) {
    const value = resolve(message.headerVariable);
    if (value === null) {
      return { skip: 'missing_variable' };
    }
    send.push({ type: 'header', parameters: [parameter(value, named ? headerVariables[0] : undefined)] });
  }

  const bodyText = String(find('BODY')?.text ?? '');
  const bodyVariables = distinctVariables(bodyText);
  const values = new Map<string, string>();
  for (const [index, variable] of bodyVariables.entries()) {
    // Positional {{n}} takes the n-th binding; named ones take them in the template's order.
    const position = named ? index : Number(variable) - 1;
    const value = resolve(message.bodyVariables[position]);
    if (value === null) {
      return { skip: 'missing_variable' };
    }
    values.set(variable, value);
  }
  if (bodyVariables.length > 0) {
    const ordered = named ? bodyVariables : [...bodyVariables].sort((a, b) => Number(a) - Number(b));
    send.push({
      type: 'body',
      parameters: ordered.map((variable) => parameter(values.get(variable)!, named ? variable : undefined)),
    });
  }
  const content: OutboundContent = {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(send.length > 0 ? { components: send } : {}),
    },
  };
  const text = bodyText.replace(/\{\{([^{}]*)\}\}/g, (whole, name: string) => values.get(name.trim()) ?? whole);
  return { content, text: text || `[template ${template.name}]` };
}

function isTextHeader(header: Component): boolean {
  return String(header.format ?? 'TEXT').toUpperCase() === 'TEXT';
}

function parameter(text: string, name: string | undefined) {
  return { type: 'text' as const, text: sanitize(text), ...(name ? { parameter_name: name } : {}) };
}

/** Meta refuses parameters with new lines, tabs or more than four spaces in a row (132018). */
function sanitize(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/ {4,}/g, '   ');
}

/** A contact field as text; null when it is absent or blank. */
export function contactValue(contact: RecipientContact, field: string): string | null {
  let value: unknown;
  if (field.startsWith('fields.')) {
    const fields =
      contact.fields && typeof contact.fields === 'object' ? (contact.fields as Record<string, unknown>) : {};
    value = fields[field.slice('fields.'.length)];
  } else if (field === 'name' || field === 'phone' || field === 'email' || field === 'language') {
    value = contact[field];
  }
  if (value === null || value === undefined) {
    return null;
  }
  if (Array.isArray(value)) {
    value = value.join(', ');
  }
  const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
  return text === '' ? null : text;
}
