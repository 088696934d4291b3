import type { AddTagData } from './schema.ts';

export const addTagDefaults = { tags: [] } satisfies AddTagData;
