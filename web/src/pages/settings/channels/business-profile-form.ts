// The business profile form: Meta's limits (the API checks the same ones), with messages for people,
// and the conversions between Meta's profile and the form. Only the fields that changed are sent, so untouched ones are never rewritten.
import { z } from 'zod';
import { ApiError } from '../../../api/api-error.ts';
import { BUSINESS_VERTICALS, WHATSAPP_LIMITS, type BusinessVertical } from '#api/whatsapp/limits';
import type { BusinessProfile, BusinessProfileEdit } from '../../../api/business-profile-api.ts';

export const PROFILE_LIMITS = WHATSAPP_LIMITS.businessProfile;

const atMost = (max: number) => `must be at most ${max} characters`;
const text = (max: number) => z.string().trim().max(max, atMost(max));
const website = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with https:// or http://' })
    .max(PROFILE_LIMITS.website, atMost(PROFILE_LIMITS.website)),
]);

/** Meta refuses an empty About, but a profile that never had one may stay without. */
export function businessProfileFormSchema(saved: BusinessProfileFormValues) {
  const about = text(PROFILE_LIMITS.about);
  return z.object({
    about: saved.about.trim() === '' ? about : about.min(1, 'must not be empty'),
    description: text(PROFILE_LIMITS.description),
    address: text(PROFILE_LIMITS.address),
    email: z
      .string()
      .trim()
      .pipe(
        z.union([
          z.literal(''),
          z.email('must be an e-mail address').max(PROFILE_LIMITS.email, atMost(PROFILE_LIMITS.email)),
        ]),
      ),
    website1: z.string().trim().pipe(website),
    website2: z.string().trim().pipe(website),
    vertical: z.union([z.enum(BUSINESS_VERTICALS), z.literal('')]),
  });
}

export type BusinessProfileFormValues = {
  about: string;
  description: string;
  address: string;
  email: string;
  website1: string;
  website2: string;
  vertical: BusinessVertical | '';
};
export type BusinessProfileFormSchema = ReturnType<typeof businessProfileFormSchema>;
type BusinessProfileFormOutput = z.output<BusinessProfileFormSchema>;

export function toFormValues(profile: BusinessProfile): BusinessProfileFormValues {
  const [website1 = '', website2 = ''] = profile.websites ?? [];
  return {
    about: profile.about ?? '',
    description: profile.description ?? '',
    address: profile.address ?? '',
    email: profile.email ?? '',
    website1,
    website2,
    vertical: profile.vertical || 'UNDEFINED',
  };
}

/** The websites as Meta stores them: a list without gaps. */
export function websitesOf(values: Pick<BusinessProfileFormValues, 'website1' | 'website2'>): string[] {
  return [values.website1.trim(), values.website2.trim()].filter((url) => url !== '');
}

export function changedFields(
  values: BusinessProfileFormOutput,
  saved: BusinessProfileFormValues,
): BusinessProfileEdit {
  const update: BusinessProfileEdit = {};
  for (const key of ['about', 'description', 'address', 'email', 'vertical'] as const) {
    if (values[key] !== saved[key]) {
      Object.assign(update, { [key]: values[key] });
    }
  }
  const websites = websitesOf(values);
  if (websites.join('\n') !== websitesOf(saved).join('\n')) {
    update.websites = websites;
  }
  return update;
}

/** The API names list entries `websites.0`; they belong next to the input that held that address. */
export function placeWebsiteErrors(error: unknown, values: BusinessProfileFormValues): unknown {
  if (!(error instanceof ApiError) || !error.fields.some((f) => f.field.startsWith('websites'))) {
    return error;
  }
  const inputs = (['website1', 'website2'] as const).filter((name) => values[name].trim() !== '');
  const fields = error.fields.map((issue) => {
    const index = /^websites(?:\.(\d+))?$/.exec(issue.field);
    return index ? { ...issue, field: inputs[Number(index[1] ?? 0)] ?? 'website1' } : issue;
  });
  return new ApiError(error.status, error.code, error.message, fields, error.retryAfterSeconds);
}
