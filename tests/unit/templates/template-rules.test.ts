// Meta's template rules (api/templates/rule-schemas.ts): a valid template passes, and each rule has
// one case that breaks only that rule and must be reported on its field with a clear message.
import { countTemplate, nextVariable, validateTemplate, type TemplateRulesInput } from '#api/templates/rule-schemas';
import { fromMetaComponents, toMetaComponents } from '#api/templates/meta-components';
import { templateSendRefusal } from '#api/templates/template-status';
import type { TemplateDefinition } from '#api/templates/schemas';

const MB = 1024 * 1024;

function valid(): TemplateRulesInput {
  return {
    name: 'order_update',
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'positional',
    definition: {
      header: { format: 'text', text: 'Order {{1}}', examples: { '1': '#1042' } },
      body: { text: 'Hi {{1}}, your order {{2}} is on its way to you.', examples: { '1': 'Ana', '2': '#1042' } },
      footer: { text: 'Reply STOP to opt out' },
      buttons: [
        { type: 'quick_reply', text: 'Thanks' },
        { type: 'quick_reply', text: 'Where is it?' },
        { type: 'url', text: 'Track order', url: 'https://shop.example/track/{{1}}', example: '1042' },
        { type: 'phone_number', text: 'Call us', phoneNumber: '+14155550123' },
      ],
    },
  };
}

type Change = (t: TemplateRulesInput) => void;
const def = (t: TemplateRulesInput): TemplateDefinition => t.definition;

