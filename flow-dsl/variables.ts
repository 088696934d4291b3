// Variable names as templates write them (`{{vars.order_id}}`): identifiers, so a name never
// needs quoting and a dotted path into its value stays unambiguous.
import { z } from 'zod';

export const VARIABLE_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const variableNameSchema = z
  .string()
  .regex(VARIABLE_NAME_PATTERN, 'a variable name starts with a letter or _ and holds only letters, digits and _');

/** A variable name in a draft: blank is allowed (the validator reports it as `missing_field`). */
export const draftVariableNameSchema = z.union([z.literal(''), variableNameSchema]);

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name);
}
