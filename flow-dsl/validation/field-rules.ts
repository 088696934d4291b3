// `missing_field`: blanks a draft may hold but a published flow may not. Each node type lists its
// required fields as [data path, what it is] pairs for its current data.
import type { FlowDocument, FlowNode, FlowNodeOf } from '../document.ts';
import type { NodeType } from '../node-types.ts';
import { error, type Diagnostic } from './diagnostic.ts';

type Blank = [field: string, what: string];
type Rule<T extends NodeType> = (data: FlowNodeOf<T>['data']) => Blank[];

const blank = (value: string) => value.trim() === '';
const when = (condition: boolean, field: string, what: string): Blank[] => (condition ? [[field, what]] : []);
const each = <T>(items: readonly T[], check: (item: T, index: number) => Blank[]): Blank[] => items.flatMap(check);

const RULES: { [T in NodeType]?: Rule<T> } = {
  send_text: (d) => when(blank(d.text), 'text', 'the message text'),
  send_media: (d) => when(blank(d.link) && blank(d.mediaId), 'link', 'a media link or an uploaded file'),
  send_template: (d) => [
    ...when(blank(d.templateName), 'templateName', 'the template'),
    ...when(blank(d.language), 'language', 'the template language'),
  ],
  buttons: (d) => [
    ...when(blank(d.body), 'body', 'the message text'),
    ...each(d.buttons, (b, i) => [
      ...when(blank(b.id), `buttons.${i}.id`, 'a button id'),
      ...when(blank(b.title), `buttons.${i}.title`, 'a button title'),
    ]),
  ],
  list: (d) => [
    ...when(blank(d.body), 'body', 'the message text'),
    ...when(blank(d.buttonText), 'buttonText', 'the text of the list button'),
    ...each(d.sections, (s, i) =>
      each(s.rows, (r, j) => [
        ...when(blank(r.id), `sections.${i}.rows.${j}.id`, 'a row id'),
        ...when(blank(r.title), `sections.${i}.rows.${j}.title`, 'a row title'),
      ]),
    ),
  ],
  ask_question: (d) => [
    ...when(blank(d.prompt), 'prompt', 'the question'),
    ...when(blank(d.saveAs), 'saveAs', 'the variable to save the answer in'),
  ],
  condition: (d) => when(d.conditions.conditions.length === 0, 'conditions', 'at least one condition'),
  set_variable: (d) => [
    ...when(d.assignments.length === 0, 'assignments', 'at least one assignment'),
    ...each(d.assignments, (a, i) => when(blank(a.name), `assignments.${i}.name`, 'the variable name')),
  ],
  update_contact: (d) => [
    ...when(d.updates.length === 0, 'updates', 'at least one field to update'),
    ...each(d.updates, (u, i) => when(blank(u.field), `updates.${i}.field`, 'the contact field')),
  ],
  add_tag: (d) => tagRules(d.tags),
  remove_tag: (d) => tagRules(d.tags),
  http_request: (d) => [
    ...when(blank(d.url), 'url', 'the URL'),
    ...each(d.headers, (h, i) => when(blank(h.name), `headers.${i}.name`, 'the header name')),
    ...each(d.responseMapping, (m, i) => when(blank(m.variable), `responseMapping.${i}.variable`, 'the variable')),
  ],
  webhook: (d) => when(blank(d.url), 'url', 'the URL'),
  google_sheets: (d) => [
    ...when(blank(d.integrationId), 'integrationId', 'the Google account'),
    ...when(blank(d.spreadsheetId), 'spreadsheetId', 'the spreadsheet'),
    ...when(blank(d.sheet), 'sheet', 'the sheet'),
    ...(d.action === 'append'
      ? when(d.values.length === 0, 'values', 'the values to append')
      : [
          ...when(blank(d.lookupColumn), 'lookupColumn', 'the column to search'),
          ...when(blank(d.lookupValue), 'lookupValue', 'the value to find'),
        ]),
    ...each(d.resultMapping, (m, i) => when(blank(m.variable), `resultMapping.${i}.variable`, 'the variable')),
  ],
  data_table_lookup: (d) => [
    ...when(blank(d.tableId), 'tableId', 'the data table'),
    ...when(blank(d.column), 'column', 'the column to search'),
    ...each(d.resultMapping, (m, i) => [
      ...when(blank(m.variable), `resultMapping.${i}.variable`, 'the variable'),
      ...when(blank(m.column), `resultMapping.${i}.column`, 'the column'),
    ]),
  ],
  ab_split: (d) => each(d.variants, (v, i) => when(blank(v.id), `variants.${i}.id`, 'a variant id')),
  jump_to_flow: (d) => when(blank(d.flowId), 'flowId', 'the flow to jump to'),
  handoff: (d) =>
    d.target.type === 'team'
      ? when(blank(d.target.teamId), 'target.teamId', 'the team')
      : d.target.type === 'agent'
        ? when(blank(d.target.userId), 'target.userId', 'the agent')
        : [],
  ai_intent: (d) => [
    ...when(d.intents.length === 0, 'intents', 'at least one intent'),
    ...each(d.intents, (intent, i) => [
      ...when(blank(intent.id), `intents.${i}.id`, 'an intent id'),
      ...when(blank(intent.name), `intents.${i}.name`, 'an intent name'),
    ]),
  ],
  ai_reply: (d) => when(blank(d.knowledge) && blank(d.instructions), 'knowledge', 'the knowledge to answer from'),
};

export function fieldRules(document: FlowDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (blank(document.name)) {
    diagnostics.push(error('missing_field', 'The flow needs a name.', { field: 'name' }));
  }
  if (document.trigger.type === 'keyword') {
    if (document.trigger.keywords.every((keyword) => blank(keyword.value))) {
      diagnostics.push(error('missing_field', 'A keyword trigger needs a keyword.', { field: 'trigger.keywords' }));
    }
  }
  for (const node of document.nodes) {
    for (const [field, what] of blanksOf(node)) {
      diagnostics.push(error('missing_field', `${node.id} needs ${what}.`, { nodeId: node.id, field }));
    }
  }
  return diagnostics;
}

function blanksOf(node: FlowNode): Blank[] {
  const rule = RULES[node.type] as Rule<NodeType> | undefined;
  return rule ? rule(node.data as never) : [];
}

function tagRules(tags: readonly string[]): Blank[] {
  return [
    ...when(tags.length === 0, 'tags', 'at least one tag'),
    ...each(tags, (tag, i) => when(blank(tag), `tags.${i}`, 'a tag name')),
  ];
}
