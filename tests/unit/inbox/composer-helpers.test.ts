// The composer's pure rules: when `/` and `@` open suggestions, how a pick replaces the typed
// token, which mentions survive editing, and how many values a template asks for.
import { parameterCount } from '../../../web/src/pages/inbox/composer/template-picker.tsx';
import { mentionedIds, replaceToken, tokenAt } from '../../../web/src/pages/inbox/composer/trigger-token.ts';

describe('[inbox] composer suggestions', () => {
  it('`/` suggests canned responses only at the start of the message', () => {
    expect(tokenAt('/ship', 5, ['/'])).toEqual({ trigger: '/', query: 'ship', start: 0, end: 5 });
    expect(tokenAt('  /', 3, ['/'])).toEqual({ trigger: '/', query: '', start: 2, end: 3 });
    expect(tokenAt('and /ship', 9, ['/'])).toBeNull();
    expect(tokenAt('and/or', 6, ['/'])).toBeNull();
  });

  it('`@` suggests members after a space, not inside an e-mail address', () => {
    expect(tokenAt('ask @ann', 8, ['@'])).toEqual({ trigger: '@', query: 'ann', start: 4, end: 8 });
    expect(tokenAt('mail sam@example.com', 20, ['@'])).toBeNull();
    expect(tokenAt('ask @ann', 8, ['/'])).toBeNull();
    // Only what is before the caret counts.
    expect(tokenAt('ask @ann later', 14, ['@'])).toBeNull();
  });

  it('a pick replaces the token and puts the caret after it', () => {
    const token = tokenAt('ping @sa and', 8, ['@'])!;
    expect(replaceToken('ping @sa and', token, '@Sam Lee ')).toEqual({ text: 'ping @Sam Lee  and', caret: 14 });
  });

  it('notifies only members still mentioned in the text, once each', () => {
    const picked = [
      { userId: 'a', name: 'Ann' },
      { userId: 'b', name: 'Bo' },
      { userId: 'a', name: 'Ann' },
    ];
    expect(mentionedIds('@Ann please check', picked)).toEqual(['a']);
  });

  it('counts the values a template body needs', () => {
    expect(parameterCount('Hi {{1}}, your order {{2}} ships {{ 3 }}')).toBe(3);
    expect(parameterCount('No variables')).toBe(0);
  });
});
