// The chatbot session running with this contact: its flow, where it stands, and the controls
// an agent needs to take over (pause), hand back (resume) or end it (stop).
import type { ConversationDetail } from '#api/inbox/schemas';
import { botAction } from '../../../api/inbox-actions-api.ts';
import { useConversationBot } from '../../../api/inbox-api.ts';
import { Button } from '../../../components/button.tsx';
import { formatRelative } from '../../../lib/format-date.ts';
import { useConversationAction } from '../use-conversation-action.ts';

const STATUS_TEXT = { running: 'Running', waiting: 'Waiting for the customer', handed_off: 'Handed off to agents' };

export function BotSection({ conversation }: { conversation: ConversationDetail }) {
  const bot = useConversationBot(conversation.id);
  const action = useConversationAction();
  const session = bot.data ? bot.data.session : conversation.bot;
  if (!session) {
    return <p className="muted">No chatbot is running with this contact.</p>;
  }
  const node = session.currentNode;
  return (
    <div className="side-block" data-testid="bot-session">
      <p>
        <strong>{session.flowName}</strong>
        {session.flowVersion !== null ? ` v${session.flowVersion}` : ' (test run)'}
      </p>
      <p className="muted">
        {session.paused ? 'Paused: an agent has taken over' : STATUS_TEXT[session.status]} · started{' '}
        {formatRelative(session.startedAt)}
      </p>
      {node && <p className="muted">At step: {node.label ?? node.type ?? node.id}</p>}
      <div className="side-buttons">
        {session.paused ? (
          <Button
            size="sm"
            isPending={action.isPending}
            onClick={() => action.run(() => botAction(conversation.id, 'resume'), 'Bot resumed')}
          >
            Resume
          </Button>
        ) : (
          <Button
            size="sm"
            isPending={action.isPending}
            onClick={() => action.run(() => botAction(conversation.id, 'pause'), 'Bot paused')}
          >
            Pause
          </Button>
        )}
        <Button
          size="sm"
          variant="danger"
          isPending={action.isPending}
          onClick={() => action.run(() => botAction(conversation.id, 'stop'), 'Bot stopped')}
        >
          Stop
        </Button>
      </div>
    </div>
  );
}
