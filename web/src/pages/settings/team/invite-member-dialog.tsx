import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createInvitationInputSchema, type CreatedInvitation } from '#api/invitations/schemas';
import type { Role } from '#api/roles/schemas';
import { createInvitation, invitationsKey } from '../../../api/invitations-api.ts';
import { useGrantableRoles } from '../../../api/roles-api.ts';
import { Button } from '../../../components/button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { SelectField } from '../../../forms/select-field.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { defaultRoleId } from '../roles/default-role.ts';

export function InviteMemberDialog({ onClose }: { onClose: () => void }) {
  const { roles, isPending, error } = useGrantableRoles();
  const [sent, setSent] = useState<CreatedInvitation | null>(null);
  return (
    <Modal
      title="Invite a member"
      description="They get an e-mail with a link to join, valid for 7 days."
      onClose={onClose}
    >
      {sent ? (
        <InvitationSent invitation={sent} onClose={onClose} />
      ) : isPending ? (
        <LoadingState />
      ) : error ? (
        <ErrorState error={error} />
      ) : (
        <InviteMemberForm roles={roles} onSent={setSent} onClose={onClose} />
      )}
    </Modal>
  );
}

/** The link is shown once, for inviters who share it another way (or run without e-mail). */
function InvitationSent({ invitation, onClose }: { invitation: CreatedInvitation; onClose: () => void }) {
  return (
    <>
      <div className="modal-body form-stack">
        <p>
          Invitation sent to <strong>{invitation.email}</strong>. You can also share this link with them yourself:
        </p>
        <code className="secret-value" data-testid="invite-url">
          {invitation.inviteUrl}
        </code>
        <CopyButton text={invitation.inviteUrl} label="Copy link" />
      </div>
      <ModalFooter>
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </ModalFooter>
    </>
  );
}

function InviteMemberForm({
  roles,
  onSent,
  onClose,
}: {
  roles: Role[];
  onSent: (invitation: CreatedInvitation) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useZodForm(createInvitationInputSchema, { email: '', roleId: defaultRoleId(roles) });

  const submit = form.handleSubmit(async (input) => {
    const invitation = await createInvitation(input);
    await queryClient.invalidateQueries({ queryKey: invitationsKey });
    toast.show(`Invitation sent to ${invitation.email}`);
    onSent(invitation);
  });

  return (
    <form onSubmit={submit} noValidate>
      <div className="modal-body form-stack">
        <FormAlert error={form.formError} />
        <TextField form={form} name="email" label="E-mail" type="email" autoComplete="off" autoFocus />
        <SelectField
          form={form}
          name="roleId"
          label="Role"
          hint="You can only give roles whose permissions you hold yourself."
          options={roles.map((role) => ({ value: role.id, label: role.name }))}
        />
      </div>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={form.isSubmitting}>
          Send invitation
        </Button>
      </ModalFooter>
    </form>
  );
}
