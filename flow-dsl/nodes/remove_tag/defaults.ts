import type { RemoveTagData } from './schema.ts';

export const removeTagDefaults = { tags: [] } satisfies RemoveTagData;
