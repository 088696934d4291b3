// ai_intent and ai_reply. The model (or the keyword fallback) runs in an activity; if it keeps
// failing, ai_intent leaves by `fallback` and ai_reply sends the node's fallback text.
import { ActivityFailure } from '@temporalio/workflow';
import type { AiIntentData } from '#flow-dsl/nodes/ai_intent/schema';
import type { AiReplyData } from '#flow-dsl/nodes/ai_reply/schema';
import { interpolate } from '#flow-dsl/template';
import { external } from '../activities.ts';
import { scopeOf } from '../session.ts';
import { sendText } from './send.ts';
import { dataOf, next, type StepHandler } from './types.ts';

export const aiIntentStep: StepHandler = async (session, step) => {
  const data = dataOf<AiIntentData>(step);
  const text = interpolate(data.input, scopeOf(session));
  const intents = data.intents.map((i) => ({ id: i.id, name: i.name, keywords: i.keywords }));
  const intentId = await orNull(() => external.classifyIntent({ tenantId: session.input.tenantId, intents, text }));
  return next(intentId ? `intent:${intentId}` : 'fallback');
};

export const aiReplyStep: StepHandler = async (session, step) => {
  const data = dataOf<AiReplyData>(step);
  const scope = scopeOf(session);
  const answer = await orNull(() =>
    external.generateAiReply({
      tenantId: session.input.tenantId,
      instructions: data.instructions,
      knowledge: data.knowledge,
      text: scope.lastInput ?? '',
    }),
  );
  const reply = answer ?? interpolate(data.fallbackText, scope);
  if (data.saveAs) {
    session.variables[data.saveAs] = reply;
  }
  await sendText(session, reply);
  return next();
};

async function orNull<T>(call: () => Promise<T | null>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ActivityFailure) {
      return null;
    }
    throw error;
  }
}
