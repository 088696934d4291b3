// WhatsApp's text formatting as a tree of segments: *bold*, _italic_, ~strike~, `code` and
// ```monospace```. Markers count only around non-space text and not inside words, as on the
// phone; they nest. Pure (unit tested); whatsapp-text.tsx turns the tree into elements.

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string; block: boolean }
  | { kind: 'bold' | 'italic' | 'strike'; children: Segment[] };

const PATTERN = /```([\s\S]+?)```|`([^`\n]+)`|(?<![\p{L}\p{N}*_~])([*_~])(?!\s)([^\n]*?\S)\3(?![\p{L}\p{N}*_~])/u;
const KINDS = { '*': 'bold', _: 'italic', '~': 'strike' } as const;

export function parseWhatsApp(text: string): Segment[] {
  const segments: Segment[] = [];
  let rest = text;
  while (rest) {
    const match = PATTERN.exec(rest);
    if (!match) {
      segments.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) {
      segments.push({ kind: 'text', text: rest.slice(0, match.index) });
    }
    const [whole, block, inline, marker, inner] = match;
    if (block !== undefined) {
      segments.push({ kind: 'code', text: block, block: true });
    } else if (inline !== undefined) {
      segments.push({ kind: 'code', text: inline, block: false });
    } else {
      segments.push({ kind: KINDS[marker as keyof typeof KINDS], children: parseWhatsApp(inner ?? '') });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return segments;
}

/** The text without its markers (for previews and screen readers' summaries). */
export function plainText(segments: Segment[]): string {
  return segments.map((s) => ('children' in s ? plainText(s.children) : s.text)).join('');
}