const cases: Array<[string, Change, string, RegExp, { headerMedia?: { mimeType: string; sizeBytes: number } }?]> = [
  ['name is required', (t) => void (t.name = ''), 'name', /required/],
  ['name is lowercase a-z, 0-9 and _', (t) => void (t.name = 'Order-Update'), 'name', /lowercase/],
  ['name is at most 512 characters', (t) => void (t.name = 'a'.repeat(513)), 'name', /513 characters.*512/],
  ['language is a WhatsApp code', (t) => void (t.language = 'english'), 'language', /not a WhatsApp language code/],
  ['category is one of three', (t) => void (t.category = 'promo'), 'category', /marketing, utility or authentication/],
  [
    'header text is at most 60 characters',
    (t) => void (def(t).header = { format: 'text', text: 'x'.repeat(61), examples: {} }),
    'header.text',
    /61 characters; the maximum is 60/,
  ],
  [
    'header text has at most one variable',
    (t) => void (def(t).header = { format: 'text', text: '{{1}} and {{2}}', examples: { '1': 'a', '2': 'b' } }),
    'header.text',
    /at most one variable/,
  ],
  [
    'header text is one line',
    (t) => void (def(t).header = { format: 'text', text: 'Order\nupdate', examples: {} }),
    'header.text',
    /single line/,
  ],
  [
    'header variable needs a sample',
    (t) => void (def(t).header = { format: 'text', text: 'Order {{1}}', examples: {} }),
    'header.examples.1',
    /sample value for \{\{1\}\} is required/,
  ],
  [
    'media header needs a sample file',
    (t) => void (def(t).header = { format: 'image', mediaId: null }),
    'header.mediaId',
    /sample image is required/,
  ],
  [
    'image header sample must be JPEG or PNG',
    (t) => void (def(t).header = { format: 'image', mediaId: '5b0f1c1e-0000-4000-8000-000000000001' }),
    'header.mediaId',
    /image\/jpeg or image\/png; this file is application\/pdf/,
    { headerMedia: { mimeType: 'application/pdf', sizeBytes: 1000 } },
  ],
  [
    'image header sample is at most 5 MB',
    (t) => void (def(t).header = { format: 'image', mediaId: '5b0f1c1e-0000-4000-8000-000000000001' }),
    'header.mediaId',
    /6 MB; an image header allows 5 MB/,
    { headerMedia: { mimeType: 'image/png', sizeBytes: 6 * MB } },
  ],
  [
    'document header sample must be a PDF',
    (t) => void (def(t).header = { format: 'document', mediaId: '5b0f1c1e-0000-4000-8000-000000000001' }),
    'header.mediaId',
    /application\/pdf/,
    { headerMedia: { mimeType: 'text/plain', sizeBytes: 10 } },
  ],
  ['body is required', (t) => void (def(t).body = { text: '  ', examples: {} }), 'body.text', /required/],
  [
    'body is at most 1024 characters',
    (t) => void (def(t).body = { text: 'word '.repeat(205), examples: {} }),
    'body.text',
    /1025 characters; the maximum is 1024/,
  ],
  [
    'positional variables are numbered without gaps',
    (t) => void (def(t).body = { text: 'Hi {{1}}, your order {{3}} is on its way.', examples: { '1': 'a', '3': 'c' } }),
    'body.text',
    /\{\{2\}\} is missing/,
  ],
  [
    'positional templates use numbers',
    (t) => void (def(t).body = { text: 'Hi {{name}}, your order is on its way.', examples: { name: 'a' } }),
    'body.text',
    /not a positional variable/,
  ],
  [
    'named variables are lowercase',
    (t) => {
      t.parameterFormat = 'named';
      def(t).header = null;
      def(t).body = { text: 'Hi {{First_Name}}, your order is on its way.', examples: { First_Name: 'Ana' } };
    },
    'body.text',
    /not a named variable/,
  ],
  [
    'the body cannot start with a variable',
    (t) => void (def(t).body = { text: '{{1}}, your order {{2}} is on its way.', examples: { '1': 'a', '2': 'b' } }),
    'body.text',
    /cannot start with a variable/,
  ],
  [
    'the body cannot end with a variable',
    (t) => void (def(t).body = { text: 'Hi {{1}}, your order is {{2}}.', examples: { '1': 'a', '2': 'b' } }),
    'body.text',
    /cannot end with a variable/,
  ],
  [
    'variables cannot be too dense',
    (t) => void (def(t).body = { text: 'Hi {{1}} {{2}} {{3}} ok', examples: { '1': 'a', '2': 'b', '3': 'c' } }),
    'body.text',
    /too many variables for its length/,
  ],
  [
    'every body variable needs a sample',
    (t) => void (def(t).body = { text: 'Hi {{1}}, your order {{2}} is on its way.', examples: { '1': 'Ana' } }),
    'body.examples.2',
    /sample value for \{\{2\}\} is required/,
  ],
  [
    'the footer is at most 60 characters',
    (t) => void (def(t).footer = { text: 'f'.repeat(61) }),
    'footer.text',
    /61 characters; the maximum is 60/,
  ],
  ['the footer has no variables', (t) => void (def(t).footer = { text: 'Hi {{1}}' }), 'footer.text', /variables/],
  [
    'at most 3 quick replies',
    (t) => void (def(t).buttons = ['a', 'b', 'c', 'd'].map((text) => ({ type: 'quick_reply' as const, text }))),
    'buttons',
    /at most 3 quick reply buttons/,
  ],
  [
    'at most 10 buttons in total',
    (t) =>
      void (def(t).buttons = Array.from({ length: 11 }, (_, i) => ({
        type: 'url' as const,
        text: `Link ${i}`,
        url: 'https://shop.example',
      }))),
    'buttons',
    /at most 10 buttons/,
  ],
  [
    'at most 2 URL buttons',
    (t) =>
      void (def(t).buttons = [1, 2, 3].map((i) => ({ type: 'url' as const, text: `L${i}`, url: 'https://a.example' }))),
    'buttons',
    /at most 2 website buttons/,
  ],
  [
    'quick replies are grouped',
    (t) =>
      void (def(t).buttons = [
        { type: 'quick_reply', text: 'Yes' },
        { type: 'url', text: 'Site', url: 'https://a.example' },
        { type: 'quick_reply', text: 'No' },
      ]),
    'buttons',
    /next to each other/,
  ],
  [
    'button labels are at most 25 characters',
    (t) => void (def(t).buttons = [{ type: 'quick_reply', text: 'x'.repeat(26) }]),
    'buttons.0.text',
    /26 characters; the maximum is 25/,
  ],
  [
    'button labels are unique',
    (t) =>
      void (def(t).buttons = [
        { type: 'quick_reply', text: 'Yes' },
        { type: 'quick_reply', text: 'yes' },
      ]),
    'buttons.1.text',
    /already the label of button 1/,
  ],
  [
    'a URL is a web address',
    (t) => void (def(t).buttons = [{ type: 'url', text: 'Site', url: 'shop' }]),
    'buttons.0.url',
    /https:\/\//,
  ],
  [
    'a URL is at most 2000 characters',
    (t) => void (def(t).buttons = [{ type: 'url', text: 'Site', url: `https://a.example/${'x'.repeat(2000)}` }]),
    'buttons.0.url',
    /the maximum is 2000/,
  ],
  [
    'a URL variable goes at the end',
    (t) => void (def(t).buttons = [{ type: 'url', text: 'Site', url: 'https://a.example/{{1}}/track', example: 'x' }]),
    'buttons.0.url',
    /at the very end/,
  ],
  [
    'a URL variable needs a sample',
    (t) => void (def(t).buttons = [{ type: 'url', text: 'Site', url: 'https://a.example/{{1}}' }]),
    'buttons.0.example',
    /sample value for the URL variable/,
  ],
  [
    'a call button has an E.164 number',
    (t) => void (def(t).buttons = [{ type: 'phone_number', text: 'Call', phoneNumber: '4155550123' }]),
    'buttons.0.phoneNumber',
    /international format/,
  ],
  [
    'at most one call button',
    (t) =>
      void (def(t).buttons = [
        { type: 'phone_number', text: 'Call', phoneNumber: '+14155550123' },
        { type: 'phone_number', text: 'Call 2', phoneNumber: '+14155550124' },
      ]),
    'buttons',
    /at most 1 call button/,
  ],
  [
    'a copy code sample is at most 15 letters and digits',
    (t) => void (def(t).buttons = [{ type: 'copy_code', example: 'SUMMER-2026-SALE' }]),
    'buttons.0.example',
    /16 characters; the maximum is 15/,
  ],
  [
    'authentication templates have no media header',
    (t) => {
      t.category = 'authentication';
      def(t).header = { format: 'image', mediaId: '5b0f1c1e-0000-4000-8000-000000000001' };
    },
    'header.format',
    /authentication templates cannot have a media header/,
  ],
];

