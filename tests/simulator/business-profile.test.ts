// [simulator] business profile (contract §10) with its field limits, and the picture set through
// the Resumable Upload API and read back as a URL.
import { businessProfileSchema } from '#api/whatsapp/graph-schemas';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { PNG } from './support/media-samples.ts';

let sandbox: Sandbox;
const path = `/${NUMBER.phoneNumberId}/whatsapp_business_profile`;
const fields = 'about,address,description,email,profile_picture_url,websites,vertical';

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

it('[simulator] updates only the fields sent and reads them back', async () => {
  const update = await sandbox.graph('POST', path, {
    messaging_product: 'whatsapp',
    about: 'Fresh bread daily 🥖',
    email: 'hello@bakery.example',
    websites: ['https://bakery.example'],
    vertical: 'RESTAURANT',
  });
  expect(update.body).toEqual({ success: true });
  await sandbox.graph('POST', path, { messaging_product: 'whatsapp', address: '1 Main St' });
  const read = await sandbox.graph('GET', `${path}?fields=${fields}`);
  expect(businessProfileSchema.parse(read.body)).toBeTruthy();
  expect(read.body).toEqual({
    data: [
      {
        about: 'Fresh bread daily 🥖',
        address: '1 Main St',
        description: '',
        email: 'hello@bakery.example',
        websites: ['https://bakery.example'],
        vertical: 'RESTAURANT',
        messaging_product: 'whatsapp',
      },
    ],
  });
  const some = await sandbox.graph('GET', `${path}?fields=about`);
  expect(some.body).toEqual({ data: [{ about: 'Fresh bread daily 🥖', messaging_product: 'whatsapp' }] });
});

describe('[simulator] profile limits are code 100 naming the field', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['about over 139', { about: 'a'.repeat(140) }, /about.*139/],
    ['empty about', { about: '  ' }, /about/],
    ['address over 256', { address: 'a'.repeat(257) }, /address.*256/],
    ['description over 512', { description: 'd'.repeat(513) }, /description.*512/],
    ['a bad email', { email: 'not-an-email' }, /email/],
    ['three websites', { websites: ['https://a.example', 'https://b.example', 'https://c.example'] }, /websites.*2/],
    ['a website without http', { websites: ['ftp://a.example'] }, /websites\[0\]/],
    ['an unknown vertical', { vertical: 'SPACE' }, /vertical/],
    ['an unknown field', { colour: 'red' }, /colour|Unrecognized/],
    ['no messaging_product', { messaging_product: undefined, about: 'x' }, /messaging_product/],
  ];
  it.each(cases)('[simulator] rejects %s', async (_name, body, details) => {
    const reply = await sandbox.graph('POST', path, { messaging_product: 'whatsapp', ...body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 100, error_data: { details: expect.stringMatching(details) } });
  });
});

it('[simulator] sets the profile picture from a Resumable Upload handle', async () => {
  const session = await sandbox.graph(
    'POST',
    `/app/uploads?file_length=${PNG.length}&file_type=image/png&file_name=logo.png`,
  );
  expect(session.body).toEqual({ id: expect.stringMatching(/^upload:\d+$/) });
  const uploaded = await fetch(`${sandbox.url}/v24.0/${session.body.id}`, {
    method: 'POST',
    headers: { authorization: `OAuth ${NUMBER.accessToken}`, file_offset: '0', 'content-type': 'image/png' },
    body: new Uint8Array(PNG),
  });
  const { h } = (await uploaded.json()) as { h: string };
  expect(h).toMatch(/^4::/);
  expect(
    (await sandbox.graph('POST', path, { messaging_product: 'whatsapp', profile_picture_handle: h })).body,
  ).toEqual({ success: true });
  const read = await sandbox.graph('GET', `${path}?fields=profile_picture_url`);
  const picture = await fetch(read.body.data[0].profile_picture_url);
  expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true);
  const bad = await sandbox.graph('POST', path, { messaging_product: 'whatsapp', profile_picture_handle: '4::bogus' });
  expect(bad.body.error).toMatchObject({ code: 100 });
});

it('[simulator] answers a GET without a token with error 200, a wrong one with 190', async () => {
  expect((await sandbox.graph('GET', path, undefined, null)).body.error).toMatchObject({
    code: 200,
    message: '(#200) Provide valid app ID',
  });
  expect((await sandbox.graph('GET', path, undefined, 'wrong')).body.error.code).toBe(190);
});
