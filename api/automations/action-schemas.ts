// What a rule does, in order. Text values may hold {{contact.name}}, {{contact.phone}} and
// {{contact.fields.<key>}}, filled in from the contact when the action runs.
import { z } from 'zod';

const text = z.string().trim().min(1);

export const automationActionSchema = z.discriminatedUnion('type', [
  /** Free-form text: only inside the 24-hour window, so only for rules answering a message. */
  z.object({ type: z.literal('send_message'), text: text.max(4096) }),
  z.object({
    type: z.literal('send_template'),
    templateName: z.string().trim().min(1).max(512),
    language: z.string().trim().min(2).max(15),
    bodyVariables: z.array(z.string().max(1024)).max(20).default([]),
  }),
  z.object({
    type: z.literal('assign'),
    target: z.discriminatedUnion('type', [
      z.object({ type: z.literal('agent'), userId: z.uuid('is not a valid id') }),
      z.object({ type: z.literal('team'), teamId: z.uuid('is not a valid id') }),
      z.object({ type: z.literal('unassigned') }),
    ]),
  }),
  z.object({ type: z.literal('add_tag'), tag: text.max(50) }),
  z.object({ type: z.literal('remove_tag'), tag: text.max(50) }),
  z.object({
    type: z.literal('update_field'),
    field: z.string().regex(/^(name|fields\.[a-z][a-z0-9_]*)$/, 'is name or fields.<key>'),
    value: z.string().max(1000),
  }),
  z.object({ type: z.literal('start_flow'), flowId: z.uuid('is not a valid id') }),
  z.object({
    type: z.literal('call_webhook'),
    url: z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' }).max(2000),
  }),
  z.object({ type: z.literal('close_conversation') }),
]);
export type AutomationAction = z.output<typeof automationActionSchema>;

export const automationActionsSchema = z.array(automationActionSchema).min(1, 'a rule needs an action').max(10);

export const ACTION_LABELS: Record<AutomationAction['type'], string> = {
  send_message: 'Send a message',
  send_template: 'Send a template',
  assign: 'Assign the conversation',
  add_tag: 'Add a tag',
  remove_tag: 'Remove a tag',
  update_field: 'Update a contact field',
  start_flow: 'Start a flow',
  call_webhook: 'Call a webhook',
  close_conversation: 'Close the conversation',
};
