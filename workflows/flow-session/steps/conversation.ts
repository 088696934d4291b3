// Nodes that hand the conversation over or end it: handoff, close_conversation, jump_to_flow, end.
import { ApplicationFailure } from '@temporalio/workflow';
import type { CloseConversationData } from '#flow-dsl/nodes/close_conversation/schema';
import type { HandoffData } from '#flow-dsl/nodes/handoff/schema';
import type { JumpToFlowData } from '#flow-dsl/nodes/jump_to_flow/schema';
import { interpolate } from '#flow-dsl/template';
import { crm, records } from '../activities.ts';
import { scopeOf } from '../session.ts';
import { waitForHandBack } from '../wait.ts';
import { sendText } from './send.ts';
import { dataOf, next, type StepHandler } from './types.ts';

export const handoffStep: StepHandler = async (session, step) => {
  const data = dataOf<HandoffData>(step);
  const target = data.target;
  if ((target.type === 'team' && !target.teamId) || (target.type === 'agent' && !target.userId)) {
    throw ApplicationFailure.nonRetryable('The handoff has no target', 'BadFlow');
  }
  const { tenantId } = session.input;
  await crm.handOffConversation({ tenantId, conversationId: session.context.conversationId, target });
  await sendText(session, interpolate(data.message, scopeOf(session)));
  const returned = await waitForHandBack(session, data.waitHours * 3600);
  if (returned === 'cancelled') {
    return { end: 'cancelled' };
  }
  // What the customer told the agent was for the agent, not an answer to the flow's next question.
  session.inbox.length = 0;
  return next(returned ? 'returned' : 'timeout');
};

export const closeConversationStep: StepHandler = async (session, step) => {
  await sendText(session, interpolate(dataOf<CloseConversationData>(step).message, scopeOf(session)));
  const { tenantId } = session.input;
  await crm.closeConversation({ tenantId, conversationId: session.context.conversationId });
  return { end: 'completed' };
};

export const jumpToFlowStep: StepHandler = async (session, step) => {
  const { flowId } = dataOf<JumpToFlowData>(step);
  const program = await records.loadFlowProgram({ tenantId: session.input.tenantId, flowId });
  return { jump: program };
};

export const endStep: StepHandler = async () => ({ end: 'completed' });

export const startStep: StepHandler = async () => next();
