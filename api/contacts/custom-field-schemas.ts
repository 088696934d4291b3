// Custom contact fields: their definitions (shared by api/, web/ and the import workflow) and the
// limits that hold on every write path.
import { z } from 'zod';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'dropdown', 'multi_select', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A workspace may define this many fields (the product promises at least 50). */
export const MAX_CUSTOM_FIELDS = 100;
/** Fields shown in the inbox's contact panel. */
export const MAX_AGENT_VISIBLE_FIELDS = 3;
export const MAX_TEXT_FIELD_LENGTH = 1000;
export const MAX_FIELD_OPTIONS = 100;

/** Keys are what templates and flows write: {{contact.fields.plan}}. */
export const customFieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1-40 lowercase letters, digits and _, starting with a letter');

const optionSchema = z.string().trim().min(1, 'An option cannot be empty').max(100);

export const customFieldInputSchema = z
  .object({
    key: customFieldKeySchema,
    label: z.string().trim().min(1, 'Give the field a label').max(60),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(optionSchema).max(MAX_FIELD_OPTIONS).default([]),
    required: z.boolean().default(false),
    agentVisible: z.boolean().default(false),
  })
  .superRefine(checkOptions);

/** Renaming keeps the key (and so the data); the type cannot change once values exist. */
export const customFieldUpdateSchema = z
  .object({
    label: z.string().trim().min(1).max(60).optional(),
    options: z.array(optionSchema).max(MAX_FIELD_OPTIONS).optional(),
    required: z.boolean().optional(),
    agentVisible: z.boolean().optional(),
    position: z.number().int().min(0).optional(),
  })
  .strict();

export type CustomFieldInput = z.infer<typeof customFieldInputSchema>;
export type CustomFieldUpdate = z.infer<typeof customFieldUpdateSchema>;

/** What validation needs to know about a field. */
export type CustomFieldDefinition = {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
};

function checkOptions(field: { type: CustomFieldType; options: string[] }, ctx: z.RefinementCtx): void {
  const hasChoices = field.type === 'dropdown' || field.type === 'multi_select';
  if (hasChoices && field.options.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'A dropdown or multi-select needs at least one option',
    });
  }
  if (!hasChoices && field.options.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: `A ${field.type} field has no options` });
  }
  const seen = new Set<string>();
  for (const [index, option] of field.options.entries()) {
    if (seen.has(option.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['options', index], message: `"${option}" is listed twice` });
    }
    seen.add(option.toLowerCase());
  }
}
