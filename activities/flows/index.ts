// The flow interpreter's activities (workflows/flow-session), one operation per file.
import type { ActivityDeps } from '../deps.ts';
import { createCallWebhookActivity } from './call-webhook.ts';
import { createClassifyIntentActivity } from './classify-intent.ts';
import { createCloseConversationActivity } from './close-conversation.ts';
import { createGenerateAiReplyActivity } from './generate-ai-reply.ts';
import { createGoogleSheetsActivity } from './google-sheets.ts';
import { createHandOffConversationActivity } from './hand-off-conversation.ts';
import { createHttpRequestActivity } from './http-request.ts';
import { createLoadFlowProgramActivity } from './load-flow-program.ts';
import { createLookupDataTableActivity } from './lookup-data-table.ts';
import { createRecordFlowStepsActivity } from './record-flow-steps.ts';
import { createSendFlowMessageActivity } from './send-flow-message.ts';
import { createStartFlowSessionActivity } from './start-flow-session.ts';
import { createTagContactActivity } from './tag-contact.ts';
import { createUpdateContactActivity } from './update-contact.ts';

export function createFlowActivities(deps: ActivityDeps) {
  return {
    startFlowSession: createStartFlowSessionActivity(deps),
    recordFlowSteps: createRecordFlowStepsActivity(deps),
    sendFlowMessage: createSendFlowMessageActivity(deps),
    updateContact: createUpdateContactActivity(deps),
    tagContact: createTagContactActivity(deps),
    httpRequest: createHttpRequestActivity(deps),
    callWebhook: createCallWebhookActivity(deps),
    googleSheets: createGoogleSheetsActivity(deps),
    lookupDataTable: createLookupDataTableActivity(deps),
    handOffConversation: createHandOffConversationActivity(deps),
    closeConversation: createCloseConversationActivity(deps),
    loadFlowProgram: createLoadFlowProgramActivity(deps),
    classifyIntent: createClassifyIntentActivity(deps),
    generateAiReply: createGenerateAiReplyActivity(deps),
  };
}
