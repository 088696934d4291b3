// Every node type's data schema and defaults, keyed by type: the one list the document schema,
// the catalogue and the builder's palette are derived from.
import { abSplitDefaults } from './ab_split/defaults.ts';
import { abSplitDataSchema } from './ab_split/schema.ts';
import { addTagDefaults } from './add_tag/defaults.ts';
import { addTagDataSchema } from './add_tag/schema.ts';
import { aiIntentDefaults } from './ai_intent/defaults.ts';
import { aiIntentDataSchema } from './ai_intent/schema.ts';
import { aiReplyDefaults } from './ai_reply/defaults.ts';
import { aiReplyDataSchema } from './ai_reply/schema.ts';
import { askQuestionDefaults } from './ask_question/defaults.ts';
import { askQuestionDataSchema } from './ask_question/schema.ts';
import { businessHoursDefaults } from './business_hours/defaults.ts';
import { businessHoursDataSchema } from './business_hours/schema.ts';
import { buttonsDefaults } from './buttons/defaults.ts';
import { buttonsDataSchema } from './buttons/schema.ts';
import { closeConversationDefaults } from './close_conversation/defaults.ts';
import { closeConversationDataSchema } from './close_conversation/schema.ts';
import { conditionDefaults } from './condition/defaults.ts';
import { conditionDataSchema } from './condition/schema.ts';
import { dataTableLookupDefaults } from './data_table_lookup/defaults.ts';
import { dataTableLookupDataSchema } from './data_table_lookup/schema.ts';
import { delayDefaults } from './delay/defaults.ts';
import { delayDataSchema } from './delay/schema.ts';
import { endDefaults } from './end/defaults.ts';
import { endDataSchema } from './end/schema.ts';
import { googleSheetsDefaults } from './google_sheets/defaults.ts';
import { googleSheetsDataSchema } from './google_sheets/schema.ts';
import { handoffDefaults } from './handoff/defaults.ts';
import { handoffDataSchema } from './handoff/schema.ts';
import { httpRequestDefaults } from './http_request/defaults.ts';
import { httpRequestDataSchema } from './http_request/schema.ts';
import { jumpToFlowDefaults } from './jump_to_flow/defaults.ts';
import { jumpToFlowDataSchema } from './jump_to_flow/schema.ts';
import { listDefaults } from './list/defaults.ts';
import { listDataSchema } from './list/schema.ts';
import { removeTagDefaults } from './remove_tag/defaults.ts';
import { removeTagDataSchema } from './remove_tag/schema.ts';
import { sendMediaDefaults } from './send_media/defaults.ts';
import { sendMediaDataSchema } from './send_media/schema.ts';
import { sendTemplateDefaults } from './send_template/defaults.ts';
import { sendTemplateDataSchema } from './send_template/schema.ts';
import { sendTextDefaults } from './send_text/defaults.ts';
import { sendTextDataSchema } from './send_text/schema.ts';
import { setVariableDefaults } from './set_variable/defaults.ts';
import { setVariableDataSchema } from './set_variable/schema.ts';
import { startDefaults } from './start/defaults.ts';
import { startDataSchema } from './start/schema.ts';
import { updateContactDefaults } from './update_contact/defaults.ts';
import { updateContactDataSchema } from './update_contact/schema.ts';
import { webhookDefaults } from './webhook/defaults.ts';
import { webhookDataSchema } from './webhook/schema.ts';

export const NODE_DATA_SCHEMAS = {
  start: startDataSchema,
  send_text: sendTextDataSchema,
  send_media: sendMediaDataSchema,
  send_template: sendTemplateDataSchema,
  buttons: buttonsDataSchema,
  list: listDataSchema,
  ask_question: askQuestionDataSchema,
  condition: conditionDataSchema,
  set_variable: setVariableDataSchema,
  update_contact: updateContactDataSchema,
  add_tag: addTagDataSchema,
  remove_tag: removeTagDataSchema,
  http_request: httpRequestDataSchema,
  webhook: webhookDataSchema,
  google_sheets: googleSheetsDataSchema,
  data_table_lookup: dataTableLookupDataSchema,
  delay: delayDataSchema,
  business_hours: businessHoursDataSchema,
  ab_split: abSplitDataSchema,
  jump_to_flow: jumpToFlowDataSchema,
  handoff: handoffDataSchema,
  close_conversation: closeConversationDataSchema,
  ai_intent: aiIntentDataSchema,
  ai_reply: aiReplyDataSchema,
  end: endDataSchema,
} as const;

export const NODE_DEFAULTS = {
  start: startDefaults,
  send_text: sendTextDefaults,
  send_media: sendMediaDefaults,
  send_template: sendTemplateDefaults,
  buttons: buttonsDefaults,
  list: listDefaults,
  ask_question: askQuestionDefaults,
  condition: conditionDefaults,
  set_variable: setVariableDefaults,
  update_contact: updateContactDefaults,
  add_tag: addTagDefaults,
  remove_tag: removeTagDefaults,
  http_request: httpRequestDefaults,
  webhook: webhookDefaults,
  google_sheets: googleSheetsDefaults,
  data_table_lookup: dataTableLookupDefaults,
  delay: delayDefaults,
  business_hours: businessHoursDefaults,
  ab_split: abSplitDefaults,
  jump_to_flow: jumpToFlowDefaults,
  handoff: handoffDefaults,
  close_conversation: closeConversationDefaults,
  ai_intent: aiIntentDefaults,
  ai_reply: aiReplyDefaults,
  end: endDefaults,
} as const;
