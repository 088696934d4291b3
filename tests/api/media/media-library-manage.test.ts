// The media library beyond uploads: images optimised for WhatsApp with sharp, per-kind limits,
// the storage quota (small in this file: MEDIA_QUOTA_BYTES=8 MB, and a workspace's own setting),
// search, kind filter and sorts, usage by messages, flows and templates, rename and delete rules.
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ MEDIA_QUOTA_BYTES: String(8 * MB) });
});
afterAll(async () => {
  await app?.stop();
});

async function upload(token: string, bytes: Buffer, type: string, filename: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function storedBytes(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${app.url}${url}`)).arrayBuffer());
}

/** A photo-like image: noise does not compress, so sizes are realistic. */
function noise(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp({
    create: { width, height, channels, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  });
}

describe('[media] image optimisation', () => {
  it('accepts a PNG over 5 MB that optimises below it: scaled to 1600 px, stored smaller, sizes recorded', async () => {
    const tenant = await signUpTenant(app.http);
    const png = await noise(2400, 1800).png({ compressionLevel: 1 }).toBuffer();
    expect(png.length).toBeGreaterThan(5 * MB);
    const stored = await upload(tenant.token, png, 'image/png', 'shop-front.png');
    expect(stored.status).toBe(201);
    // Opaque: a JPEG is far smaller than any PNG of it.
    expect(stored.body).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      filename: 'shop-front.jpg',
      originalSizeBytes: png.length,
      width: 1600,
      height: 1200,
    });
    expect(stored.body.sizeBytes).toBeLessThan(5 * MB);
    const bytes = await storedBytes(stored.body.url);
    expect(bytes.length).toBe(stored.body.sizeBytes);
    const metadata = await sharp(bytes).metadata();
    expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
      format: 'jpeg',
      width: 1600,
      height: 1200,
    });
  });

  it('turns a JPEG upright by its EXIF orientation and strips its metadata', async () => {
    const tenant = await signUpTenant(app.http);
    // Stored 800×400, to be shown turned a quarter (orientation 6): upright it is 400×800.
    const jpeg = await noise(800, 400).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const stored = await upload(tenant.token, jpeg, 'image/jpeg', 'rotated.jpg');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ mimeType: 'image/jpeg', filename: 'rotated.jpg', width: 400, height: 800 });
    const metadata = await sharp(await storedBytes(stored.body.url)).metadata();
    expect(metadata).toMatchObject({ width: 400, height: 800 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  });

  it('keeps a transparent PNG a PNG, and a small clean image as it came', async () => {
    const tenant = await signUpTenant(app.http);
    const transparent = await noise(2000, 1000, 4).png().toBuffer();
    const logo = await upload(tenant.token, transparent, 'image/png', 'logo.png');
    expect(logo.body).toMatchObject({ mimeType: 'image/png', filename: 'logo.png', width: 1600, height: 800 });
    expect((await sharp(await storedBytes(logo.body.url)).metadata()).hasAlpha).toBe(true);

    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366cc' } })
      .jpeg({ quality: 70 })
      .toBuffer();
    const icon = await upload(tenant.token, small, 'image/jpeg', 'icon.jpg');
    expect(icon.body).toMatchObject({ sizeBytes: small.length, originalSizeBytes: small.length, width: 64 });
    expect((await storedBytes(icon.body.url)).equals(small)).toBe(true);
  });

  it('refuses per type: an image over 25 MB, audio over 16 MB, a broken image, each a 400 naming `file`', async () => {
    const tenant = await signUpTenant(app.http);
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cases: Array<[string, Buffer, string, string, RegExp]> = [
      ['image', Buffer.concat([header, Buffer.alloc(25 * MB)]), 'image/png', 'big.png', /larger than 25 MB/],
      ['audio', Buffer.concat([Buffer.from('OggS'), Buffer.alloc(16 * MB)]), 'audio/ogg', 'long.ogg', /16 MB/],
      ['broken', Buffer.concat([header, Buffer.alloc(1000)]), 'image/png', 'broken.png', /not a readable/],
    ];
    for (const [label, bytes, type, name, reason] of cases) {
      const refused = await upload(tenant.token, bytes, type, name);
      expect({ label, status: refused.status, field: refused.body.error.details.fields[0].field }).toEqual({
        label,
        status: 400,
        field: 'file',
      });
      expect(refused.body.error.details.fields[0].message).toMatch(reason);
    }
    expect(await app.prisma.media.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});

describe('[media] storage quota', () => {
  it('refuses an upload past the quota with a 413 naming `file` and the figures, and counts deletions', async () => {
    const tenant = await signUpTenant(app.http);
    const big = Buffer.concat([PDF, Buffer.alloc(3 * MB)]);
    const first = await upload(tenant.token, big, 'application/pdf', 'one.pdf');
    const second = await upload(tenant.token, big, 'application/pdf', 'two.pdf');
    expect([first.status, second.status]).toEqual([201, 201]);
    const refused = await upload(tenant.token, big, 'application/pdf', 'three.pdf');
    expect(refused.status).toBe(413);
    expect(refused.body.error.details).toMatchObject({
      fields: [{ field: 'file', message: expect.stringMatching(/storage quota: 6\.0 MB of 8\.0 MB used/) }],
      usedBytes: 2 * big.length,
      quotaBytes: 8 * MB,
      fileBytes: big.length,
    });
    expect((await app.http.get('/api/media/storage', { token: tenant.token })).body).toEqual({
      usedBytes: 2 * big.length,
      quotaBytes: 8 * MB,
      files: 2,
    });
    // Deleting a file frees its space.
    expect((await app.http.delete(`/api/media/${first.body.id}`, { token: tenant.token })).status).toBe(204);
    expect((await upload(tenant.token, big, 'application/pdf', 'three.pdf')).status).toBe(201);
    // A workspace's own quota overrides the default.
    await app.prisma.tenantSettings.update({
      where: { tenantId: tenant.tenantId },
      data: { mediaQuotaBytes: BigInt(20 * MB) },
    });
    expect((await upload(tenant.token, big, 'application/pdf', 'four.pdf')).status).toBe(201);
    expect((await app.http.get('/api/media/storage', { token: tenant.token })).body.quotaBytes).toBe(20 * MB);
  });

  it('lets concurrent uploads take turns so they never pass the quota together', async () => {
    const tenant = await signUpTenant(app.http);
    const file = Buffer.concat([PDF, Buffer.alloc(2 * MB)]);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => upload(tenant.token, file, 'application/pdf', `part-${n}.pdf`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 413, 413]);
    const storage = await app.http.get('/api/media/storage', { token: tenant.token });
    expect(storage.body.usedBytes).toBeLessThanOrEqual(8 * MB);
  });
});

describe('[media] search, filter, usage, rename and delete', () => {
  it('searches by name, filters by kind and sorts, a page at a time', async () => {
    const tenant = await signUpTenant(app.http);
    const token = tenant.token;
    const red = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const ids: Record<string, string> = {};
    for (const [name, bytes, type] of [
      ['summer-sale.png', red, 'image/png'],
      ['price-list.pdf', Buffer.concat([PDF, Buffer.alloc(5000)]), 'application/pdf'],
      ['summer-terms.pdf', PDF, 'application/pdf'],
    ] as const) {
      ids[name] = (await upload(token, bytes, type, name)).body.id;
    }
    const names = async (query: string) =>
      ((await app.http.get(`/api/media?${query}`, { token })).body.items as Array<{ filename: string }>).map(
        (m) => m.filename,
      );
    expect(await names('search=SUMMER')).toEqual(['summer-terms.pdf', 'summer-sale.png']);
    expect(await names('search=summer&kind=document')).toEqual(['summer-terms.pdf']);
    expect(await names('sort=oldest')).toEqual(['summer-sale.png', 'price-list.pdf', 'summer-terms.pdf']);
    expect(await names('sort=name')).toEqual(['price-list.pdf', 'summer-sale.png', 'summer-terms.pdf']);
    expect((await names('sort=largest'))[0]).toBe('price-list.pdf');
    expect(await names('search=nothing-like-this')).toEqual([]);
    const first = await app.http.get('/api/media?sort=name&limit=2', { token });
    const second = await app.http.get(`/api/media?sort=name&limit=2&cursor=${first.body.nextCursor}`, { token });
    expect([...first.body.items, ...second.body.items].map((m: { filename: string }) => m.filename)).toEqual(
      await names('sort=name'),
    );
    expect(second.body.nextCursor).toBeNull();
    expect((await app.http.get('/api/media?sort=random', { token })).body.error.details.fields[0].field).toBe('sort');
  });

  it('counts messages, flows and templates that use a file; refuses deleting one a published flow sends', async () => {
    const tenant = await signUpTenant(app.http);
    const token = tenant.token;
    const picture = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const image = (await upload(token, picture, 'image/png', 'bike.png')).body;
    expect(image.usage).toEqual({ messages: 0, flows: 0, publishedFlows: 0, templates: 0, lastUsedAt: null });

    // Sent twice to a customer on the Sandbox number.
    const sandboxId = (await app.http.get('/api/sandbox', { token })).body.channel.id;
    const customer = await app.http.post('/api/sandbox/customers', { name: 'Usage Rider' }, { token });
    const waId: string = customer.body.waId;
    await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hi' } }, { token });
    await eventually(
      () => app.prisma.conversation.findFirst({ where: { contact: { waId }, lastInboundAt: { not: null } } }),
      'the open window',
    );
    for (const key of ['a', 'b']) {
      const sent = await app.http.post(
        '/api/messages',
        {
          channelId: sandboxId,
          to: { phone: `+${waId}` },
          content: { type: 'image', image: { id: image.id } },
          idempotencyKey: key,
        },
        { token },
      );
      expect(sent.status).toBe(202);
    }

    // Named by a draft flow, a published flow and a template.
    const document = (name: string) => ({
      schemaVersion: 2,
      name,
      trigger: { type: 'manual' },
      variables: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'photo',
          type: 'send_media',
          position: { x: 0, y: 100 },
          data: { mediaType: 'image', mediaId: image.id },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'photo' }],
    });
    await createFlow(app.http, token, document('Draft with bike'), { publish: false });
    const publishedId = await createFlow(app.http, token, document('Bike promo'));
    await app.prisma.messageTemplate.create({
      data: {
        tenantId: tenant.tenantId,
        channelId: sandboxId,
        name: 'bike_offer',
        language: 'en',
        category: 'marketing',
        components: [{ type: 'HEADER', format: 'IMAGE', parleyMediaId: image.id }],
      },
    });

    const used = await app.http.get(`/api/media/${image.id}`, { token });
    expect(used.body.usage).toEqual({
      messages: 2,
      flows: 2,
      publishedFlows: 1,
      templates: 1,
      lastUsedAt: expect.any(String),
    });
    const listed = await app.http.get('/api/media', { token });
    expect(listed.body.items[0].usage).toEqual(used.body.usage);

    // Renamed; a bad name is a 400 naming `filename`.
    const renamed = await app.http.patch(`/api/media/${image.id}`, { filename: '  Bike 2027.png ' }, { token });
    expect(renamed.body).toMatchObject({ filename: 'Bike 2027.png', usage: { messages: 2 } });
    const badName = await app.http.patch(`/api/media/${image.id}`, { filename: 'a/b.png' }, { token });
    expect([badName.status, badName.body.error.details.fields[0].field]).toEqual([400, 'filename']);

    // A published flow sends it: deleting is a 409 naming the flow; once it no longer does, it goes.
    const refused = await app.http.delete(`/api/media/${image.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.fields[0]).toEqual({
      field: 'mediaId',
      message: expect.stringContaining('"Bike promo"'),
    });
    const flow = await app.http.get(`/api/flows/${publishedId}`, { token });
    expect(flow.status).toBe(200);
    await app.prisma.flow.update({ where: { id: publishedId }, data: { activeVersionId: null } });
    expect((await app.http.delete(`/api/media/${image.id}`, { token })).status).toBe(204);
    expect((await app.http.get(`/api/media/${image.id}`, { token })).status).toBe(404);
    expect(await app.prisma.media.count({ where: { id: image.id } })).toBe(0);
    // The messages stay, without the attachment.
    expect(await app.prisma.message.count({ where: { tenantId: tenant.tenantId, type: 'image' } })).toBe(2);
    const audit = await app.prisma.auditLog.findMany({
      where: { tenantId: tenant.tenantId, action: { startsWith: 'media.' } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['media.deleted', 'media.renamed', 'media.uploaded']);
  });

  it('renames and deletes with flows.manage only', async () => {
    const tenant = await signUpTenant(app.http);
    const uploaded = await upload(tenant.token, PDF, 'application/pdf', 'terms.pdf');
    const role = await app.http.post(
      '/api/roles',
      { name: 'Viewer', permissions: ['flows.view'] },
      { token: tenant.token },
    );
    const key = await app.http.post('/api/api-keys', { name: 'viewer', roleId: role.body.id }, { token: tenant.token });
    const viewer: string = key.body.key;
    expect((await app.http.get(`/api/media/${uploaded.body.id}`, { token: viewer })).status).toBe(200);
    expect((await app.http.get('/api/media/storage', { token: viewer })).status).toBe(200);
    expect(
      (await app.http.patch(`/api/media/${uploaded.body.id}`, { filename: 'x.pdf' }, { token: viewer })).status,
    ).toBe(403);
    expect((await app.http.delete(`/api/media/${uploaded.body.id}`, { token: viewer })).status).toBe(403);
    // Another workspace cannot see it.
    const other = await signUpTenant(app.http);
    expect((await app.http.get(`/api/media/${uploaded.body.id}`, { token: other.token })).status).toBe(404);
    expect((await app.http.delete(`/api/media/${uploaded.body.id}`, { token: other.token })).status).toBe(404);
  });
});
