// HTTP bodies and webhook payloads are JSON templates: `{"email": "{{vars.email}}"}`. Checking one
// means checking the JSON around the references, each standing in for a plain value.
import { templateReferences } from '#flow-dsl/template';

const REFERENCE = /\{\{[^{}]*\}\}/g;

/** null when the template is blank or valid JSON once filled in; else why it is not. */
export function jsonTemplateProblem(template: string): string | null {
  if (template.trim() === '') {
    return null;
  }
  // A reference inside quotes is part of a string; a bare one stands for a number.
  const filled = template.replace(REFERENCE, (_match, offset: number) => (insideString(template, offset) ? 'x' : '0'));
  try {
    JSON.parse(filled);
    return null;
  } catch (error) {
    return error instanceof Error ? `Not valid JSON: ${error.message}` : 'Not valid JSON.';
  }
}

/** Names of the variables (`{{vars.x}}`) a set of templates reads, in first-use order. */
export function variablesUsed(templates: readonly string[]): string[] {
  const names = templates
    .flatMap((template) => templateReferences(template))
    .filter((reference) => reference.root === 'vars' && reference.segments.length > 0)
    .map((reference) => reference.segments[0] as string);
  return [...new Set(names)];
}

function insideString(text: string, offset: number): boolean {
  let inside = false;
  for (let i = 0; i < offset; i += 1) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text[i] === '"') {
      inside = !inside;
    }
  }
  return inside;
}
