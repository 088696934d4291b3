// Sets session variables from templates, in order (a later assignment sees an earlier one).
import { z } from 'zod';
import { draftVariableNameSchema } from '../../variables.ts';
import { templateText } from '../shared/fields.ts';

export const assignmentSchema = z.object({ name: draftVariableNameSchema, value: templateText });
export type Assignment = z.output<typeof assignmentSchema>;

export const setVariableDataSchema = z.object({ assignments: z.array(assignmentSchema).default(() => []) });
export type SetVariableData = z.output<typeof setVariableDataSchema>;
