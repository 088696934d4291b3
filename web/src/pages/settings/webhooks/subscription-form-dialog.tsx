// Creates or edits a subscription: name, URL, the events it wants and how deliveries are retried.
// The API's field errors (a private URL refused, an unknown event) land on their field. A new
// subscription's secret is shown once, right after it is created.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EVENT_TYPE_LABELS, SUBSCRIBABLE_EVENT_TYPES, type EventType } from '#api/events/schemas';
import {
  createWebhookSubscriptionInputSchema,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
} from '#api/outgoing-webhooks/schemas';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { fieldErrorText } from '../../../forms/field.tsx';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm, type FormApi } from '../../../forms/use-zod-form.ts';
import { SecretReveal } from './secret-reveal.tsx';
import { createSubscription, updateSubscription, webhooksKey } from './webhooks-api.ts';

type Props = { subscription: WebhookSubscriptionView | null; onClose: () => void };

export function SubscriptionFormDialog({ subscription, onClose }: Props) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<WebhookSubscriptionWithSecret | null>(null);
  const form = useZodForm(createWebhookSubscriptionInputSchema, {
    name: subscription?.name ?? '',
    url: subscription?.url ?? '',
    eventTypes: (subscription?.eventTypes ?? []) as EventType[],
    retryPolicy: subscription
      ? { maxAttempts: subscription.retryPolicy.maxAttempts, timeoutMs: subscription.retryPolicy.timeoutMs }
      : { maxAttempts: 8, timeoutMs: 10_000 },
  });
  const submit = form.handleSubmit(async (input) => {
    if (subscription) {
      await updateSubscription(subscription.id, input);
    } else {
      setCreated(await createSubscription(input));
    }
    await queryClient.invalidateQueries({ queryKey: webhooksKey });
    if (subscription) {
      onClose();
    }
  });

  if (created) {
    return (
      <Modal title="Your webhook's signing secret" onClose={onClose} dismissible={false}>
        <SecretReveal secret={created.secret} onDone={onClose} />
      </Modal>
    );
  }
  return (
    <Modal title={subscription ? `Edit “${subscription.name}”` : 'New webhook'} onClose={onClose} size="lg">
      <form onSubmit={submit} noValidate aria-label="Webhook">
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Name" hint="What receives it, e.g. “CRM sync”." autoFocus />
          <TextField form={form} name="url" label="URL" type="url" placeholder="https://example.com/parley" />
          <EventChecklist form={form} />
          <RetryFields form={form} />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            {subscription ? 'Save webhook' : 'Create webhook'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

type Form = FormApi<typeof createWebhookSubscriptionInputSchema>;

function EventChecklist({ form }: { form: Form }) {
  const chosen = form.values.eventTypes;
  const toggle = (type: EventType, isOn: boolean) =>
    form.setValue('eventTypes', isOn ? [...chosen, type] : chosen.filter((t) => t !== type));
  const error = form.errors.eventTypes;
  return (
    <fieldset className="permission-group" id={form.idFor('eventTypes')} tabIndex={-1}>
      <legend>Events</legend>
      {error && (
        <p className="field-error" role="alert">
          {fieldErrorText('Events', error)}
        </p>
      )}
      {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
        <label key={type} className="permission-option">
          <input type="checkbox" checked={chosen.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
          <span>
            <span className="permission-description">{EVENT_TYPE_LABELS[type]}</span>
            <code className="permission-name">{type}</code>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Attempts and the time limit per attempt; the backoff keeps the API's defaults. */
function RetryFields({ form }: { form: Form }) {
  const policy = form.values.retryPolicy ?? {};
  const set = (key: 'maxAttempts' | 'timeoutMs', value: number) =>
    form.setValue('retryPolicy', { ...policy, [key]: value });
  const error = form.errors.retryPolicy;
  return (
    <fieldset className="form-row webhook-retries" id={form.idFor('retryPolicy')} tabIndex={-1}>
      <legend className="field-label">Retries</legend>
      <label className="field">
        <span className="field-label">Attempts per event</span>
        <input
          className="input"
          type="number"
          min={1}
          max={20}
          value={policy.maxAttempts ?? 8}
          onChange={(e) => set('maxAttempts', Number(e.target.value))}
        />
      </label>
      <label className="field">
        <span className="field-label">Timeout per attempt (seconds)</span>
        <input
          className="input"
          type="number"
          min={1}
          max={30}
          value={Math.round((policy.timeoutMs ?? 10_000) / 1000)}
          onChange={(e) => set('timeoutMs', Number(e.target.value) * 1000)}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {fieldErrorText('Retries', error)}
        </p>
      )}
      <p className="field-hint">Failed attempts are retried with growing waits (10 s, 30 s, 90 s … up to an hour).</p>
    </fieldset>
  );
}
