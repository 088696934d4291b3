// [simulator] `stateFile` + `mediaDir`: customers, threads, templates, media and profiles survive
// a restart; the snapshot is written atomically; an unreadable one is moved aside.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { testInfrastructure } from '../support/test-env.ts';
import path from 'node:path';
import { NUMBER, startSandbox } from './support/sandbox.ts';
import { PNG } from './support/media-samples.ts';

it('[simulator] keeps its state across a restart', async () => {
  const dir = mkdtempSync(path.join(testInfrastructure().runDir, 'simulator-state-'));
  const options = { stateFile: path.join(dir, 'state.json'), mediaDir: path.join(dir, 'media'), saveDebounceMs: 10 };

  const first = await startSandbox(options);
  const { waId } = await first.customer('Persistent Pat');
  await first.control('POST', first.customerPath(waId, '/messages'), {
    type: 'image',
    image: { data: PNG.toString('base64'), mimeType: 'image/png', caption: 'kept' },
  });
  const sent = await first.send({ type: 'text', text: { body: 'See you after the restart' } }, waId);
  await first.graph('POST', `/${NUMBER.wabaId}/message_templates`, {
    name: 'survivor',
    language: 'en',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Still here after a restart.' }],
  });
  await first.graph('POST', `/${NUMBER.phoneNumberId}/whatsapp_business_profile`, {
    messaging_product: 'whatsapp',
    about: 'Persisted',
  });
  await first.settle();
  await first.stop();
  expect(readdirSync(dir).sort()).toEqual(['media', 'state.json']);
  expect(() => JSON.parse(readFileSync(options.stateFile, 'utf8'))).not.toThrow();

  const second = await startSandbox(options);
  try {
    const thread = await second.control('GET', second.customerPath(waId, '/messages'));
    expect(thread.body.data.map((m: any) => [m.from, m.type, m.status])).toEqual([
      ['customer', 'text', 'delivered'],
      ['customer', 'image', 'delivered'],
      ['business', 'text', 'delivered'],
    ]);
    expect(thread.body.data[2].id).toBe(sent.body.messages[0].id);
    const picture = await fetch(thread.body.data[1].content.image.url);
    expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true);
    const customers = await second.control('GET', `/numbers/${NUMBER.phoneNumberId}/customers`);
    expect(customers.body.data).toEqual([expect.objectContaining({ waId, name: 'Persistent Pat', windowOpen: true })]);
    const templates = await second.graph('GET', `/${NUMBER.wabaId}/message_templates?fields=name,status`);
    expect(templates.body.data.map((t: any) => [t.name, t.status]).sort()).toEqual([
      ['hello_world', 'APPROVED'],
      ['survivor', 'APPROVED'],
    ]);
    const profile = await second.graph('GET', `/${NUMBER.phoneNumberId}/whatsapp_business_profile?fields=about`);
    expect(profile.body.data[0].about).toBe('Persisted');
    // The restored customer can carry on the conversation.
    expect((await second.send({ type: 'text', text: { body: 'Welcome back' } }, waId)).status).toBe(200);
  } finally {
    await second.stop();
  }
});

it('[simulator] moves an unreadable state file aside and starts empty', async () => {
  const dir = mkdtempSync(path.join(testInfrastructure().runDir, 'simulator-state-'));
  const stateFile = path.join(dir, 'state.json');
  writeFileSync(stateFile, '{"version": 99}');
  const sandbox = await startSandbox({ stateFile, saveDebounceMs: 10 });
  try {
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.unreadable-'))).toBe(true);
    expect((await sandbox.control('GET', `/numbers/${NUMBER.phoneNumberId}/customers`)).body.data).toEqual([]);
    await sandbox.settle();
    expect(existsSync(stateFile)).toBe(true);
  } finally {
    await sandbox.stop();
  }
});
