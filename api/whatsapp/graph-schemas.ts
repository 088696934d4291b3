// Graph API shapes beyond messages: phone number info, media, templates, business profile
// (contract §8–§10).
import { z } from 'zod';
import { BUSINESS_VERTICALS, WHATSAPP_LIMITS as L } from './limits.ts';

export const phoneNumberInfoSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string(),
  verified_name: z.string(),
  quality_rating: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  /** The messaging-limit tier (v24+), e.g. TIER_2K; `messaging_limit_tier` on older versions. */
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
});
export type PhoneNumberInfo = z.infer<typeof phoneNumberInfoSchema>;

export const mediaInfoSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  url: z.string(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  file_size: z.union([z.string(), z.number()]).optional(),
  id: z.string(),
});

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

export const templateComponentDefinitionSchema = z.looseObject({
  type: z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']),
  format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']).optional(),
  text: z.string().optional(),
  buttons: z
    .array(
      z.looseObject({
        type: z.enum(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE']),
        text: z.string().max(L.template.buttonText),
        url: z.string().max(2000).optional(),
        phone_number: z.string().max(20).optional(),
        example: z.union([z.string(), z.array(z.string())]).optional(),
      }),
    )
    .max(L.template.buttons)
    .optional(),
  example: z.looseObject({}).optional(),
});

export const createTemplateRequestSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(L.template.name)
    .regex(/^[a-z0-9_]+$/, 'only lowercase letters, digits and _'),
  language: z.string().min(2).max(15),
  category: z
    .string()
    .transform((c) => c.toUpperCase())
    .pipe(z.enum(TEMPLATE_CATEGORIES)),
  parameter_format: z.enum(['named', 'positional']).optional(),
  components: z.array(templateComponentDefinitionSchema).min(1),
});
export type CreateTemplateRequest = z.input<typeof createTemplateRequestSchema>;

export const templateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.string().optional(),
  components: z.array(templateComponentDefinitionSchema),
  rejected_reason: z.string().optional(),
  quality_score: z.looseObject({ score: z.string().optional() }).optional(),
});

export const templateListSchema = z.object({
  data: z.array(templateSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
export type TemplateListQuery = { limit?: number; after?: string; status?: string; name?: string; fields?: string };

export const businessProfileFieldsSchema = z.object({
  about: z.string().trim().min(1, 'cannot be empty').max(L.businessProfile.about),
  address: z.string().max(L.businessProfile.address),
  description: z.string().max(L.businessProfile.description),
  email: z.union([z.literal(''), z.email().max(L.businessProfile.email)]),
  websites: z.array(z.url({ protocol: /^https?$/ }).max(L.businessProfile.website)).max(L.businessProfile.websites),
  vertical: z.union([z.enum(BUSINESS_VERTICALS), z.literal('')]),
  profile_picture_handle: z.string().min(1),
});

/** A partial update: only the fields sent change (contract §10). */
export const businessProfileUpdateSchema = businessProfileFieldsSchema.partial().strict();
export type BusinessProfileUpdate = z.infer<typeof businessProfileUpdateSchema>;

export const businessProfileSchema = z.object({
  data: z.array(
    businessProfileFieldsSchema
      .omit({ profile_picture_handle: true })
      .partial()
      .extend({ profile_picture_url: z.string().optional() })
      .loose(),
  ),
});
export type BusinessProfile = z.infer<typeof businessProfileSchema>['data'][number];
