// Meta's business categories with the names WhatsApp shows customers, in the order of its picker.
import type { BusinessVertical } from '#api/whatsapp/limits';
import type { SelectOption } from '../../../forms/select-field.tsx';

const LABELS: Record<BusinessVertical, string> = {
  UNDEFINED: 'No category',
  AUTO: 'Automotive',
  BEAUTY: 'Beauty, spa and salon',
  APPAREL: 'Clothing and apparel',
  EDU: 'Education',
  ENTERTAIN: 'Entertainment',
  EVENT_PLAN: 'Event planning and service',
  FINANCE: 'Finance and banking',
  GROCERY: 'Food and grocery',
  GOVT: 'Public service',
  HOTEL: 'Hotel and lodging',
  HEALTH: 'Medical and health',
  NONPROFIT: 'Non-profit organisation',
  PROF_SERVICES: 'Professional services',
  RETAIL: 'Shopping and retail',
  TRAVEL: 'Travel and transportation',
  RESTAURANT: 'Restaurant',
  OTHER: 'Other',
  NOT_A_BIZ: 'Not a business',
};

export const VERTICAL_OPTIONS: SelectOption[] = Object.entries(LABELS).map(([value, label]) => ({ value, label }));

/** What the profile shows for the category; nothing when none was chosen. */
export function verticalLabel(vertical: BusinessVertical | ''): string | null {
  return vertical === '' || vertical === 'UNDEFINED' ? null : LABELS[vertical];
}
