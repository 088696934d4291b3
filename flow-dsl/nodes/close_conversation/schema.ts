// Closes the conversation in the inbox and ends the session, optionally saying goodbye first.
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const closeConversationDataSchema = z.object({ message: templateText });
export type CloseConversationData = z.output<typeof closeConversationDataSchema>;
