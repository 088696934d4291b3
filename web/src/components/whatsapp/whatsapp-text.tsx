// Message text as WhatsApp shows it: *bold*, _italic_, ~strike~, `code` and ```monospace```
// (whatsapp-format.ts), with links made clickable. Used by the inbox thread, the Sandbox phone and
// the flow builder's previews.
import { Fragment, type ReactNode } from 'react';
import { parseWhatsApp, type Segment } from './whatsapp-format.ts';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

export function WhatsAppText({ text }: { text: string }) {
  return <span className="wa-text">{render(parseWhatsApp(text))}</span>;
}

function render(segments: Segment[]): ReactNode[] {
  return segments.map((segment, index) => {
    switch (segment.kind) {
      case 'text':
        return <Fragment key={index}>{linkify(segment.text)}</Fragment>;
      case 'code':
        return segment.block ? <pre key={index}>{segment.text}</pre> : <code key={index}>{segment.text}</code>;
      case 'bold':
        return <strong key={index}>{render(segment.children)}</strong>;
      case 'italic':
        return <em key={index}>{render(segment.children)}</em>;
      case 'strike':
        return <s key={index}>{render(segment.children)}</s>;
    }
  });
}

function linkify(text: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} target="_blank" rel="noreferrer noopener">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
