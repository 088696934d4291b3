// WhatsApp's formatting as the inbox, the Sandbox phone and the flow builder render it: markers only
// around non-space text, never inside words, nesting allowed, code spans taken literally.
import { parseWhatsApp, plainText } from '../../../web/src/components/whatsapp/whatsapp-format.ts';

describe('[whatsapp] WhatsApp text formatting', () => {
  it('bold, italic, strikethrough and monospace', () => {
    expect(parseWhatsApp('*Hi* _there_ ~old~ ```x = 1```')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'Hi' }] },
      { kind: 'text', text: ' ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'there' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strike', children: [{ kind: 'text', text: 'old' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'x = 1', block: true },
    ]);
  });

  it('nests markers and keeps code literal', () => {
    expect(parseWhatsApp('*very _important_*')).toEqual([
      {
        kind: 'bold',
        children: [
          { kind: 'text', text: 'very ' },
          { kind: 'italic', children: [{ kind: 'text', text: 'important' }] },
        ],
      },
    ]);
    expect(parseWhatsApp('`*not bold*`')).toEqual([{ kind: 'code', text: '*not bold*', block: false }]);
  });

  it('leaves markers alone inside words, around spaces and across lines', () => {
    for (const text of ['snake_case_name', '2*3*4', '* not bold *', '*open\nclose*', 'a ~ b']) {
      expect(parseWhatsApp(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('plain text drops the markers', () => {
    expect(plainText(parseWhatsApp('Your order *A-17* ships _today_'))).toBe('Your order A-17 ships today');
  });
});
