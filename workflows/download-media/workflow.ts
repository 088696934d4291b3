// One inbound media file, fetched from WhatsApp into Parley's storage with retries; after the
// last attempt the media is marked failed so the inbox can say so instead of spinning forever.
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { MediaActivities } from '#activities/media/download-media';

const { downloadMedia } = proxyActivities<MediaActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});
const { markMediaFailed } = proxyActivities<MediaActivities>({ startToCloseTimeout: '30 seconds' });

export async function downloadMediaWorkflow(input: { tenantId: string; mediaId: string }): Promise<void> {
  try {
    await downloadMedia(input);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) {
      throw error;
    }
    await markMediaFailed({ ...input, reason: error.cause?.message ?? error.message });
  }
}
