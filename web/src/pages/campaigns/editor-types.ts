// What every section of the campaign editor receives: the draft, a way to change it, and the
// errors keyed by the API's field paths.
import type { CampaignDraft, FieldErrors } from './campaign-form.ts';

export type SectionProps = {
  draft: CampaignDraft;
  update: (change: (draft: CampaignDraft) => CampaignDraft) => void;
  errors: FieldErrors;
};

/** The input id for a field path, so an error can focus it ("variants.0.weight" → campaign-variants-0-weight). */
export const fieldId = (path: string) => `campaign-${path.replace(/\./g, '-')}`;
