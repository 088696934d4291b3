// What a node card shows so a flow reads without opening each node: its message, question,
// condition or request in a few short lines. Pure; the cards and the tests share it.
import type { FlowNode } from '#flow-dsl/document';
import { isConditionGroup, type Condition, type ConditionGroup } from '#flow-dsl/conditions';

const MAX_LINE = 140;

export function nodeSummary(node: FlowNode): string[] {
  const lines = summaryOf(node).filter((line) => line.trim() !== '');
  return lines.map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line));
}

function summaryOf(node: FlowNode): string[] {
  switch (node.type) {
    case 'start':
      return ['The flow begins here'];
    case 'send_text':
      return [node.data.text || 'Empty message'];
    case 'send_media':
      return [`${node.data.mediaType}: ${node.data.link || node.data.mediaId || 'no file chosen'}`, node.data.caption];
    case 'send_template':
      return [node.data.templateName ? `${node.data.templateName} (${node.data.language})` : 'No template chosen'];
    case 'buttons':
      return [node.data.body || 'No question text', saveAs(node.data.saveAs)];
    case 'list':
      return [node.data.body || 'No question text', `Button: ${node.data.buttonText}`, saveAs(node.data.saveAs)];
    case 'ask_question':
      return [node.data.prompt || 'No question text', `Expects ${node.data.inputType}`, saveAs(node.data.saveAs)];
    case 'condition':
      return [conditionText(node.data.conditions) || 'No conditions yet'];
    case 'set_variable':
      return node.data.assignments.map((a) => `${a.name || '?'} = ${a.value}`);
    case 'update_contact':
      return node.data.updates.map((u) => `${u.field || '?'} = ${u.value}`);
    case 'add_tag':
    case 'remove_tag':
      return [node.data.tags.length > 0 ? node.data.tags.join(', ') : 'No tags'];
    case 'http_request':
      return [`${node.data.method} ${node.data.url || 'no URL'}`];
    case 'webhook':
      return [`POST ${node.data.url || 'no URL'}`];
    case 'google_sheets':
      return [`${node.data.action === 'lookup' ? 'Look up in' : 'Append to'} ${node.data.sheet || 'a sheet'}`];
    case 'data_table_lookup':
      return [node.data.column ? `Find ${node.data.column} = ${node.data.value}` : 'No column chosen'];
    case 'delay':
      return [`Wait ${node.data.amount} ${node.data.unit}`];
    case 'business_hours':
      return [node.data.hours === 'workspace' ? 'Workspace opening hours' : 'Custom opening hours'];
    case 'ab_split':
      return [`${node.data.variants.length} variants`];
    case 'jump_to_flow':
      return [node.data.flowId ? 'Continues in another flow' : 'No flow chosen'];
    case 'handoff':
      return [handoffText(node.data.target), node.data.message];
    case 'close_conversation':
      return [node.data.message || 'Closes the conversation'];
    case 'ai_intent':
      return [`${node.data.intents.length} intents from ${node.data.input}`];
    case 'ai_reply':
      return [node.data.instructions || 'Answers from your knowledge text'];
    case 'end':
      return ['The flow ends here'];
  }
}

function saveAs(variable: string): string {
  return variable ? `Saves to {{vars.${variable}}}` : '';
}

function handoffText(target: Extract<FlowNode, { type: 'handoff' }>['data']['target']): string {
  if (target.type === 'team') {
    return 'To a team';
  }
  return target.type === 'agent' ? 'To an agent' : 'To the next free agent';
}

/** `status equals "ready" and (tags contains "vip" or …)`: nested groups in brackets. */
export function conditionText(group: ConditionGroup, nested = false): string {
  const parts = group.conditions.map((item) =>
    isConditionGroup(item) ? conditionText(item, true) : conditionItemText(item),
  );
  const text = parts.filter(Boolean).join(` ${group.op} `);
  return nested && parts.length > 1 ? `(${text})` : text;
}

function conditionItemText(item: Condition): string {
  const left = item.left.key ? `${item.left.source}.${item.left.key}` : item.left.source;
  const operator = item.operator.replace(/_/g, ' ');
  if (item.operator === 'is_empty' || item.operator === 'is_not_empty') {
    return `${left} ${operator}`;
  }
  const isList = item.operator === 'in_list' || item.operator === 'not_in_list';
  const value = isList ? (item.values ?? []).join(', ') : (item.value ?? '');
  return `${left} ${operator} "${value}"`;
}
