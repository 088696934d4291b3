// The template language of every text field: `{{contact.name}}`, `{{vars.order_id}}`,
// `{{http.body.items.0.name}}`, `{{contact.name | "there"}}`; `\{{` is a literal `{{`.
// Deliberately tiny (no logic, no filters) so the builder can highlight and check references.
import { getPath, splitPath, valueToText } from './path.ts';
import { scopeRoot, type FlowScope } from './scope.ts';

export type TemplateEscape = 'none' | 'json' | 'url';

export type TemplateReference = {
  /** The path as written, e.g. `vars.order_id` or `last_input`. */
  path: string;
  /** The first segment: contact, vars, last_input or http (anything else renders as missing). */
  root: string;
  /** The segments after the root. */
  segments: string[];
  fallback: string | null;
};

/** Rendered text that is still the scheme and host of a URL (or nothing yet). */
const URL_BASE = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?$/i;
// One alternation so an escaped `\{{` is consumed before it can open a reference.
const TOKEN = /\\\{\{|\{\{\s*([^{}|"]*?)\s*(?:\|\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;

/**
 * Renders a template. The escape mode applies to substituted values only. In `url` mode a value
 * that lands before the URL's path (`{{vars.api_base}}/repairs`, `https://{{vars.host}}/x`) is the
 * base address and goes in as is; values in the path, query or fragment are percent-encoded.
 */
export function interpolate(
  template: string,
  scope: FlowScope,
  options: { escape: TemplateEscape } = { escape: 'none' },
): string {
  let output = '';
  let consumed = 0;
  for (const match of template.matchAll(TOKEN)) {
    output += template.slice(consumed, match.index);
    consumed = match.index + match[0].length;
    if (match[1] === undefined) {
      output += '{{';
      continue;
    }
    const reference = toReference(match[1], match[2]);
    const text = valueToText(getPath(scopeRoot(scope, reference.root), reference.segments));
    const chosen = text === '' && reference.fallback !== null ? reference.fallback : text;
    const escape = options.escape === 'url' && URL_BASE.test(output) ? 'none' : options.escape;
    output += escapeValue(chosen, escape);
  }
  return output + template.slice(consumed);
}

export function templateReferences(template: string): TemplateReference[] {
  const references: TemplateReference[] = [];
  for (const match of template.matchAll(TOKEN)) {
    if (match[1] !== undefined) {
      references.push(toReference(match[1], match[2]));
    }
  }
  return references;
}

/** The variables a template reads (`{{vars.x.y}}` → `x`). */
export function templateVariables(template: string): string[] {
  return templateReferences(template)
    .filter((reference) => reference.root === 'vars' && reference.segments.length > 0)
    .map((reference) => reference.segments[0] as string);
}

function toReference(path: string, fallback: string | undefined): TemplateReference {
  const [root = '', ...segments] = splitPath(path);
  return {
    path: path.trim(),
    root,
    segments,
    fallback: fallback === undefined ? null : fallback.replace(/\\(.)/g, '$1'),
  };
}

function escapeValue(text: string, escape: TemplateEscape): string {
  switch (escape) {
    case 'json':
      // The value lands inside a JSON string literal the template author wrote: "{{vars.x}}".
      return JSON.stringify(text).slice(1, -1);
    case 'url':
      return encodeURIComponent(text);
    default:
      return text;
  }
}
