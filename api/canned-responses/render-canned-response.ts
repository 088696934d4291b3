// Inserting a canned response into the composer: its variables filled in for the conversation's
// contact and the caller, and one use counted (the moment the agent picked it; the text may still
// be edited before it is sent through the ordinary send path).
import { contactScope, type ContactRow } from '#activities/flows/contact-scope';
import { interpolate, templateReferences } from '#flow-dsl/template';
import type { FlowScope } from '#flow-dsl/scope';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { callerUserId, visibleTo } from './canned-response-view.ts';
import type { RenderCannedResponseInput, RenderedCannedResponse } from './schemas.ts';

// flow-dsl's templates know contact, vars, last_input and http. Canned responses add `agent`:
// it is read from vars.agent, so the one interpolation (escapes, fallbacks) serves both.
const AGENT_REFERENCE = /(^|[^\\])\{\{(\s*)agent\./g;

export async function renderCannedResponse(
  id: string,
  input: RenderCannedResponseInput,
  ctx: TenantContext,
): Promise<RenderedCannedResponse> {
  const response = await ctx.db.cannedResponse.findFirst({
    where: { AND: [{ id }, visibleTo(ctx)] },
    select: { id: true, body: true },
  });
  if (!response) {
    throw AppError.notFound('Canned response');
  }
  const conversation = await ctx.db.conversation.findUnique({
    where: { id: input.conversationId },
    select: {
      contact: {
        select: { id: true, name: true, profileName: true, phone: true, waId: true, fields: true, tags: true },
      },
    },
  });
  if (!conversation) {
    throw AppError.field('conversationId', 'is not a conversation of this workspace', 'NOT_FOUND');
  }
  const scope = await scopeFor(ctx, conversation.contact);
  const template = response.body.replace(AGENT_REFERENCE, '$1{{$2vars.agent.');
  const text = interpolate(template, scope);
  const missingVariables = templateReferences(template)
    .filter((ref) => ref.fallback === null && interpolate(`{{${ref.path}}}`, scope) === '')
    .map((ref) => ref.path.replace(/^vars\.agent\./, 'agent.'));
  const counted = await ctx.db.cannedResponse.update({
    where: { id },
    data: { usageCount: { increment: 1 }, lastUsedAt: new Date() },
    select: { usageCount: true },
  });
  return {
    cannedResponseId: id,
    text,
    missingVariables: [...new Set(missingVariables)],
    usageCount: counted.usageCount,
  };
}

async function scopeFor(ctx: TenantContext, contact: ContactRow): Promise<FlowScope> {
  const userId = callerUserId(ctx);
  const member = userId
    ? await ctx.db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true } } } })
    : null;
  return {
    contact: contactScope(contact),
    vars: { agent: { name: member?.user.name ?? null } },
    lastInput: null,
    http: null,
  };
}
