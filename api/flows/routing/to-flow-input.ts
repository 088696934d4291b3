// A stored inbound message as the interpreter reads it (flow-dsl FlowInput). The stored content
// is Meta's own shape `{ type, [type]: {...} }` (api/webhooks/inbound-message.ts).
import { FLOW_INPUT_TYPES, type FlowInput, type FlowInputType } from '#flow-dsl/inputs';
import type { RoutedMessage } from './routed-message.ts';

/** Types a flow never answers: a reaction is not a reply, a system notice is not the customer. */
const IGNORED = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

type Part = Record<string, unknown> | undefined;

export function toFlowInput(message: RoutedMessage): FlowInput | null {
  if (IGNORED.has(message.type)) {
    return null;
  }
  const content = (message.content ?? {}) as Record<string, unknown>;
  const part = content[message.type] as Part;
  const type: FlowInputType = (FLOW_INPUT_TYPES as readonly string[]).includes(message.type)
    ? (message.type as FlowInputType)
    : 'unsupported';
  const reply = replyOf(type, part);
  const media = message.mediaId
    ? { mediaId: message.mediaId, mimeType: String((part?.mime_type as string | undefined) ?? '') }
    : undefined;
  return {
    messageId: message.id,
    providerMessageId: message.providerMessageId ?? message.id,
    type,
    ...(message.text !== null ? { text: message.text } : {}),
    ...reply,
    ...(media ? { media } : {}),
    ...(type === 'location' && part ? { location: locationOf(part) } : {}),
    ...(type === 'contacts' ? { contacts: (content.contacts as unknown[] | undefined) ?? [] } : {}),
    receivedAt: message.sentAt.toISOString(),
  };
}

/** The tapped option: an interactive button or list row, or a template quick reply (its payload). */
function replyOf(type: FlowInputType, part: Part): { replyId?: string; replyTitle?: string } {
  if (type === 'interactive') {
    const tapped = (part?.button_reply ?? part?.list_reply) as { id?: string; title?: string } | undefined;
    return tapped?.id ? { replyId: tapped.id, ...(tapped.title ? { replyTitle: tapped.title } : {}) } : {};
  }
  if (type === 'button') {
    const button = part as { payload?: string; text?: string } | undefined;
    const id = button?.payload ?? button?.text;
    return id ? { replyId: id, ...(button?.text ? { replyTitle: button.text } : {}) } : {};
  }
  return {};
}

function locationOf(part: Record<string, unknown>): NonNullable<FlowInput['location']> {
  return {
    latitude: Number(part.latitude),
    longitude: Number(part.longitude),
    ...(typeof part.name === 'string' ? { name: part.name } : {}),
    ...(typeof part.address === 'string' ? { address: part.address } : {}),
  };
}
