import { answerFromKnowledge, classifyByKeywords } from '#flow-dsl/intent';
import { pickVariant, stableDraw } from '#flow-dsl/split';

describe('[flow-dsl] A/B split draw', () => {
  const variants = [
    { id: 'a', weight: 1 },
    { id: 'b', weight: 3 },
    { id: 'off', weight: 0 },
  ];

  it('picks by weight over [0, 1) and never picks a zero weight', () => {
    expect(pickVariant(variants, 0).id).toBe('a');
    expect(pickVariant(variants, 0.2499).id).toBe('a');
    expect(pickVariant(variants, 0.25).id).toBe('b');
    expect(pickVariant(variants, 0.999999).id).toBe('b');
    expect(pickVariant(variants, 1).id).toBe('b');
    const counts = { a: 0, b: 0, off: 0 };
    for (let i = 0; i < 1000; i++) {
      counts[pickVariant(variants, i / 1000).id as keyof typeof counts]++;
    }
    expect(counts).toEqual({ a: 250, b: 750, off: 0 });
  });

  it('falls back to equal chances when no weight is positive, and needs a variant', () => {
    const none = [
      { id: 'x', weight: 0 },
      { id: 'y', weight: 0 },
    ];
    expect([pickVariant(none, 0.1).id, pickVariant(none, 0.9).id]).toEqual(['x', 'y']);
    expect(() => pickVariant([], 0.5)).toThrow(RangeError);
  });
});

describe('[flow-dsl] keyword intents and knowledge answers', () => {
  const intents = [
    { id: 'hours', name: 'Hours', keywords: ['open', 'opening hours', 'horário'] },
    { id: 'repair', name: 'Repair', keywords: ['repair', 'broken', 'flat tyre'] },
  ];

  it('picks the intent with the most whole-word keyword hits, ignoring case and accents', () => {
    expect(classifyByKeywords(intents, 'My bike is BROKEN, can you repair it?')).toBe('repair');
    expect(classifyByKeywords(intents, 'Qual é o HORARIO?')).toBe('hours');
    expect(classifyByKeywords(intents, 'I got a flat tyre')).toBe('repair');
    expect(classifyByKeywords(intents, 'reopened')).toBeNull();
    expect(classifyByKeywords(intents, 'hello')).toBeNull();
  });

  const knowledge = [
    'Q: When are you open?\nA: Monday to Friday, 9:00 to 18:00.',
    'Q: Do you repair electric bikes?\nA: Yes, every brand, usually within 3 days.',
    'We are at Rua das Flores 12, Porto.',
  ].join('\n\n');

  it('answers from the paragraph sharing most words with the question', () => {
    expect(answerFromKnowledge(knowledge, 'What are your opening hours?')).toBe('Monday to Friday, 9:00 to 18:00.');
    expect(answerFromKnowledge(knowledge, 'can you repair my electric bike')).toBe(
      'Yes, every brand, usually within 3 days.',
    );
    expect(answerFromKnowledge(knowledge, 'where in Porto are you?')).toBe('We are at Rua das Flores 12, Porto.');
  });

  it('says nothing when no paragraph fits well enough', () => {
    expect(answerFromKnowledge(knowledge, 'Do you sell skateboards or scooters?')).toBeNull();
    expect(answerFromKnowledge(knowledge, 'the')).toBeNull();
    expect(answerFromKnowledge('', 'when are you open')).toBeNull();
  });
});

describe('[flow-dsl] stable draw', () => {
  it('is the same for a key, spread evenly in [0, 1) over many keys', () => {
    expect(stableDraw('session-1:ab:7')).toBe(stableDraw('session-1:ab:7'));
    const draws = Array.from({ length: 20_000 }, (_, i) => stableDraw(`session-${i}:ab:3`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const quarters = [0, 0, 0, 0];
    draws.forEach((d) => quarters[Math.floor(d * 4)]!++);
    // 20,000 draws: each quarter 5,000 ± 4 standard deviations (about 245).
    quarters.forEach((n) => expect(Math.abs(n - 5000)).toBeLessThan(245));
  });
});
