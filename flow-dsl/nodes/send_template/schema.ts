// An approved message template: the only kind of message allowed outside the 24 h window.
import { z } from 'zod';

const params = z.array(z.string()).default(() => []);

export const sendTemplateDataSchema = z.object({
  templateName: z.string().default(''),
  language: z.string().default('en_US'),
  /** Templates filling {{1}}, {{2}}, … of the header, body and buttons, in order. */
  headerParams: params,
  bodyParams: params,
  buttonParams: params,
});
export type SendTemplateData = z.output<typeof sendTemplateDataSchema>;
