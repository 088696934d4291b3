// The channel forms validate with the API's own rules; an optional input left empty means "not
// given" (the server then generates the verify token, or keeps the stored credential).
import { z } from 'zod';
import { connectChannelInputSchema } from '#api/channels/schemas';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const { accessToken, appSecret } = connectChannelInputSchema.shape;
const verifyToken = z.string().trim().min(8, 'must be at least 8 characters').max(200);

export const connectChannelFormSchema = connectChannelInputSchema.extend({ verifyToken: optional(verifyToken) });

export const replaceCredentialsFormSchema = z
  .object({ accessToken: optional(accessToken), appSecret: optional(appSecret), verifyToken: optional(verifyToken) })
  .refine((input) => input.accessToken || input.appSecret || input.verifyToken, {
    message: 'Paste at least one new credential',
    path: ['accessToken'],
  });
