// Between Parley's template definition (what the editor edits) and Meta's components with their
// examples (what is stored and submitted, contract §9). The stored form keeps one Parley key,
// `parley_media_id` on a media header (the library file used as the sample); it is replaced by
// Meta's `example.header_handle` when submitting.
import { distinctVariables } from './rule-schemas.ts';
import type { ParameterFormat, TemplateButton, TemplateDefinition, TemplateHeader } from './schemas.ts';

export type MetaComponent = Record<string, unknown> & { type: string };

const MEDIA_KEY = 'parley_media_id';

export function toMetaComponents(
  definition: TemplateDefinition,
  format: ParameterFormat,
  submit?: { headerHandle: string | null },
): MetaComponent[] {
  const components: MetaComponent[] = [];
  const { header, body, footer, buttons } = definition;
  if (header?.format === 'text') {
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: header.text,
      ...examplesFor('header_text', header.text, header.examples, format),
    });
  } else if (header) {
    components.push({
      type: 'HEADER',
      format: header.format.toUpperCase(),
      ...(submit
        ? { example: { header_handle: submit.headerHandle ? [submit.headerHandle] : [] } }
        : { [MEDIA_KEY]: header.mediaId }),
    });
  }
  components.push({ type: 'BODY', text: body.text, ...examplesFor('body_text', body.text, body.examples, format) });
  if (footer) {
    components.push({ type: 'FOOTER', text: footer.text });
  }
  if (buttons.length > 0) {
    components.push({ type: 'BUTTONS', buttons: buttons.map(toMetaButton) });
  }
  return components;
}

function examplesFor(
  key: 'header_text' | 'body_text',
  text: string,
  examples: Record<string, string>,
  format: ParameterFormat,
) {
  const variables = distinctVariables(text);
  if (variables.length === 0) {
    return {};
  }
  if (format === 'named') {
    return {
      example: {
        [`${key}_named_params`]: variables.map((name) => ({ param_name: name, example: examples[name] ?? '' })),
      },
    };
  }
  const ordered = [...variables].sort((a, b) => Number(a) - Number(b)).map((v) => examples[v] ?? '');
  // Meta: body examples are a list of one list; a header's a flat list.
  return { example: { [key]: key === 'body_text' ? [ordered] : ordered } };
}

function toMetaButton(button: TemplateButton): Record<string, unknown> {
  switch (button.type) {
    case 'quick_reply':
      return { type: 'QUICK_REPLY', text: button.text };
    case 'url':
      return {
        type: 'URL',
        text: button.text,
        url: button.url,
        ...(button.example && button.url.includes('{{') ? { example: [button.example] } : {}),
      };
    case 'phone_number':
      return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
    case 'copy_code':
      return { type: 'COPY_CODE', text: 'Copy offer code', example: button.example };
  }
}

/** Meta's (or our stored) components as an editable definition; unknown parts are left out. */
export function fromMetaComponents(raw: unknown): TemplateDefinition {
  const components = Array.isArray(raw) ? (raw as MetaComponent[]) : [];
  const find = (type: string) => components.find((c) => String(c.type).toUpperCase() === type);
  const bodyComponent = find('BODY');
  const bodyText = str(bodyComponent?.text);
  const headerComponent = find('HEADER');
  const footer = find('FOOTER');
  const buttons = find('BUTTONS');
  return {
    header: headerComponent ? toHeader(headerComponent) : null,
    body: { text: bodyText, examples: examplesOf(bodyComponent, 'body_text', bodyText) },
    footer: footer ? { text: str(footer.text) } : null,
    buttons: Array.isArray(buttons?.buttons)
      ? (buttons.buttons as Array<Record<string, unknown>>).flatMap((b) => {
          const button = fromMetaButton(b);
          return button ? [button] : [];
        })
      : [],
  };
}

function toHeader(component: MetaComponent): TemplateHeader | null {
  const format = str(component.format || 'TEXT').toLowerCase();
  if (format === 'text') {
    const text = str(component.text);
    return { format: 'text', text, examples: examplesOf(component, 'header_text', text) };
  }
  if (format === 'image' || format === 'video' || format === 'document') {
    const mediaId = component[MEDIA_KEY];
    return { format, mediaId: typeof mediaId === 'string' ? mediaId : null };
  }
  return null; // LOCATION headers are not edited in Parley
}

function examplesOf(component: MetaComponent | undefined, key: string, text: string): Record<string, string> {
  const example = (component?.example ?? {}) as Record<string, unknown>;
  const named = example[`${key}_named_params`];
  if (Array.isArray(named)) {
    return Object.fromEntries(
      named.map((p: { param_name?: unknown; example?: unknown }) => [str(p.param_name), str(p.example)]),
    );
  }
  const given = example[key];
  const values = key === 'body_text' && Array.isArray(given) ? given[0] : given;
  if (!Array.isArray(values)) {
    return {};
  }
  const numbers = distinctVariables(text)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(a) - Number(b));
  return Object.fromEntries(numbers.map((v, i) => [v, str(values[i])]));
}

function fromMetaButton(button: Record<string, unknown>): TemplateButton | null {
  switch (str(button.type).toUpperCase()) {
    case 'QUICK_REPLY':
      return { type: 'quick_reply', text: str(button.text) };
    case 'URL': {
      const example = Array.isArray(button.example) ? button.example[0] : button.example;
      return {
        type: 'url',
        text: str(button.text),
        url: str(button.url),
        ...(example !== undefined ? { example: str(example) } : {}),
      };
    }
    case 'PHONE_NUMBER':
      return { type: 'phone_number', text: str(button.text), phoneNumber: str(button.phone_number) };
    case 'COPY_CODE':
      return { type: 'copy_code', example: str(Array.isArray(button.example) ? button.example[0] : button.example) };
    default:
      return null;
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
