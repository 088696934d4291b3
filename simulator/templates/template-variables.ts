// Template variables: `{{1}}…{{n}}` (positional) or `{{first_name}}` (named), contract §9.
const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Variables in order of first appearance, without repeats. */
export function variablesIn(text: string | undefined): string[] {
  if (!text) {
    return [];
  }
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1] ?? ''))];
}

export function fillVariables(text: string, values: Map<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values.get(name) ?? whole);
}

/** A send parameter as the text the customer reads (text, currency, date_time fallbacks). */
export function parameterText(parameter: Record<string, unknown>): string {
  const nested = (key: string) => (parameter[key] as { fallback_value?: unknown } | undefined)?.fallback_value;
  const value =
    parameter.text ?? nested('currency') ?? nested('date_time') ?? parameter.payload ?? parameter.coupon_code;
  return typeof value === 'string' ? value : `[${String(parameter.type)}]`;
}

export type ComponentDefinition = {
  type?: unknown;
  format?: unknown;
  text?: unknown;
  buttons?: unknown;
  example?: unknown;
};

export function componentOf(components: Array<Record<string, unknown>>, type: string): ComponentDefinition | undefined {
  return components.find((c) => String(c.type).toUpperCase() === type) as ComponentDefinition | undefined;
}

export function textOf(component: ComponentDefinition | undefined): string | undefined {
  return typeof component?.text === 'string' ? component.text : undefined;
}

export type ButtonDefinition = { type: string; text: string; url?: string };

export function buttonsOf(components: Array<Record<string, unknown>>): ButtonDefinition[] {
  const buttons = componentOf(components, 'BUTTONS')?.buttons;
  return Array.isArray(buttons) ? (buttons as ButtonDefinition[]) : [];
}
