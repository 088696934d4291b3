import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const INTEGRATION_KINDS = ['google_sheets', 'ai'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** What the API shows of an integration: never its credentials, only that they are stored. */
export const integrationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INTEGRATION_KINDS),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  hasCredentials: z.boolean(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type Integration = z.infer<typeof integrationSchema>;
export const integrationPageSchema = pageSchema(integrationSchema);
export const integrationParamsSchema = idParamSchema('integrationId');

const name = z.string().trim().min(2, 'must be at least 2 characters').max(60);
const secret = z.string().trim().min(8, 'must be at least 8 characters').max(4096);

/** A Google service-account key file as downloaded from the Cloud console (extra fields are kept). */
const serviceAccountSchema = z.looseObject({
  client_email: z.email('is not an e-mail address'),
  private_key: z.string().includes('PRIVATE KEY', { message: 'is not a PEM private key' }).max(8192),
  token_uri: z.url().optional(),
});

/** Read by activities/flows/google-auth.ts: a ready access token, or a service account to sign with. */
export const googleSheetsCredentialsSchema = z.union(
  [z.strictObject({ accessToken: secret }), z.strictObject({ serviceAccount: serviceAccountSchema })],
  { error: 'must be { accessToken } or { serviceAccount } with client_email and private_key' },
);
export const googleSheetsSettingsSchema = z.record(z.string(), z.unknown());

/** Read by activities/flows/ai/resolve-provider.ts: an OpenAI-compatible chat completions API. */
export const aiCredentialsSchema = z.strictObject({ apiKey: secret });
export const aiSettingsSchema = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/, message: 'is not an http(s) URL' }),
  model: z.string().trim().min(1).max(100),
});

export const CREDENTIALS_BY_KIND = { google_sheets: googleSheetsCredentialsSchema, ai: aiCredentialsSchema } as const;
export const SETTINGS_BY_KIND = { google_sheets: googleSheetsSettingsSchema, ai: aiSettingsSchema } as const;

export const createIntegrationInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('google_sheets'),
    name,
    credentials: googleSheetsCredentialsSchema,
    settings: googleSheetsSettingsSchema.default({}),
  }),
  z.strictObject({ kind: z.literal('ai'), name, credentials: aiCredentialsSchema, settings: aiSettingsSchema }),
]);
export type CreateIntegrationInput = z.infer<typeof createIntegrationInputSchema>;

/** Only the fields sent change; credentials and settings are replaced whole and checked against the kind. */
export const updateIntegrationInputSchema = z.strictObject({
  name: name.optional(),
  credentials: z.record(z.string(), z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationInputSchema>;