describe('[templates] the rules', () => {
  it('accept a complete template', () => {
    expect(validateTemplate(valid())).toEqual([]);
    const named = valid();
    named.parameterFormat = 'named';
    named.definition.header = { format: 'text', text: 'Order {{order}}', examples: { order: '#1' } };
    named.definition.body = { text: 'Hi {{first_name}}, your order is on its way.', examples: { first_name: 'Ana' } };
    expect(validateTemplate(named)).toEqual([]);
  });

  for (const [rule, change, field, message, context] of cases) {
    it(`reports: ${rule}`, () => {
      const template = valid();
      change(template);
      const issues = validateTemplate(template, context ?? {});
      expect(issues).toContainEqual({ field, message: expect.stringMatching(message) });
    });
  }

  it('counts characters, variables and buttons for the editor', () => {
    const counts = countTemplate(valid().definition);
    expect(counts.header).toEqual({ characters: 11, max: 60, variables: 1 });
    expect(counts.body).toEqual({ characters: 48, max: 1024, variables: ['1', '2'] });
    expect(counts.footer).toEqual({ characters: 21, max: 60 });
    expect(counts.buttons).toEqual({ total: 4, max: 10 });
    expect(nextVariable('Hi {{1}} and {{2}}', 'positional')).toBe('{{3}}');
    expect(nextVariable('Hi {{variable_1}}', 'named')).toBe('{{variable_2}}');
  });
});

describe("[templates] Meta's components", () => {
  it('carry every sample as Meta expects and read back to the same definition', () => {
    const template = valid();
    const components = toMetaComponents(template.definition, 'positional', { headerHandle: null });
    expect(components).toContainEqual({
      type: 'BODY',
      text: template.definition.body.text,
      example: { body_text: [['Ana', '#1042']] },
    });
    expect(components).toContainEqual({
      type: 'HEADER',
      format: 'TEXT',
      text: 'Order {{1}}',
      example: { header_text: ['#1042'] },
    });
    expect(fromMetaComponents(toMetaComponents(template.definition, 'positional'))).toEqual(template.definition);
    const named = toMetaComponents(
      { ...template.definition, header: null, body: { text: 'Hi {{name}} there', examples: { name: 'Ana' } } },
      'named',
    );
    expect(named[0]).toEqual({
      type: 'BODY',
      text: 'Hi {{name}} there',
      example: { body_text_named_params: [{ param_name: 'name', example: 'Ana' }] },
    });
  });
});

describe('[templates] the send check', () => {
  it('refuses a stored template that is not approved, naming it', () => {
    const ref = { name: 'order_update', language: 'en' };
    expect(templateSendRefusal({ status: 'approved' }, ref)).toBeNull();
    expect(templateSendRefusal(null, ref)).toBeNull();
    expect(templateSendRefusal({ status: 'pending' }, ref)).toBe(
      'Template order_update (en) is pending review and cannot be sent: only approved templates can be sent',
    );
    expect(templateSendRefusal({ status: 'rejected', rejectionReason: 'Promotional' }, ref)).toMatch(
      /order_update \(en\) was rejected by WhatsApp \(Promotional\)/,
    );
    expect(templateSendRefusal({ status: 'paused' }, ref)).toMatch(/is paused/);
  });
});
