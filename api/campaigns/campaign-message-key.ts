// A campaign's Message to a contact carries the idempotency key `campaign:<runId>:<contactId>`:
// one message per recipient, whatever retries, and the way back from a message to its recipient
// before the recipient row has the message's id. Built and read here only, so both stay in step.

/** The key of a run's Message to a contact, in SQL (`run` and `contact` are SQL expressions). */
export function campaignMessageKeySql(run: string, contact: string): string {
  return `'campaign:' || ${run}::uuid::text || ':' || ${contact}::text`;
}

/** The run a Message's key names, in SQL (`key` is an SQL expression); NULL for any other key. */
export function campaignRunOfKeySql(key: string): string {
  return `CASE WHEN ${key} ~ '^campaign:[0-9a-f-]{36}:' THEN split_part(${key}, ':', 2)::uuid END`;
}
