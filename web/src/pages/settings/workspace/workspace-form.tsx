import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { updateWorkspaceInputSchema, type UpdateWorkspaceInput, type Workspace } from '#api/workspace/schemas';
import { updateWorkspace } from '../../../api/workspace-api.ts';
import { useSession } from '../../../auth/use-session.ts';
import { useSessionActions } from '../../../auth/use-session-actions.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { SelectField } from '../../../forms/select-field.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { ToggleField } from '../../../forms/toggle-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';

type Locale = NonNullable<UpdateWorkspaceInput['locale']>;
const LANGUAGES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  de: 'Deutsch',
  ar: 'العربية',
};
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

export function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { user } = useSession();
  const { reloadSession } = useSessionActions();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { timezone, locale, require2fa } = workspace.settings;
  const form = useZodForm(updateWorkspaceInputSchema, {
    name: workspace.name,
    timezone,
    locale: locale as Locale,
    require2fa,
  });
  const zones = TIME_ZONES.includes(workspace.settings.timezone)
    ? TIME_ZONES
    : [workspace.settings.timezone, ...TIME_ZONES];

  const submit = form.handleSubmit(async (changes) => {
    const updated = await updateWorkspace(changes);
    queryClient.setQueryData(['workspace'], updated);
    await reloadSession();
    toast.show('Workspace settings saved');
  });

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <Card title="General">
        <div className="form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Workspace name" />
          <div className="form-row">
            <SelectField
              form={form}
              name="timezone"
              label="Time zone"
              hint="Campaigns and business hours follow this time zone."
              options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            />
            <SelectField
              form={form}
              name="locale"
              label="Language"
              hint="The language of messages Parley writes for you."
              options={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
            />
          </div>
        </div>
      </Card>
      <Card title="Security">
        <ToggleField
          form={form}
          name="require2fa"
          label="Require two-factor authentication for everyone"
          hint={
            user.totpEnabled ? (
              'Members without 2FA will have to set it up before they can continue.'
            ) : (
              <>
                Turn on <Link to="/settings/security">two-factor authentication</Link> for yourself first, so you are
                not locked out.
              </>
            )
          }
        />
      </Card>
      <div className="form-actions">
        <Button type="submit" variant="primary" isPending={form.isSubmitting}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
