// `undefined_variable`: a template or condition reads a variable that no node sets and the
// document does not declare, so it would always be blank (usually a typo).
import type { FlowDocument, FlowNode } from '../document.ts';
import { templateVariables } from '../template.ts';
import { error, type Diagnostic } from './diagnostic.ts';
import { conditionsOf } from './expression-rules.ts';

/** The variables a node writes. */
export function variablesSetBy(node: FlowNode): string[] {
  switch (node.type) {
    case 'buttons':
    case 'list':
    case 'ask_question':
    case 'ai_reply':
      return [node.data.saveAs];
    case 'set_variable':
      return node.data.assignments.map((assignment) => assignment.name);
    case 'http_request':
      return node.data.responseMapping.map((mapping) => mapping.variable);
    case 'google_sheets':
    case 'data_table_lookup':
      return node.data.resultMapping.map((mapping) => mapping.variable);
    default:
      return [];
  }
}

/** Declared variables and every variable a node sets, sorted (FlowProgram.variables). */
export function flowVariables(document: FlowDocument, nodes: readonly FlowNode[] = document.nodes): string[] {
  const names = [...document.variables.map((variable) => variable.name), ...nodes.flatMap(variablesSetBy)];
  return [...new Set(names.filter((name) => name !== ''))].sort();
}

export function variableRules(document: FlowDocument): Diagnostic[] {
  const known = new Set(flowVariables(document));
  const diagnostics: Diagnostic[] = [];
  for (const node of document.nodes) {
    const unknown = [...new Set(variablesReadBy(node))].filter((name) => !known.has(name));
    for (const name of unknown) {
      const message = `${node.id} reads {{vars.${name}}}, which no node sets and the flow does not declare.`;
      diagnostics.push(error('undefined_variable', message, { nodeId: node.id }));
    }
  }
  return diagnostics;
}

/** Variables read by the node's templates (any text in its data) and its conditions. */
export function variablesReadBy(node: FlowNode): string[] {
  const fromTemplates = stringsIn(node.data).flatMap(templateVariables);
  const fromConditions =
    node.type === 'condition'
      ? conditionsOf(node.data.conditions, 'conditions')
          .filter(([condition]) => condition.left.source === 'var')
          .map(([condition]) => condition.left.key.split('.')[0]?.trim() ?? '')
          .filter((name) => name !== '')
      : [];
  return [...fromTemplates, ...fromConditions];
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsIn);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap(stringsIn);
  }
  return [];
}
