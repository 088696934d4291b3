// One handler per node type. The Record is keyed by NodeType, so a node type added to the
// catalogue without a handler here fails type checking, not a conversation.
import type { NodeType } from '#flow-dsl/catalogue';
import { aiIntentStep, aiReplyStep } from './ai.ts';
import { addTagStep, removeTagStep, updateContactStep } from './contact.ts';
import { closeConversationStep, endStep, handoffStep, jumpToFlowStep, startStep } from './conversation.ts';
import { dataTableLookupStep, googleSheetsStep, httpRequestStep, webhookStep } from './integrations.ts';
import { abSplitStep, businessHoursStep, conditionStep, delayStep, setVariableStep } from './logic.ts';
import { sendMediaStep, sendTemplateStep, sendTextStep } from './messages.ts';
import { askQuestionStep, buttonsStep, listStep } from './replies.ts';
import type { StepHandler } from './types.ts';

export const STEP_HANDLERS: Record<NodeType, StepHandler> = {
  start: startStep,
  send_text: sendTextStep,
  send_media: sendMediaStep,
  send_template: sendTemplateStep,
  buttons: buttonsStep,
  list: listStep,
  ask_question: askQuestionStep,
  condition: conditionStep,
  set_variable: setVariableStep,
  update_contact: updateContactStep,
  add_tag: addTagStep,
  remove_tag: removeTagStep,
  http_request: httpRequestStep,
  webhook: webhookStep,
  google_sheets: googleSheetsStep,
  data_table_lookup: dataTableLookupStep,
  delay: delayStep,
  business_hours: businessHoursStep,
  ab_split: abSplitStep,
  jump_to_flow: jumpToFlowStep,
  handoff: handoffStep,
  close_conversation: closeConversationStep,
  ai_intent: aiIntentStep,
  ai_reply: aiReplyStep,
  end: endStep,
};

export type { StepResult } from './types.ts';
