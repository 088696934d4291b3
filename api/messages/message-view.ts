import type { MessageView } from './schemas.ts';
import { signedMediaPath } from '../media/media-url.ts';

export const messageSelect = {
  id: true,
  conversationId: true,
  channelId: true,
  contactId: true,
  direction: true,
  type: true,
  content: true,
  text: true,
  status: true,
  errorCode: true,
  errorTitle: true,
  errorDetails: true,
  providerMessageId: true,
  replyToProviderId: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  media: { select: { id: true, mimeType: true, status: true, filename: true } },
} as const;

type MessageRow = Omit<MessageView, 'error' | 'media' | 'content' | 'status'> & {
  content: unknown;
  status: string;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  media: { id: string; mimeType: string; status: string; filename: string | null } | null;
};

export function toMessageView(row: MessageRow, mediaSecret: string): MessageView {
  const { errorCode, errorTitle, errorDetails, media, content, status, ...rest } = row;
  return {
    ...rest,
    content: (content ?? {}) as Record<string, unknown>,
    status: status as MessageView['status'],
    error:
      errorCode !== null || errorTitle !== null ? { code: errorCode, title: errorTitle, details: errorDetails } : null,
    media: media ? { ...media, url: media.status === 'stored' ? signedMediaPath(media.id, mediaSecret) : null } : null,
  };
}
