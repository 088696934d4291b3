// Which `data` keys the inspector edits for each node type, and how. The mapped type makes a key
// the schema adds without an editor a type error; tests/unit/flow-builder/inspector-fields.test.ts
// checks the same against NODE_DATA_SCHEMAS at run time (keys, item keys, enum options, bounds).
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import type { NodeData, NodeType } from '#flow-dsl/catalogue';
import { MAX_HTTP_TIMEOUT_SECONDS } from '#flow-dsl/nodes/http_request/schema';
import { MAX_REPLY_TIMEOUT_SECONDS } from '#flow-dsl/nodes/shared/fields';
import {
  DELAY_UNIT_OPTIONS,
  HTTP_METHOD_OPTIONS,
  INPUT_TYPE_OPTIONS,
  MEDIA_TYPE_OPTIONS,
  SHEET_ACTION_OPTIONS,
} from './field-options.ts';
import type { FieldSpec, InspectorFields, NodeFieldSpecs } from './field-spec.ts';

const { buttons: B, list: L, textBody, mediaCaption } = WHATSAPP_LIMITS;

const replySettings = {
  saveAs: { kind: 'variable', label: 'Save the answer as', hint: 'A variable later steps can use.' },
  timeoutSeconds: { kind: 'duration', label: 'Stop waiting after', min: 1, max: MAX_REPLY_TIMEOUT_SECONDS },
  retryPrompt: {
    kind: 'message',
    label: 'When the answer does not fit, say',
    limit: textBody,
    hint: 'Leave blank to ask the same question again.',
  },
  maxAttempts: { kind: 'number', label: 'Attempts before giving up', min: 1, max: 10, integer: true },
} as const satisfies Record<string, FieldSpec>;

const columnMapping: FieldSpec = {
  kind: 'items',
  label: 'Save columns as variables',
  item: { variable: 'variable', column: 'text' },
};

