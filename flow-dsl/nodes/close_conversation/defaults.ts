import type { CloseConversationData } from './schema.ts';

export const closeConversationDefaults = { message: '' } satisfies CloseConversationData;
