// Voice notes from Chromium: a WebM/Opus upload is stored as Ogg/Opus (the same Opus packets), and
// a WebM file that cannot be read is a 400 naming `file` that stores nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

jest.setTimeout(60_000);

const RECORDING = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'media', 'voice-note.webm'));

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

async function upload(token: string, bytes: Buffer, type: string, filename: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${app.url}/api/inbox/attachments`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('[media] WebM voice notes', () => {
  it('stores a WebM/Opus recording as an Ogg/Opus voice note', async () => {
    const tenant = await signUpTenant(app.http);
    const stored = await upload(tenant.token, RECORDING, 'audio/webm;codecs=opus', 'voice-note.webm');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg', filename: 'voice-note.ogg' });
    const file = await fetch(`${app.url}${stored.body.url}`);
    expect(file.headers.get('content-type')).toBe('audio/ogg');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(stored.body.sizeBytes);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(bytes.subarray(28, 36).toString('latin1')).toBe('OpusHead');
    // No re-encoding: about as large as the recording (the containers' overheads differ a little).
    expect(Math.abs(bytes.length - RECORDING.length)).toBeLessThan(RECORDING.length * 0.05);
  });

  it('refuses a WebM file that is not an Opus recording with a 400 naming `file`', async () => {
    const tenant = await signUpTenant(app.http);
    for (const bytes of [RECORDING.subarray(0, RECORDING.length / 2), Buffer.from('not a webm at all')]) {
      const refused = await upload(tenant.token, bytes, 'audio/webm', 'voice-note.webm');
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.fields).toEqual([{ field: 'file', message: expect.any(String) }]);
    }
    const cut = await upload(tenant.token, RECORDING.subarray(0, 3000), 'audio/webm', 'voice-note.webm');
    expect(cut.body.error.details.fields[0].message).toMatch(/WebM\/Opus recording .*cut short/);
    expect(await app.prisma.media.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});
