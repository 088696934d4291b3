// The template checks Meta makes on a send (contract §7.4, §11): the (name, language) must exist
// and be APPROVED (132001; PAUSED 132015, DISABLED 132016), parameter counts must match the
// stored template's variables (132000), and a media header needs a parameter of its format (132012).
import type { z } from 'zod';
import type { templateMessageSchema } from '#api/whatsapp/schemas';
import { GraphError, invalidParameter } from '../graph/graph-error.ts';
import type { SimulatorStore } from '../state/simulator-store.ts';
import type { TemplateRecord } from '../state/simulator-state.ts';
import { buttonsOf, componentOf, textOf, variablesIn } from './template-variables.ts';

type TemplateMessage = z.output<typeof templateMessageSchema>;
type SendComponent = NonNullable<TemplateMessage['components']>[number];

export function checkTemplateSend(store: SimulatorStore, wabaId: string, message: TemplateMessage): TemplateRecord {
  const template = store.findTemplate(wabaId, message.name, message.language.code);
  if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
    throw new GraphError(132001, `template name (${message.name}) does not exist in ${message.language.code}`);
  }
  if (template.status === 'PAUSED') {
    throw new GraphError(132015, `Template ${message.name} is paused due to low quality and cannot be sent.`);
  }
  if (template.status === 'DISABLED') {
    throw new GraphError(132016, `Template ${message.name} is disabled and cannot be sent.`);
  }
  const sent = message.components ?? [];
  checkHeader(
    template,
    sent.find((c) => c.type === 'header'),
  );
  checkParameters(template, 'body', variablesIn(textOf(componentOf(template.components, 'BODY'))), sent);
  buttonsOf(template.components).forEach((button, index) => {
    const expected = button.type === 'URL' ? variablesIn(button.url).length : 0;
    const component = sent.find((c) => c.type === 'button' && Number(c.index) === index);
    const given = button.type === 'URL' ? (component?.parameters?.length ?? 0) : expected;
    if (given !== expected) {
      throw countMismatch(`button at index ${index}`, given, expected);
    }
  });
  return template;
}

function checkHeader(template: TemplateRecord, sent: SendComponent | undefined): void {
  const header = componentOf(template.components, 'HEADER');
  const format = String(header?.format ?? 'TEXT').toUpperCase();
  if (header && format !== 'TEXT') {
    const parameter = sent?.parameters?.[0];
    if (String(parameter?.type ?? 'unknown').toUpperCase() !== format) {
      throw new GraphError(
        132012,
        `header: Format mismatch, expected ${format}, received ${String(parameter?.type ?? 'UNKNOWN').toUpperCase()}`,
      );
    }
    return;
  }
  checkParameters(template, 'header', variablesIn(textOf(header)), sent ? [sent] : []);
}

function checkParameters(
  template: TemplateRecord,
  type: 'header' | 'body',
  variables: string[],
  sent: SendComponent[],
) {
  const parameters = sent.find((c) => c.type === type)?.parameters ?? [];
  if (parameters.length !== variables.length) {
    throw countMismatch(type, parameters.length, variables.length);
  }
  if (template.parameterFormat !== 'named') {
    return;
  }
  if (parameters.some((p) => !p.parameter_name)) {
    throw invalidParameter(`${type}: Parameter name is missing or empty`);
  }
  const missing = variables.filter((name) => !parameters.some((p) => p.parameter_name === name));
  if (missing.length > 0) {
    throw new GraphError(132000, `${type}: parameters ${missing.join(', ')} are missing`);
  }
}

function countMismatch(where: string, given: number, expected: number): GraphError {
  return new GraphError(
    132000,
    `${where}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
  );
}
