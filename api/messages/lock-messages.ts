// Statements that change many Message rows at once (the campaign sender's results, status
// webhooks) lock them first, in id order. Two such batches that touch the same messages in
// different orders would otherwise deadlock, and PostgreSQL would abort one of them.

/** A CTE body locking the messages whose ids `idsQuery` selects, lowest id first. */
export function lockMessagesInIdOrder(idsQuery: string): string {
  return `SELECT m.id FROM "Message" m WHERE m.id IN (${idsQuery}) ORDER BY m.id FOR UPDATE`;
}
