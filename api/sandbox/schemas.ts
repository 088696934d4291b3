// The Sandbox phone: simulated customers chatting with the tenant's Sandbox channel.
import { z } from 'zod';
import { channelSchema } from '../channels/schemas.ts';

export const sandboxStatusSchema = z.object({
  /** False when the installation runs without a simulator (SANDBOX_URL=off). */
  enabled: z.boolean(),
  channel: channelSchema.nullable(),
});

export const createSandboxCustomerInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(60),
  waId: z
    .string()
    .regex(/^[1-9]\d{7,14}$/, 'must be digits in international format without +')
    .optional(),
});

export const sandboxCustomerParamsSchema = z.object({
  waId: z.string().regex(/^\d{6,20}$/, 'is not a customer number'),
});

/** What a simulated customer sends; the simulator validates the details like WhatsApp would. */
export const sandboxCustomerMessageInputSchema = z.looseObject({ type: z.string().min(1).max(32) });

/** The simulator's answers are passed through: they describe the phone, not Parley's data. */
export const sandboxPassThroughSchema = z.unknown();
