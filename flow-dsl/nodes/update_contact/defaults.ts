import type { UpdateContactData } from './schema.ts';

export const updateContactDefaults = { updates: [{ field: 'name', value: '' }] } satisfies UpdateContactData;
