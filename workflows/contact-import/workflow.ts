// One contact import: the file checked whole, then written chunk by chunk by one heartbeating
// activity that resumes from the import's recorded progress when it is retried; then the import's
// final status. An activity that gives up (an unreadable file, a database that stays down) marks
// the import failed with its reason; a cancel is seen by the chunks themselves (write-chunk.ts).
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { ContactImportActivities } from '#activities/contact-imports/import-contacts';
import type { ContactImportInput, ContactImportResult } from './messages.ts';

const { importContactChunks } = proxyActivities<ContactImportActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 6,
    nonRetryableErrorTypes: ['UnreadableFile', 'NotFound'],
  },
});
const { finishContactImport } = proxyActivities<ContactImportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 20 },
});

export async function contactImportWorkflow(input: ContactImportInput): Promise<ContactImportResult> {
  try {
    const outcome = await importContactChunks(input);
    if (outcome.status === 'completed') {
      await finishContactImport({ ...input, status: 'completed', error: null });
    }
    return outcome;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) {
      throw error;
    }
    const reason = error.cause?.message ?? error.message;
    await finishContactImport({ ...input, status: 'failed', error: reason });
    return { status: 'failed' };
  }
}
