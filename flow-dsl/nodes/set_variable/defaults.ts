import type { SetVariableData } from './schema.ts';

export const setVariableDefaults = { assignments: [{ name: '', value: '' }] } satisfies SetVariableData;
