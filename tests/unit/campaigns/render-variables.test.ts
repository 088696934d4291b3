// A campaign message per recipient: template variables from contact fields, defaults, skips.
import { renderCampaignMessage, type RecipientContact, type StoredTemplate } from '#api/campaigns/render-variables';
import type { VariantMessage } from '#api/campaigns/schemas';

const positional: StoredTemplate = {
  name: 'order_ready',
  language: 'en_US',
  parameterFormat: 'positional',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}', example: { header_text: ['Ana'] } },
    { type: 'BODY', text: 'Your {{1}} order is ready, pick it up at {{2}}.' },
    { type: 'FOOTER', text: 'Parley shop' },
  ],
};

const named: StoredTemplate = {
  name: 'welcome',
  language: 'pt_BR',
  parameterFormat: 'named',
  components: [{ type: 'BODY', text: 'Oi {{first_name}}, seu plano {{plan}} começou. {{first_name}}!' }],
};

const ana: RecipientContact = {
  name: 'Ana',
  phone: '+5511999990000',
  email: null,
  language: 'pt_BR',
  fields: { plan: 'gold', store: '  ', visits: 3 },
};

function template(overrides: Partial<Extract<VariantMessage, { kind: 'template' }>>): VariantMessage {
  return { kind: 'template', templateId: '6f1d3f6e-9c39-4a53-9a43-3b1f1c1f0a11', bodyVariables: [], ...overrides };
}

describe('[campaigns] render variables', () => {
  it('fills positional header and body parameters from contact fields, and renders the text', () => {
    const outcome = renderCampaignMessage({
      message: template({
        headerVariable: { source: 'contact', field: 'name' },
        bodyVariables: [
          { source: 'contact', field: 'fields.plan' },
          { source: 'text', value: 'Main St.\n12' },
        ],
      }),
      template: positional,
      contact: ana,
      missingVariable: 'skip',
    });
    expect(outcome).toEqual({
      content: {
        type: 'template',
        template: {
          name: 'order_ready',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'text', text: 'Ana' }] },
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'gold' },
                { type: 'text', text: 'Main St. 12' },
              ],
            },
          ],
        },
      },
      text: 'Your gold order is ready, pick it up at Main St.\n12.',
    });
  });

  it('names parameters of a named template once each, in the template’s order', () => {
    const outcome = renderCampaignMessage({
      message: template({
        bodyVariables: [
          { source: 'contact', field: 'name' },
          { source: 'contact', field: 'fields.plan' },
        ],
      }),
      template: named,
      contact: ana,
      missingVariable: 'skip',
    });
    expect(outcome).toMatchObject({
      content: {
        template: {
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana', parameter_name: 'first_name' },
                { type: 'text', text: 'gold', parameter_name: 'plan' },
              ],
            },
          ],
        },
      },
      text: 'Oi Ana, seu plano gold começou. Ana!',
    });
  });

  it('skips a recipient whose field is blank, unless the campaign uses the binding’s default', () => {
    const message = template({
      headerVariable: { source: 'contact', field: 'fields.store', default: 'friend' },
      bodyVariables: [
        { source: 'contact', field: 'email', default: 'you' },
        { source: 'contact', field: 'fields.visits' },
      ],
    });
    expect(renderCampaignMessage({ message, template: positional, contact: ana, missingVariable: 'skip' })).toEqual({
      skip: 'missing_variable',
    });
    expect(
      renderCampaignMessage({ message, template: positional, contact: ana, missingVariable: 'default' }),
    ).toMatchObject({ text: 'Your you order is ready, pick it up at 3.' });
  });

  it('skips when there is no value and no default even with missingVariable default', () => {
    const message = template({ bodyVariables: [{ source: 'contact', field: 'fields.coupon' }] });
    expect(renderCampaignMessage({ message, template: positional, contact: ana, missingVariable: 'default' })).toEqual({
      skip: 'missing_variable',
    });
  });

  it('sends a template without variables as is, and a text as a text', () => {
    const hello: StoredTemplate = {
      name: 'hello_world',
      language: 'en_US',
      parameterFormat: 'positional',
      components: [{ type: 'BODY', text: 'Hello World' }],
    };
    expect(
      renderCampaignMessage({ message: template({}), template: hello, contact: ana, missingVariable: 'skip' }),
    ).toEqual({
      content: { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
      text: 'Hello World',
    });
    expect(
      renderCampaignMessage({
        message: { kind: 'text', text: 'Sale today' },
        template: null,
        contact: ana,
        missingVariable: 'skip',
      }),
    ).toEqual({ content: { type: 'text', text: { body: 'Sale today' } }, text: 'Sale today' });
  });
});
