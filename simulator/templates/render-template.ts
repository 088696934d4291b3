// A template send as the customer's phone shows it: variables filled in, buttons with the
// payloads the business attached (so a quick-reply tap can echo them, contract §4 `button`).
import type { z } from 'zod';
import type { templateMessageSchema } from '#api/whatsapp/schemas';
import type { RenderedTemplate, TemplateRecord } from '../state/simulator-state.ts';
import { buttonsOf, componentOf, fillVariables, parameterText, textOf, variablesIn } from './template-variables.ts';

type TemplateMessage = z.output<typeof templateMessageSchema>;
type SendComponent = NonNullable<TemplateMessage['components']>[number];

export function renderTemplate(template: TemplateRecord, message: TemplateMessage): RenderedTemplate {
  const sent = message.components ?? [];
  const header = componentOf(template.components, 'HEADER');
  const format = String(header?.format ?? 'TEXT').toUpperCase();
  return {
    name: template.name,
    language: template.language,
    category: template.category,
    header: !header ? null : format === 'TEXT' ? fill(textOf(header), template, findOf(sent, 'header')) : `[${format}]`,
    body: fill(textOf(componentOf(template.components, 'BODY')), template, findOf(sent, 'body')) ?? '',
    footer: textOf(componentOf(template.components, 'FOOTER')) ?? null,
    buttons: buttonsOf(template.components).map((button, index) => {
      const parameter = sent.find((c) => c.type === 'button' && Number(c.index) === index)?.parameters?.[0];
      const payload =
        button.type === 'QUICK_REPLY' && typeof parameter?.payload === 'string' ? parameter.payload : null;
      return { type: button.type, text: button.text, payload };
    }),
  };
}

function findOf(sent: SendComponent[], type: string): SendComponent | undefined {
  return sent.find((c) => c.type === type);
}

function fill(text: string | undefined, template: TemplateRecord, component: SendComponent | undefined) {
  if (text === undefined) {
    return null;
  }
  const parameters = component?.parameters ?? [];
  const names = variablesIn(text);
  const values = new Map<string, string>(
    template.parameterFormat === 'named'
      ? parameters.map((p) => [String(p.parameter_name), parameterText(p)])
      : parameters.map((p, i) => [names.includes(String(i + 1)) ? String(i + 1) : (names[i] ?? ''), parameterText(p)]),
  );
  return fillVariables(text, values);
}
