import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Channel } from '#api/channels/schemas';
import { businessProfileKey, updateBusinessProfile, type BusinessProfile } from '../../../api/business-profile-api.ts';
import { Button } from '../../../components/button.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { SelectField } from '../../../forms/select-field.tsx';
import { TextAreaField } from '../../../forms/text-area-field.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import {
  businessProfileFormSchema,
  changedFields,
  PROFILE_LIMITS,
  placeWebsiteErrors,
  toFormValues,
  type BusinessProfileFormValues,
} from './business-profile-form.ts';
import { BusinessProfilePreview } from './business-profile-preview.tsx';
import { VERTICAL_OPTIONS } from './business-verticals.ts';
import { WebsiteFields } from './website-fields.tsx';

type BusinessProfileEditorProps = { channel: Channel; profile: BusinessProfile; canManage: boolean };

/** The form and, beside it, the phone preview that follows every keystroke. */
export function BusinessProfileEditor({ channel, profile, canManage }: BusinessProfileEditorProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  // The saved profile is the baseline: "unsaved" and "Discard" compare with it, and only what
  // differs from it is sent.
  const saved = useMemo(() => toFormValues(profile), [profile]);
  const form = useZodForm(businessProfileFormSchema(saved), saved);
  const [isAddingSecond, setAddingSecond] = useState(false);
  const isDirty = !sameValues(form.values, saved);
  const isLocked = !canManage || form.isSubmitting;

  const discard = () => {
    form.reset(saved);
    setAddingSecond(false);
  };
  const submit = form.handleSubmit(async (values) => {
    const update = changedFields(values, saved);
    if (Object.keys(update).length === 0) {
      discard(); // Only spaces around the text changed: nothing WhatsApp would show differently.
      return;
    }
    const updated = await updateBusinessProfile(channel.id, update).catch((error: unknown) => {
      throw placeWebsiteErrors(error, form.values);
    });
    queryClient.setQueryData(businessProfileKey(channel.id), updated);
    form.reset(toFormValues(updated));
    setAddingSecond(false);
    toast.show('Business profile saved: customers see it in WhatsApp now');
  });

  return (
    <div className="profile-editor">
      <form onSubmit={submit} noValidate className="form-stack">
        <FormAlert error={form.formError} />
        <fieldset className="plain-fieldset form-stack" disabled={isLocked}>
          <legend className="visually-hidden">Business profile fields</legend>
          <TextField
            form={form}
            name="about"
            label="About"
            characterLimit={PROFILE_LIMITS.about}
            hint="The short line under your name, like a status."
          />
          <TextAreaField
            form={form}
            name="description"
            label="Description"
            characterLimit={PROFILE_LIMITS.description}
            hint="What your business does, in a few sentences."
          />
          <TextField form={form} name="address" label="Address" autoComplete="street-address" />
          <div className="form-row">
            <TextField form={form} name="email" label="E-mail" type="email" autoComplete="email" />
            <SelectField form={form} name="vertical" label="Category" options={VERTICAL_OPTIONS} />
          </div>
          <WebsiteFields
            form={form}
            isAddingSecond={isAddingSecond}
            onAddingSecondChange={setAddingSecond}
            readOnly={!canManage}
          />
        </fieldset>
        {canManage && (
          <div className="form-actions">
            {isDirty && <span className="form-actions-note">Unsaved changes</span>}
            <Button onClick={discard} disabled={!isDirty || form.isSubmitting}>
              Discard changes
            </Button>
            <Button type="submit" variant="primary" isPending={form.isSubmitting} disabled={!isDirty}>
              Save profile
            </Button>
          </div>
        )}
      </form>
      <BusinessProfilePreview channel={channel} values={form.values} pictureUrl={profile.profile_picture_url} />
    </div>
  );
}

function sameValues(a: BusinessProfileFormValues, b: BusinessProfileFormValues): boolean {
  return (Object.keys(b) as Array<keyof BusinessProfileFormValues>).every((key) => a[key] === b[key]);
}
