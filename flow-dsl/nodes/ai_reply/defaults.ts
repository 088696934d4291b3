import type { AiReplyData } from './schema.ts';

export const aiReplyDefaults = { instructions: '', knowledge: '', fallbackText: '', saveAs: '' } satisfies AiReplyData;
