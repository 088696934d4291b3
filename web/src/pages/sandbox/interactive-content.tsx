// The business's interactive messages (reply buttons, lists) and templates. Their buttons sit
// under the bubble as on the phone; tapping one sends the customer's reply, quoting the message.
import type { CustomerMessage } from '../../api/sandbox-api.ts';
import type { SandboxMessage } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';
import { businessInteractiveSchema, interactiveReplySchema, partOf, type ListMessage } from './message-parts.ts';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';

export type ReplyActions = {
  send: (message: CustomerMessage) => void;
  openList: (list: ListMessage, messageId: string) => void;
};

export function InteractiveContent({ message }: { message: SandboxMessage }) {
  const interactive = partOf(message, businessInteractiveSchema);
  if (!interactive) {
    // The customer's own tap comes back as an interactive reply.
    const reply = partOf(message, interactiveReplySchema);
    const title = reply?.button_reply?.title ?? reply?.list_reply?.title;
    return title ? <WhatsAppText text={title} /> : <span className="bubble-placeholder">Interactive message</span>;
  }
  const header = interactive.header?.type === 'text' ? interactive.header.text : null;
  return <Framed header={header} body={interactive.body.text} footer={interactive.footer?.text ?? null} />;
}

export function InteractiveActions({ message, actions }: { message: SandboxMessage; actions: ReplyActions }) {
  const interactive = message.from === 'business' ? partOf(message, businessInteractiveSchema) : null;
  if (!interactive) {
    return null;
  }
  if (interactive.type === 'list') {
    return (
      <div className="bubble-actions">
        <button type="button" className="bubble-action" onClick={() => actions.openList(interactive, message.id)}>
          <Icon name="list" size={15} />
          {interactive.action.button}
        </button>
      </div>
    );
  }
  return (
    <div className="bubble-actions">
      {interactive.action.buttons.map(({ reply }) => (
        <button
          key={reply.id}
          type="button"
          className="bubble-action"
          onClick={() => actions.send({ type: 'interactive', interactive: { id: reply.id }, replyTo: message.id })}
        >
          {reply.title}
        </button>
      ))}
    </div>
  );
}

export function TemplateContent({ message }: { message: SandboxMessage }) {
  const template = message.template;
  if (!template) {
    return <span className="bubble-placeholder">Template message</span>;
  }
  return <Framed header={template.header} body={template.body} footer={template.footer} />;
}

/** Quick replies answer with their label; URL and call buttons only show (the phone has nowhere to go). */
export function TemplateActions({ message, actions }: { message: SandboxMessage; actions: ReplyActions }) {
  const buttons = message.template?.buttons ?? [];
  if (buttons.length === 0) {
    return null;
  }
  return (
    <div className="bubble-actions">
      {buttons.map((button, index) =>
        button.type === 'QUICK_REPLY' ? (
          <button
            key={index}
            type="button"
            className="bubble-action"
            onClick={() => actions.send({ type: 'button', button: { text: button.text }, replyTo: message.id })}
          >
            {button.text}
          </button>
        ) : (
          <span key={index} className="bubble-action is-static" title={`${button.type} button`}>
            <Icon name={button.type === 'URL' ? 'externalLink' : 'phone'} size={14} />
            {button.text}
          </span>
        ),
      )}
    </div>
  );
}

function Framed({ header, body, footer }: { header: string | null; body: string; footer: string | null }) {
  return (
    <>
      {header && <p className="bubble-header">{header}</p>}
      <WhatsAppText text={body} />
      {footer && <p className="bubble-footer">{footer}</p>}
    </>
  );
}
