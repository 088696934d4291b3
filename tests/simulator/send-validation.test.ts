// [simulator] invalid sends: code 100 in the Graph envelope, with the parameter and the problem in
// error_data.details (limits of contract §7.2–§7.3).
import { expectGraphError } from './support/graph-assertions.ts';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';

let sandbox: Sandbox;
let waId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId } = await sandbox.customer());
});
afterAll(() => sandbox.stop());

const buttons = (n: number, title = 'Option') =>
  Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `opt-${i}`, title: `${title} ${i}` } }));

describe('[simulator] validation errors are code 100 with the field in the details', () => {
  const tooMany = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'messaging_product missing',
      { messaging_product: undefined, type: 'text', text: { body: 'x' } },
      /messaging_product/,
    ],
    ['text over 4096', { type: 'text', text: { body: 'x'.repeat(4097) } }, /text\['body'\].*4096/],
    [
      '4 buttons',
      { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: buttons(4) } } },
      /interactive\['action'\]\['buttons'\].*3/,
    ],
    [
      'button title over 20',
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'b' },
          action: { buttons: buttons(1, 'A very long button title') },
        },
      },
      /\['title'\].*20/,
    ],
    [
      '11 list rows in total',
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'b' },
          action: {
            button: 'Go',
            sections: [
              { title: 'A', rows: tooMany(6) },
              { title: 'B', rows: tooMany(5).map((r) => ({ ...r, id: `b${r.id}` })) },
            ],
          },
        },
      },
      /sections.*10 rows in total/,
    ],
    [
      'caption over 1024',
      { type: 'image', image: { link: 'https://example.com/a.png', caption: 'c'.repeat(1025) } },
      /image\['caption'\].*1024/,
    ],
    [
      '258 contacts',
      { type: 'contacts', contacts: Array.from({ length: 258 }, () => ({ name: { formatted_name: 'A' } })) },
      /contacts.*257/,
    ],
    ['unknown type', { type: 'carousel', carousel: {} }, /type/],
    [
      'media with id and link',
      { type: 'image', image: { id: '1', link: 'https://example.com/a.png' } },
      /exactly one of id or link/,
    ],
    ['unknown media id', { type: 'image', image: { id: '999999' } }, /image\['id'\] is not a valid/],
    ['bad recipient', { to: 'not-a-number', type: 'text', text: { body: 'x' } }, /to/],
  ];

  it.each(cases)('[simulator] rejects %s', async (_name, message, details) => {
    expectGraphError(await sandbox.send(message, (message.to as string | undefined) ?? waId), 100, details);
  });

  it('[simulator] rejects malformed JSON with code 100', async () => {
    expectGraphError(
      await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, '{"messaging_product":'),
      100,
      /JSON/,
    );
  });
});
