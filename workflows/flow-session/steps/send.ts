// Sending a message from a step: one sequence number per send, so the idempotency key
// `flow:<sessionId>:<seq>` is stable across retries and replays and unique within the session.
import type { Activities } from '#activities/index';
import { sends } from '../activities.ts';
import { nextSeq, type Session } from '../session.ts';

export type Content = Parameters<Activities['sendFlowMessage']>[0]['content'];

export async function send(session: Session, content: Content): Promise<void> {
  const { tenantId, channelId, contactId, sessionId } = session.input;
  await sends.sendFlowMessage({ tenantId, channelId, contactId, sessionId, seq: nextSeq(session), content });
}

/** A plain text message; blank text (a template that rendered to nothing) sends nothing. */
export async function sendText(session: Session, body: string, previewUrl = false): Promise<void> {
  if (body.trim() === '') {
    return;
  }
  await send(session, { type: 'text', text: { body, ...(previewUrl ? { preview_url: true } : {}) } });
}
