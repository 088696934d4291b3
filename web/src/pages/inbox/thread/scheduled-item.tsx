// A message scheduled for later, at the end of the thread with its send time: edit or cancel it
// until it goes.
import { useState } from 'react';
import type { ScheduledMessageView } from '#api/scheduled-messages/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { cancelScheduledMessage, updateScheduledMessage } from '../../../api/inbox-extras-api.ts';
import { Button } from '../../../components/button.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { formatTimestamp } from '../../../lib/format-date.ts';
import { WhatsAppText } from '../../../components/whatsapp/whatsapp-text.tsx';
import { ScheduleDialog } from '../composer/schedule-dialog.tsx';

export function ScheduledItem({ scheduled, onChanged }: { scheduled: ScheduledMessageView; onChanged: () => void }) {
  const toast = useToast();
  const [isEditing, setEditing] = useState(false);
  const [isPending, setPending] = useState(false);
  const content = scheduled.content;
  const text = content.type === 'text' ? content.text : `Template ${content.template.name}`;
  return (
    <div className="bubble-row msg-row-out">
      <div className="bubble msg-out msg-scheduled" data-testid="scheduled-message">
        <span className="msg-scheduled-when">🕒 Scheduled for {formatTimestamp(scheduled.sendAt)}</span>
        <WhatsAppText text={text} />
        <div className="msg-scheduled-actions">
          {content.type === 'text' && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            isPending={isPending}
            onClick={() => {
              setPending(true);
              cancelScheduledMessage(scheduled.id)
                .then(() => {
                  toast.show('Scheduled message cancelled', 'success');
                  onChanged();
                })
                .catch((error: unknown) => toast.show(errorMessage(error), 'error'))
                .finally(() => setPending(false));
            }}
          >
            Cancel
          </Button>
        </div>
      </div>
      {isEditing && content.type === 'text' && (
        <ScheduleDialog
          title="Edit the scheduled message"
          initialText={content.text}
          initialAt={scheduled.sendAt}
          onSave={async (body, sendAt) => {
            await updateScheduledMessage(scheduled.id, { content: { type: 'text', text: body }, sendAt });
            onChanged();
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
