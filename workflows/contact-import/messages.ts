// The contactImport workflow's public surface: its id and input (the API starts it, tests read it).

export type ContactImportInput = { tenantId: string; importId: string };

export type ContactImportResult = { status: 'completed' | 'cancelled' | 'failed' };

/** One workflow per import: starting the same import twice is refused by Temporal, not run twice. */
export function contactImportWorkflowId(importId: string): string {
  return `contact-import-${importId}`;
}
