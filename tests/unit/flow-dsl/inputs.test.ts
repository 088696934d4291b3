import { flowInputSchema, inputText, parseAnswer, type FlowInput } from '#flow-dsl/inputs';
import { askQuestionDataSchema } from '#flow-dsl/nodes/ask_question/schema';

const message = (fields: Partial<FlowInput>): FlowInput =>
  flowInputSchema.parse({
    messageId: 'm1',
    providerMessageId: 'wamid.1',
    type: 'text',
    receivedAt: '2026-11-21T10:00:00.000Z',
    ...fields,
  });
const said = (text: string) => message({ text });
const question = (data: Record<string, unknown>) => askQuestionDataSchema.parse(data);

describe('[flow-dsl] answers to questions', () => {
  it('accepts emails in lower case and rejects anything else', () => {
    const email = question({ inputType: 'email' });
    expect(parseAnswer(email, said(' Ana@Example.COM '))).toEqual({ ok: true, value: 'ana@example.com' });
    expect(parseAnswer(email, said('ana at example'))).toEqual({ ok: false, reason: 'invalid_email' });
    expect(parseAnswer(email, said('ana@localhost'))).toEqual({ ok: false, reason: 'invalid_email' });
  });

  it('normalises phone numbers to + and digits', () => {
    const phone = question({ inputType: 'phone' });
    expect(parseAnswer(phone, said('+351 912-345-678'))).toEqual({ ok: true, value: '+351912345678' });
    expect(parseAnswer(phone, said('00 44 (20) 7946 0958'))).toEqual({ ok: true, value: '+442079460958' });
    expect(parseAnswer(phone, said('call me'))).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(parseAnswer(phone, said('123'))).toEqual({ ok: false, reason: 'invalid_phone' });
  });

  it('parses numbers within min and max', () => {
    const people = question({ inputType: 'number', validation: { min: 1, max: 8 } });
    expect(parseAnswer(people, said('4'))).toEqual({ ok: true, value: 4 });
    expect(parseAnswer(people, said('2,5'))).toEqual({ ok: true, value: 2.5 });
    expect(parseAnswer(people, said('0'))).toEqual({ ok: false, reason: 'too_small' });
    expect(parseAnswer(people, said('12'))).toEqual({ ok: false, reason: 'too_large' });
    expect(parseAnswer(people, said('four'))).toEqual({ ok: false, reason: 'invalid_number' });
  });

  it('reads dates as ISO, day-first with / or ., and refuses impossible ones', () => {
    const date = question({ inputType: 'date' });
    for (const written of ['2026-11-21', '21/11/2026', '21.11.2026', '21-11-2026']) {
      expect(parseAnswer(date, said(written))).toEqual({ ok: true, value: '2026-11-21' });
    }
    expect(parseAnswer(date, said('31/02/2026'))).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseAnswer(date, said('tomorrow'))).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it('checks text length and pattern, and takes a tapped reply as text', () => {
    const code = question({ inputType: 'text', validation: { minLength: 4, maxLength: 6, pattern: '[A-Z]+\\d+' } });
    expect(parseAnswer(code, said('AB12'))).toEqual({ ok: true, value: 'AB12' });
    expect(parseAnswer(code, said('A1'))).toEqual({ ok: false, reason: 'too_short' });
    expect(parseAnswer(code, said('ABCDEF12'))).toEqual({ ok: false, reason: 'too_long' });
    expect(parseAnswer(code, said('1234'))).toEqual({ ok: false, reason: 'pattern_mismatch' });
    const reply = message({ type: 'interactive', replyId: 'yes', replyTitle: 'Yes please' });
    expect(parseAnswer(question({}), reply)).toEqual({ ok: true, value: 'Yes please' });
    expect(inputText(reply)).toBe('Yes please');
    expect(parseAnswer(question({}), said('   '))).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts media, locations and contacts only from messages of that kind', () => {
    const photo = message({ type: 'image', text: 'my bike', media: { mediaId: 'media-1', mimeType: 'image/jpeg' } });
    expect(parseAnswer(question({ inputType: 'image' }), photo)).toEqual({
      ok: true,
      value: { mediaId: 'media-1', mimeType: 'image/jpeg', caption: 'my bike' },
    });
    expect(parseAnswer(question({ inputType: 'document' }), photo)).toEqual({ ok: false, reason: 'wrong_type' });
    expect(parseAnswer(question({ inputType: 'image' }), said('here'))).toEqual({ ok: false, reason: 'wrong_type' });
    const place = { latitude: 41.15, longitude: -8.61, name: 'Workshop' };
    expect(parseAnswer(question({ inputType: 'location' }), message({ type: 'location', location: place }))).toEqual({
      ok: true,
      value: place,
    });
    const card = { name: { formatted_name: 'Rui' } };
    expect(parseAnswer(question({ inputType: 'contact' }), message({ type: 'contacts', contacts: [card] }))).toEqual({
      ok: true,
      value: card,
    });
    expect(parseAnswer(question({ inputType: 'number' }), photo)).toEqual({ ok: false, reason: 'wrong_type' });
  });
});
