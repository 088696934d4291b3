// Business phone numbers the simulator serves. Parley's sandbox provisioning registers them
// in-process or through `POST /_sandbox/numbers`; registering an existing id updates it.
import { z } from 'zod';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { seedHelloWorld } from '../templates/hello-world-template.ts';

const graphId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ and - only (Meta uses digits)')
  // These are Graph paths of their own.
  .refine((id) => !['app', 'debug_token'].includes(id) && !id.startsWith('upload'), 'reserved by the Graph API');

export const phoneNumberDefinitionSchema = z.object({
  phoneNumberId: graphId,
  wabaId: graphId,
  displayPhoneNumber: z.string().min(1).max(32),
  verifiedName: z.string().min(1).max(256),
  accessToken: z.string().min(1).max(1024),
  appSecret: z.string().min(1).max(256),
  webhookUrl: z.url({ protocol: /^https?$/ }),
  /** Kept for the `verify-webhook` control call; Meta itself never learns it. */
  verifyToken: z.string().min(1).optional(),
  /** When the access token stops working (ms since epoch or ISO date); absent = never. */
  tokenExpiresAt: z
    .union([z.number().int(), z.iso.datetime({ offset: true }), z.date()])
    .nullable()
    .optional()
    .transform((v) => (v == null ? null : typeof v === 'number' ? v : new Date(v).getTime())),
  throughputPerSecond: z.number().positive().nullable().optional(),
  /** The messaging-limit tier its Graph record reports (TIER_250, TIER_2K, …); absent: unlimited. */
  messagingLimitTier: z
    .string()
    .regex(/^TIER_[0-9A-Z]+$/, 'is not a tier like TIER_250 or TIER_UNLIMITED')
    .default('TIER_UNLIMITED'),
});
export type PhoneNumberDefinition = z.input<typeof phoneNumberDefinitionSchema>;

export function registerPhoneNumber(ctx: SimulatorContext, input: PhoneNumberDefinition): PhoneNumberRecord {
  const definition = phoneNumberDefinitionSchema.parse(input);
  const existing = ctx.store.numbers.get(definition.phoneNumberId);
  const isNewWaba = ctx.store.numbersInWaba(definition.wabaId).length === 0;
  const record: PhoneNumberRecord = {
    ...definition,
    verifyToken: definition.verifyToken ?? existing?.verifyToken ?? null,
    throughputPerSecond: definition.throughputPerSecond ?? null,
    profile: existing?.profile ?? {
      about: 'Hey there! I am using WhatsApp.',
      address: '',
      description: '',
      email: '',
      websites: [],
      vertical: 'UNDEFINED',
      pictureMediaId: null,
    },
  };
  ctx.store.numbers.set(record.phoneNumberId, record);
  // Every WABA starts with Meta's approved sample template.
  if (isNewWaba && !ctx.store.templatesOf(definition.wabaId).some((t) => t.name === 'hello_world')) {
    seedHelloWorld(ctx, definition.wabaId);
  }
  ctx.store.changed();
  return record;
}

/** A number without its secrets, for control API answers. */
export function publicNumber(number: PhoneNumberRecord) {
  return {
    phoneNumberId: number.phoneNumberId,
    wabaId: number.wabaId,
    displayPhoneNumber: number.displayPhoneNumber,
    verifiedName: number.verifiedName,
    webhookUrl: number.webhookUrl,
    tokenExpiresAt: number.tokenExpiresAt === null ? null : new Date(number.tokenExpiresAt).toISOString(),
    throughputPerSecond: number.throughputPerSecond,
    messagingLimitTier: number.messagingLimitTier,
  };
}
