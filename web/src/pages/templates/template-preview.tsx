// The template as the customer's WhatsApp shows it: one bubble with the header (text in bold, or
// the sample image, video or document), the body with WhatsApp's formatting and the samples in
// place of its variables, the footer in grey and the time; buttons sit under the bubble (more than
// three show as two plus "See all options", as WhatsApp does).
import type { TemplateButton, TemplateDefinition } from '#api/templates/schemas';
import { Icon } from '../../components/icon.tsx';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';

export type PreviewMedia = { url: string; mimeType: string; filename: string | null } | null;

export function TemplatePreview({ definition, media }: { definition: TemplateDefinition; media: PreviewMedia }) {
  const { header, body, footer, buttons } = definition;
  const shown = buttons.length > 3 ? buttons.slice(0, 2) : buttons;
  return (
    <div className="tpl-phone" aria-label="WhatsApp preview">
      <div className="tpl-bubble" data-testid="template-preview">
        {header?.format === 'text' && header.text.trim() && (
          <div className="tpl-bubble-header">{fill(header.text, header.examples)}</div>
        )}
        {header && header.format !== 'text' && <MediaHeader format={header.format} media={media} />}
        <div className="tpl-bubble-body">
          {body.text.trim() ? (
            <WhatsAppText text={fill(body.text, body.examples)} />
          ) : (
            <span className="tpl-placeholder">Your message text</span>
          )}
        </div>
        {footer?.text.trim() && <div className="tpl-bubble-footer">{footer.text}</div>}
        <div className="tpl-bubble-time">12:00</div>
      </div>
      {shown.map((button, index) => (
        <div key={index} className="tpl-bubble-button">
          <Icon name={buttonIcon(button)} size={14} /> {buttonLabel(button)}
        </div>
      ))}
      {buttons.length > 3 && (
        <div className="tpl-bubble-button">
          <Icon name="list" size={14} /> See all options
        </div>
      )}
    </div>
  );
}

function MediaHeader({ format, media }: { format: 'image' | 'video' | 'document'; media: PreviewMedia }) {
  if (format === 'image' && media) {
    return <img className="tpl-bubble-media" src={media.url} alt="Header sample" />;
  }
  if (format === 'video' && media) {
    return <video className="tpl-bubble-media" src={media.url} muted />;
  }
  return (
    <div className={`tpl-bubble-media tpl-bubble-media-${format}`}>
      <Icon name="file" size={28} />
      <span>{media?.filename ?? (format === 'document' ? 'Document' : format === 'video' ? 'Video' : 'Image')}</span>
    </div>
  );
}

/** The text with each {{variable}} replaced by its sample (or left as is when it has none). */
export function fill(text: string, examples: Record<string, string>): string {
  return text.replace(/\{\{([^{}]*)\}\}/g, (whole, name: string) => examples[name.trim()]?.trim() || whole);
}

function buttonLabel(button: TemplateButton): string {
  return button.type === 'copy_code' ? 'Copy offer code' : button.text || 'Button';
}

function buttonIcon(button: TemplateButton) {
  switch (button.type) {
    case 'url':
      return 'externalLink' as const;
    case 'phone_number':
      return 'phone' as const;
    case 'copy_code':
      return 'copy' as const;
    default:
      return 'reply' as const;
  }
}