export const INSPECTOR_FIELDS: InspectorFields = {
  start: {},
  end: {},
  send_text: {
    text: { kind: 'message', label: 'Message', limit: textBody },
    previewUrl: { kind: 'toggle', label: 'Show a preview of the first link' },
  },
  send_media: {
    mediaType: { kind: 'select', label: 'Media type', options: MEDIA_TYPE_OPTIONS },
    link: { kind: 'template', label: 'Link to the file', placeholder: 'https://' },
    mediaId: { kind: 'text', label: 'Uploaded media id' },
    caption: { kind: 'message', label: 'Caption', limit: mediaCaption },
    filename: { kind: 'template', label: 'File name the customer sees', placeholder: 'invoice.pdf' },
  },
  send_template: {
    templateName: { kind: 'text', label: 'Template name', limit: WHATSAPP_LIMITS.template.name },
    language: { kind: 'text', label: 'Language code', placeholder: 'en_US' },
    headerParams: { kind: 'strings', label: 'Header parameters', itemLabel: 'Header', template: true },
    bodyParams: { kind: 'strings', label: 'Body parameters', itemLabel: 'Body', template: true },
    buttonParams: { kind: 'strings', label: 'Button parameters', itemLabel: 'Button', template: true },
  },
  buttons: {
    body: { kind: 'message', label: 'Message', limit: B.body },
    header: { kind: 'text', label: 'Header', limit: B.headerText },
    footer: { kind: 'text', label: 'Footer', limit: B.footer },
    buttons: { kind: 'items', label: 'Buttons', item: { id: 'generated', title: 'text' }, min: 1, max: B.max },
    ...replySettings,
  },
  list: {
    body: { kind: 'message', label: 'Message', limit: L.body },
    buttonText: { kind: 'text', label: 'List button', limit: L.button, hint: 'Opens the list on the phone.' },
    header: { kind: 'text', label: 'Header', limit: L.headerText },
    footer: { kind: 'text', label: 'Footer', limit: L.footer },
    sections: { kind: 'custom', label: 'Options' },
    ...replySettings,
  },
  ask_question: {
    prompt: { kind: 'message', label: 'Question', limit: textBody },
    inputType: { kind: 'select', label: 'Expected answer', options: INPUT_TYPE_OPTIONS },
    validation: { kind: 'custom', label: 'Answer rules' },
    ...replySettings,
  },
  condition: { conditions: { kind: 'custom', label: 'Conditions' } },
  set_variable: {
    assignments: { kind: 'items', label: 'Variables to set', item: { name: 'variable', value: 'template' } },
  },
  update_contact: {
    updates: { kind: 'items', label: 'Fields to update', item: { field: 'text', value: 'template' } },
  },
  add_tag: { tags: { kind: 'tags', label: 'Tags to add' } },
  remove_tag: { tags: { kind: 'tags', label: 'Tags to remove' } },
  http_request: {
    method: { kind: 'select', label: 'Method', options: HTTP_METHOD_OPTIONS },
    url: { kind: 'template', label: 'URL', placeholder: 'https://api.example.com/orders/{{vars.order_id}}' },
    headers: { kind: 'items', label: 'Headers', item: { name: 'text', value: 'template' } },
    body: { kind: 'json', label: 'Body (JSON)' },
    timeoutSeconds: {
      kind: 'number',
      label: 'Give up after',
      min: 1,
      max: MAX_HTTP_TIMEOUT_SECONDS,
      integer: true,
      unit: 'seconds',
    },
    responseMapping: { kind: 'items', label: 'Save from the response', item: { variable: 'variable', path: 'text' } },
  },
  webhook: {
    url: { kind: 'template', label: 'URL', placeholder: 'https://hooks.example.com/parley' },
    payload: { kind: 'json', label: 'Extra data (JSON)', hint: 'Sent as `data` beside the contact and variables.' },
  },
  google_sheets: {
    integrationId: { kind: 'custom', label: 'Google account' },
    spreadsheetId: { kind: 'text', label: 'Spreadsheet', hint: 'Paste the sheet’s address or its id.' },
    sheet: { kind: 'text', label: 'Sheet (tab) name', placeholder: 'Sheet1' },
    action: { kind: 'select', label: 'Action', options: SHEET_ACTION_OPTIONS },
    values: { kind: 'strings', label: 'Row values', itemLabel: 'Column', template: true },
    lookupColumn: { kind: 'text', label: 'Column to search' },
    lookupValue: { kind: 'template', label: 'Value to find' },
    resultMapping: columnMapping,
  },
  data_table_lookup: {
    tableId: { kind: 'custom', label: 'Data table' },
    column: { kind: 'custom', label: 'Column to search' },
    value: { kind: 'template', label: 'Value to find' },
    resultMapping: columnMapping,
  },
  delay: {
    amount: { kind: 'number', label: 'Wait', min: 0, max: 10_000, integer: true },
    unit: { kind: 'select', label: 'Unit', options: DELAY_UNIT_OPTIONS },
  },
  business_hours: {
    hours: { kind: 'custom', label: 'Opening hours' },
    timezone: { kind: 'custom', label: 'Time zone' },
  },
  ab_split: {
    variants: {
      kind: 'items',
      label: 'Paths',
      item: { id: 'generated', label: 'text', weight: 'number' },
      min: 2,
      max: 5,
    },
  },
  jump_to_flow: { flowId: { kind: 'flow', label: 'Continue in flow' } },
  handoff: {
    target: { kind: 'custom', label: 'Assign to' },
    message: {
      kind: 'message',
      label: 'Message to the customer',
      limit: textBody,
      hint: 'Leave blank to say nothing.',
    },
    waitHours: { kind: 'number', label: 'Wait for an agent up to', min: 0.01, max: 720, integer: false, unit: 'hours' },
  },
  close_conversation: {
    message: { kind: 'message', label: 'Goodbye message', limit: textBody, hint: 'Leave blank to close silently.' },
  },
  ai_intent: {
    input: { kind: 'template', label: 'Text to understand', hint: 'Usually the customer’s last reply.' },
    intents: { kind: 'items', label: 'Intents', item: { id: 'generated', name: 'text', keywords: 'strings' } },
  },
  ai_reply: {
    instructions: { kind: 'longtext', label: 'Instructions', hint: 'How to answer: tone, length, what to avoid.' },
    knowledge: {
      kind: 'longtext',
      label: 'Knowledge',
      hint: 'Questions and answers, one pair per paragraph: “Q: … A: …”, separated by a blank line.',
    },
    fallbackText: { kind: 'message', label: 'When nothing fits, say', limit: textBody },
    saveAs: { kind: 'variable', label: 'Also save the reply as', hint: 'Optional.' },
  },
};

/** The spec of one field, typed by its node type. */
export function fieldSpec<T extends NodeType>(type: T, key: keyof NodeData<T> & string): FieldSpec {
  return (INSPECTOR_FIELDS[type] as NodeFieldSpecs<T>)[key];
}
