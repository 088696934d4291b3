// WhatsApp's text formatting: *bold*, _italic_, ~strikethrough~, `code` and ```monospace```.
// Markers count only around non-space text and not inside words, as on the phone; they nest.
import type { ReactNode } from 'react';

const PATTERN = /```([\s\S]+?)```|`([^`\n]+)`|(?<![\p{L}\p{N}*_~])([*_~])(?!\s)([^\n]*?\S)\3(?![\p{L}\p{N}*_~])/u;
const TAGS = { '*': 'strong', _: 'em', '~': 's' } as const;

export function WhatsAppText({ text }: { text: string }) {
  return <span className="wa-text">{formatWhatsApp(text)}</span>;
}

export function formatWhatsApp(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  while (rest) {
    const match = PATTERN.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) {
      nodes.push(rest.slice(0, match.index));
    }
    const [whole, block, inline, marker, inner] = match;
    const key = nodes.length;
    if (block !== undefined || inline !== undefined) {
      nodes.push(<code key={key}>{block ?? inline}</code>);
    } else {
      const Tag = TAGS[marker as keyof typeof TAGS];
      nodes.push(<Tag key={key}>{formatWhatsApp(inner ?? '')}</Tag>);
    }
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}
