// Adds tags to the contact (tags are templates, so `plan_{{vars.plan}}` works).
import { z } from 'zod';

export const addTagDataSchema = z.object({ tags: z.array(z.string()).default(() => []) });
export type AddTagData = z.output<typeof addTagDataSchema>;
