import type { AiIntentData } from './schema.ts';

export const aiIntentDefaults = { intents: [], input: '{{last_input}}' } satisfies AiIntentData;
