// Workflow ids of flow sessions. One running session per contact and channel: routing signals
// this id, and signalWithStart cannot start a second one. Internal ids only: workflow ids are
// plaintext in Temporal's UI, CLI and logs, so no phone numbers (temporal-reference §8).
export function flowSessionWorkflowId(input: { tenantId: string; channelId: string; contactId: string }): string {
  return `flow-session-${input.tenantId}-${input.channelId}-${input.contactId}`;
}
