// What templates and conditions read while a session runs. The interpreter owns it; flow-dsl only
// reads it, so every evaluator here is a pure function of (data, scope).

export type FlowScopeContact = {
  id: string;
  name: string | null;
  phone: string;
  waId: string;
  fields: Record<string, unknown>;
  tags: string[];
};

export type FlowScope = {
  contact: FlowScopeContact;
  vars: Record<string, unknown>;
  /** The text of the customer's last message (or the title of the button they tapped). */
  lastInput: string | null;
  /** The response of the last http_request node. */
  http: { status: number; body: unknown } | null;
};

/** The names templates use for the scope's roots: `{{contact.name}}`, `{{last_input}}`, … */
export const TEMPLATE_ROOTS = ['contact', 'vars', 'last_input', 'http'] as const;
export type TemplateRoot = (typeof TEMPLATE_ROOTS)[number];

export function scopeRoot(scope: FlowScope, root: string): unknown {
  switch (root) {
    case 'contact':
      return scope.contact;
    case 'vars':
      return scope.vars;
    case 'last_input':
      return scope.lastInput;
    case 'http':
      return scope.http;
    default:
      return undefined;
  }
}

export function emptyScope(): FlowScope {
  return {
    contact: { id: '', name: null, phone: '', waId: '', fields: {}, tags: [] },
    vars: {},
    lastInput: null,
    http: null,
  };
}
