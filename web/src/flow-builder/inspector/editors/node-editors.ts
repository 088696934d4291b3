// The editor of each node type. Simple nodes are drawn from their field specs alone.
import type { ComponentType } from 'react';
import type { NodeType } from '#flow-dsl/catalogue';
import { AbSplitEditor } from './ab-split-editor.tsx';
import { AiIntentEditor } from './ai-intent-editor.tsx';
import { AskQuestionEditor } from './ask-question-editor.tsx';
import { BusinessHoursEditor } from './business-hours-editor.tsx';
import { ButtonsEditor } from './buttons-editor.tsx';
import { ConditionEditor } from './condition-editor.tsx';
import { DataTableLookupEditor } from './data-table-lookup-editor.tsx';
import { DelayEditor } from './delay-editor.tsx';
import type { EditorProps } from './editor-props.ts';
import { GoogleSheetsEditor } from './google-sheets-editor.tsx';
import { HandoffEditor } from './handoff-editor.tsx';
import { HttpRequestEditor } from './http-request-editor.tsx';
import { ListEditor } from './list-editor.tsx';
import { SendMediaEditor } from './send-media-editor.tsx';
import { SetVariableEditor } from './set-variable-editor.tsx';
import { EndEditor, specEditor, StartEditor } from './spec-editor.tsx';
import { UpdateContactEditor } from './update-contact-editor.tsx';

export const NODE_EDITORS: { [T in NodeType]: ComponentType<EditorProps<T>> } = {
  start: StartEditor,
  send_text: specEditor('send_text'),
  send_media: SendMediaEditor,
  send_template: specEditor(
    'send_template',
    'Templates are approved in WhatsApp Manager. Parameters fill {{1}}, {{2}}… of the header, body and buttons in order.',
  ),
  buttons: ButtonsEditor,
  list: ListEditor,
  ask_question: AskQuestionEditor,
  condition: ConditionEditor,
  set_variable: SetVariableEditor,
  update_contact: UpdateContactEditor,
  add_tag: specEditor('add_tag', 'Tags may use variables, like plan_{{vars.plan}}.'),
  remove_tag: specEditor('remove_tag', 'Removing a tag the contact does not have is fine.'),
  http_request: HttpRequestEditor,
  webhook: specEditor(
    'webhook',
    'Posts the contact and the variables to this URL; leaves by “Success” on a 2xx answer.',
  ),
  google_sheets: GoogleSheetsEditor,
  data_table_lookup: DataTableLookupEditor,
  delay: DelayEditor,
  business_hours: BusinessHoursEditor,
  ab_split: AbSplitEditor,
  jump_to_flow: specEditor('jump_to_flow', 'The conversation continues in the published version of the other flow.'),
  handoff: HandoffEditor,
  close_conversation: specEditor('close_conversation', 'Closes the conversation in the inbox and ends the flow.'),
  ai_intent: AiIntentEditor,
  ai_reply: specEditor(
    'ai_reply',
    'Answers the last message from your knowledge, with your AI connection if there is one.',
  ),
  end: EndEditor,
};
