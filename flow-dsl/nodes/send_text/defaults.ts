import type { SendTextData } from './schema.ts';

export const sendTextDefaults = { text: '', previewUrl: false } satisfies SendTextData;
