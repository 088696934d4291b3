// Removes tags from the contact; removing a tag it does not have is not an error.
import { z } from 'zod';

export const removeTagDataSchema = z.object({ tags: z.array(z.string()).default(() => []) });
export type RemoveTagData = z.output<typeof removeTagDataSchema>;
