import { matchesKeyword, triggerSchema } from '#flow-dsl/triggers';

describe('[flow-dsl] triggers', () => {
  const trigger = triggerSchema.parse({
    type: 'keyword',
    keywords: [{ value: 'Olá' }, { value: 'price', match: 'contains' }, { value: '^order\\s*#?\\d+$', match: 'regex' }],
  });

  it('matches exact and contains keywords ignoring case, accents and spaces', () => {
    expect(trigger).toMatchObject({ channelIds: [], priority: 0 });
    expect(matchesKeyword(trigger, '  OLA ')).toBe(true);
    expect(matchesKeyword(trigger, 'olá amigo')).toBe(false);
    expect(matchesKeyword(trigger, 'What is the PRICE?')).toBe(true);
  });

  it('matches regular expressions, and an invalid one never matches', () => {
    expect(matchesKeyword(trigger, 'Order #123')).toBe(true);
    const broken = triggerSchema.parse({ type: 'keyword', keywords: [{ value: '(', match: 'regex' }] });
    expect(matchesKeyword(broken, '(')).toBe(false);
  });

  it('never matches keywords for other trigger types', () => {
    expect(matchesKeyword(triggerSchema.parse({ type: 'new_conversation' }), 'hi')).toBe(false);
    expect(matchesKeyword(triggerSchema.parse({ type: 'manual' }), 'hi')).toBe(false);
  });
});
