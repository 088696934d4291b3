// Platform events from automatic work: assignment routing giving a customer's conversation to an
// available agent, and a CSV import creating and updating contacts.
import { MockActivityEnvironment } from '@temporalio/testing';
import { createContactImportActivities } from '#activities/contact-imports/import-contacts';
import type { StoredMapping } from '#api/contact-imports/contact-import-view';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { customerWrites, routingWorkspace, setStatus, teamWithRule, waId } from '../../support/seed/routing.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventMatching, eventsOf, wantEvents } from './event-support.ts';

jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
});
afterAll(() => app.stop());

describe('[events] assignment routing', () => {
  it("routing a new customer's conversation to an online agent announces the assignment", async () => {
    const workspace = await routingWorkspace(app, ['Ann']);
    const ann = workspace.agents[0]!;
    await wantEvents(app, workspace.owner.tenantId, ['conversation.assigned']);
    const teamId = await teamWithRule(app, workspace, { name: 'Support' }, [{ agent: ann }]);
    await setStatus(app, ann, 'online');
    const conversationId = await customerWrites(app, workspace.channel, waId());
    const assigned = await eventMatching(
      app.prisma,
      workspace.owner.tenantId,
      'conversation.assigned',
      (e) => e.conversationId === conversationId,
    );
    expect(assigned).toMatchObject({ channelId: workspace.channel.channelId, assigneeUserId: ann.userId, teamId });
  });
});

describe('[events] contact imports', () => {
  it('an import announces each contact it creates and each change it makes to an existing one', async () => {
    const tenant = await signUpTenant(app.http);
    await app.prisma.contact.create({
      data: { tenantId: tenant.tenantId, waId: '14155550201', phone: '+14155550201', name: 'Old name', tags: ['lead'] },
    });
    await wantEvents(app, tenant.tenantId, ['contact.created', 'contact.updated', 'contact.tag_added']);
    const importId = await importing(tenant, ['phone,name', '+14155550201,New name', '+14155550202,Brand new']);
    const activities = createContactImportActivities({ ...app.deps, prisma: app.prisma });
    const done = await new MockActivityEnvironment().run(activities.importContactChunks, {
      tenantId: tenant.tenantId,
      importId,
    });
    expect(done).toEqual({ status: 'completed' });
    const created = await eventMatching(app.prisma, tenant.tenantId, 'contact.created', () => true);
    expect(created.contact).toMatchObject({ phone: '+14155550202', name: 'Brand new' });
    const updated = await eventMatching(app.prisma, tenant.tenantId, 'contact.updated', () => true);
    expect(updated.contact).toMatchObject({ phone: '+14155550201', name: 'New name' });
    expect(updated.changes).toEqual([
      { attribute: 'name', from: 'Old name', to: 'New name' },
      { attribute: 'tags', from: ['lead'], to: ['lead', 'imported'] },
    ]);
    const tags = await eventsOf(app.prisma, tenant.tenantId, 'contact.tag_added');
    expect(tags).toEqual([{ contact: updated.contact, tag: 'imported' }]);
  });
});

/** An uploaded CSV marked as importing without a workflow (the test runs the activity itself). */
async function importing(tenant: SeededTenant, lines: string[]): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'events.csv');
  const response = await fetch(`${app.url}/api/contact-imports`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${tenant.token}` },
  });
  const { import: created } = (await response.json()) as { import: { id: string } };
  const mapping: StoredMapping = { columns: { phone: 'phone', name: 'name' }, defaultCountry: null };
  await app.prisma.contactImport.update({
    where: { id: created.id },
    data: { status: 'importing', mapping, tags: ['imported'], startedAt: new Date() },
  });
  return created.id;
}
