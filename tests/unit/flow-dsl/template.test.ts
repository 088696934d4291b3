import { interpolate, templateReferences, templateVariables } from '#flow-dsl/template';
import { scope } from './flow-builders.ts';

const s = scope({
  contact: { id: 'c1', name: 'Ana', phone: '+351912345678', waId: '351912345678', fields: { plan: 'gold' }, tags: [] },
  vars: { order_id: 'A-17', quote: 'say "hi"\n', count: 3, nested: { ok: true } },
  lastInput: 'yes please',
  http: { status: 200, body: { items: [{ name: 'Tyre & tube' }] } },
});

describe('[flow-dsl] templates', () => {
  it('substitutes contact, fields, vars, last input and dotted paths into the HTTP body', () => {
    const template =
      '{{contact.name}} {{contact.phone}} {{contact.fields.plan}} {{vars.order_id}} {{last_input}} {{http.status}} {{http.body.items.0.name}}';
    expect(interpolate(template, s)).toBe('Ana +351912345678 gold A-17 yes please 200 Tyre & tube');
    expect(interpolate('{{ vars.count }} {{vars.nested}}', s)).toBe('3 {"ok":true}');
  });

  it('renders a missing value as empty, or as the fallback when one is given', () => {
    expect(interpolate('[{{vars.nope}}] [{{http.body.items.5.name}}] [{{nothing.here}}]', s)).toBe('[] [] []');
    const nameless = scope({ contact: { ...s.contact, name: null } });
    expect(interpolate('Hi {{contact.name | "there"}}!', nameless)).toBe('Hi there!');
    expect(interpolate('Hi {{contact.name | "there"}}!', s)).toBe('Hi Ana!');
    expect(interpolate('{{vars.x | "say \\"hi\\""}}', s)).toBe('say "hi"');
  });

  it('keeps \\{{ as a literal {{ and leaves unclosed braces alone', () => {
    expect(interpolate('\\{{vars.order_id}} is {{vars.order_id}}', s)).toBe('{{vars.order_id}} is A-17');
    expect(interpolate('a {{ b', s)).toBe('a {{ b');
  });

  it('escapes substituted values only: json inside a string literal, url as a component', () => {
    const body = interpolate('{"q": "{{vars.quote}}", "id": "{{vars.order_id}}"}', s, { escape: 'json' });
    expect(JSON.parse(body)).toEqual({ q: 'say "hi"\n', id: 'A-17' });
    expect(interpolate('https://x.test/s?q={{http.body.items.0.name}}&a=1', s, { escape: 'url' })).toBe(
      'https://x.test/s?q=Tyre%20%26%20tube&a=1',
    );
  });

  it('keeps a base address at the front of a URL as is and encodes the values after it', () => {
    const api = scope({ vars: { api_base: 'https://api.test/v1', host: 'shop.test:8443', email: 'a+b@x.pt' } });
    expect(interpolate('{{vars.api_base}}/repairs?email={{vars.email}}', api, { escape: 'url' })).toBe(
      'https://api.test/v1/repairs?email=a%2Bb%40x.pt',
    );
    expect(interpolate('https://{{vars.host}}/u/{{vars.email}}', api, { escape: 'url' })).toBe(
      'https://shop.test:8443/u/a%2Bb%40x.pt',
    );
  });

  it('lists references with their paths and fallbacks, and the variables read', () => {
    expect(templateReferences('{{contact.name | "there"}} \\{{vars.skip}} {{ vars.order.id }}')).toEqual([
      { path: 'contact.name', root: 'contact', segments: ['name'], fallback: 'there' },
      { path: 'vars.order.id', root: 'vars', segments: ['order', 'id'], fallback: null },
    ]);
    expect(templateVariables('{{vars.a}} {{vars.b.c}} {{contact.name}} {{last_input}}')).toEqual(['a', 'b']);
  });
});
