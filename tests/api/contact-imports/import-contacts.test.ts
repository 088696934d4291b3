// Importing contacts from CSV and Excel end to end: upload, preview, validate a mapping, run the
// contactImport workflow on the real Temporal server, and read the contacts and the report of
// rejected rows back. Malformed files import nothing.
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(120_000);

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

type Upload = { bytes: Buffer | string; filename: string; type?: string };

async function upload(tenant: SeededTenant, file: Upload) {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes;
  form.set('file', new Blob([new Uint8Array(bytes)], { type: file.type ?? 'text/csv' }), file.filename);
  const response = await fetch(`${app.url}/api/contact-imports`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${tenant.token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function importToEnd(tenant: SeededTenant, importId: string, options: Record<string, unknown>) {
  const started = await app.http.post(`/api/contact-imports/${importId}/start`, options, { token: tenant.token });
  expect(started.status).toBe(202);
  return eventually(
    async () => {
      const current = await app.http.get(`/api/contact-imports/${importId}`, { token: tenant.token });
      return current.body.status !== 'importing' && current.body;
    },
    'the import to finish',
    90_000,
  );
}

async function addCustomFields(tenant: SeededTenant) {
  const fields = [
    { key: 'plan', label: 'Plan', type: 'dropdown', options: ['Gold', 'Silver'] },
    { key: 'visits', label: 'Visits', type: 'number', options: [] },
    { key: 'birthday', label: 'Birthday', type: 'date', options: [] },
    { key: 'interests', label: 'Interests', type: 'multi_select', options: ['Bikes', 'Boats'] },
    { key: 'vip', label: 'VIP', type: 'checkbox', options: [] },
  ];
  await app.prisma.customField.createMany({
    data: fields.map((field, position) => ({ ...field, tenantId: tenant.tenantId, position })),
  });
}

function contactsOf(tenant: SeededTenant) {
  return app.prisma.contact.findMany({
    where: { tenantId: tenant.tenantId },
    orderBy: { phone: 'asc' },
    select: { phone: true, name: true, email: true, tags: true, fields: true, optInStatus: true, optInSource: true },
  });
}

describe('[contacts] importing contacts from a file', () => {
  it('previews a CSV, suggests a mapping, imports it with batch tags and a group, and lists the import', async () => {
    const tenant = await signUpTenant(app.http);
    await addCustomFields(tenant);
    const group = await app.prisma.contactGroup.create({ data: { tenantId: tenant.tenantId, name: 'Fair visitors' } });
    const csv = [
      'Phone;Full name;E-mail;Plan;Visits;Birthday;Interests;VIP;Opt-in;Notes',
      '+14155550101;Ana Lima;ANA@example.com;gold;3;31/03/1990;bikes, boats;yes;yes;ignored',
      '+14155550102;"Bo; Jr";;Silver;;1985-12-01;;no;no;',
    ].join('\r\n');
    const uploaded = await upload(tenant, { bytes: csv, filename: 'fair.csv' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.headers).toEqual([
      'Phone',
      'Full name',
      'E-mail',
      'Plan',
      'Visits',
      'Birthday',
      'Interests',
      'VIP',
      'Opt-in',
      'Notes',
    ]);
    expect(uploaded.body.totalRows).toBe(2);
    expect(uploaded.body.rows[1]).toEqual([
      '+14155550102',
      'Bo; Jr',
      '',
      'Silver',
      '',
      '1985-12-01',
      '',
      'no',
      'no',
      '',
    ]);
    expect(uploaded.body.suggestedMapping).toEqual({
      Phone: 'phone',
      'Full name': 'name',
      'E-mail': 'email',
      Plan: 'fields.plan',
      Visits: 'fields.visits',
      Birthday: 'fields.birthday',
      Interests: 'fields.interests',
      VIP: 'fields.vip',
      'Opt-in': 'optInStatus',
      Notes: null,
    });
    expect(uploaded.body.import).toMatchObject({
      status: 'uploaded',
      format: 'csv',
      filename: 'fair.csv',
      totalRows: 2,
    });
    const importId = uploaded.body.import.id;

    const options = {
      mapping: uploaded.body.suggestedMapping,
      tags: ['fair-2026'],
      groupId: group.id,
    };
    const validation = await app.http.post(`/api/contact-imports/${importId}/validate`, options, {
      token: tenant.token,
    });
    expect(validation.body).toMatchObject({ totalRows: 2, validRows: 2, rejectedRows: 0, errors: [] });

    const done = await importToEnd(tenant, importId, options);
    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 2,
      createdCount: 2,
      updatedCount: 0,
      rejectedCount: 0,
      hasReport: false,
      tags: ['fair-2026'],
      groupId: group.id,
    });
    expect(await contactsOf(tenant)).toEqual([
      {
        phone: '+14155550101',
        name: 'Ana Lima',
        email: 'ana@example.com',
        tags: ['fair-2026'],
        fields: { plan: 'Gold', visits: 3, birthday: '1990-03-31', interests: ['Bikes', 'Boats'], vip: true },
        optInStatus: 'opted_in',
        optInSource: 'import',
      },
      {
        phone: '+14155550102',
        name: 'Bo; Jr',
        email: null,
        tags: ['fair-2026'],
        fields: { plan: 'Silver', birthday: '1985-12-01', vip: false },
        optInStatus: 'opted_out',
        optInSource: 'import',
      },
    ]);
    expect(await app.prisma.contactGroupMember.count({ where: { groupId: group.id } })).toBe(2);

    const list = await app.http.get('/api/contact-imports', { token: tenant.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: importId, status: 'completed', createdCount: 2 })]);
    const again = await app.http.post(`/api/contact-imports/${importId}/start`, options, { token: tenant.token });
    expect(again.status).toBe(409);
  });

  it('imports an Excel workbook, numbers without a country code taking the chosen default country', async () => {
    const tenant = await signUpTenant(app.http);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    sheet.addRow(['Mobile', 'Name', 'Tags']);
    sheet.addRow([2025550143, 'Dee', 'lead; vip']);
    sheet.addRow(['+44 7911 123456', { richText: [{ text: 'Ed ' }, { text: 'Wood' }] }, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const uploaded = await upload(tenant, {
      bytes,
      filename: 'customers.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.import.format).toBe('xlsx');
    expect(uploaded.body.rows).toEqual([
      ['2025550143', 'Dee', 'lead; vip'],
      ['+44 7911 123456', 'Ed Wood', ''],
    ]);
    const done = await importToEnd(tenant, uploaded.body.import.id, {
      mapping: { Mobile: 'phone', Name: 'name', Tags: 'tags' },
      defaultCountry: 'US',
    });
    expect(done).toMatchObject({ status: 'completed', createdCount: 2, defaultCountry: 'US' });
    expect((await contactsOf(tenant)).map(({ phone, name, tags }) => ({ phone, name, tags }))).toEqual([
      { phone: '+12025550143', name: 'Dee', tags: ['lead', 'vip'] },
      { phone: '+447911123456', name: 'Ed Wood', tags: [] },
    ]);
  });

  it('shows each bad value per row and column before importing, imports the good rows and reports the rest', async () => {
    const tenant = await signUpTenant(app.http);
    await addCustomFields(tenant);
    const csv = [
      'phone,name,email,plan,visits,birthday,interests,vip',
      '+14155550111,Good,good@example.com,Gold,1,2000-01-01,Bikes,yes',
      'not a phone,Bad phone,,,,,,',
      '+14155550113,=1+1,nope,,,,,',
      '+14155550114,Bad plan,,Platinum,,,,',
      '+14155550115,Bad number,,,many,,,',
      '+14155550116,Bad date,,,,31/02/2000,,',
      '+14155550117,Bad choice,,,,,Cars,',
      '+14155550118,Bad checkbox,,,,,,maybe',
      '+1 415 555 0111,Duplicate,,,,,,',
    ].join('\n');
    const uploaded = await upload(tenant, { bytes: csv, filename: 'mixed.csv' });
    const importId = uploaded.body.import.id;
    const options = { mapping: uploaded.body.suggestedMapping };
    const validation = await app.http.post(`/api/contact-imports/${importId}/validate`, options, {
      token: tenant.token,
    });
    expect(validation.status).toBe(200);
    expect(validation.body).toMatchObject({ totalRows: 9, validRows: 1, rejectedRows: 8, errorCount: 8 });
    expect(validation.body.errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [3, 'phone'],
      [4, 'email'],
      [5, 'plan'],
      [6, 'visits'],
      [7, 'birthday'],
      [8, 'interests'],
      [9, 'vip'],
      [10, null],
    ]);
    expect(validation.body.errors[3].message).toBe('Visits must be a number, not "many"');
    expect(validation.body.errors[7].message).toBe('+14155550111 is already in row 2 of this file');
    expect(validation.body.errorsByColumn).toMatchObject({ phone: 1, visits: 1, '': 1 });
    // Nothing is written by a validation.
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

    const done = await importToEnd(tenant, importId, options);
    expect(done).toMatchObject({ status: 'completed', createdCount: 1, rejectedCount: 8, processedRows: 9 });
    expect(done.hasReport).toBe(true);
    expect((await contactsOf(tenant)).map((c) => c.name)).toEqual(['Good']);

    const report = await app.http.get(`/api/contact-imports/${importId}/report`, { token: tenant.token });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain('mixed-rejected-rows.csv');
    const lines = (report.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('phone,name,email,plan,visits,birthday,interests,vip,error');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toBe(
      'not a phone,Bad phone,,,,,,,"phone: ""not a phone"" is not a valid phone number (include the country code, like +14155550123)"',
    );
    // Cells a spreadsheet would run as formulas (a name "=1+1", "+" phone numbers) come back as text.
    expect(lines[2]).toBe(`'+14155550113,'=1+1,nope,,,,,,"email: ""nope"" is not an e-mail address"`);
    expect(lines[5]).toBe(
      `'+14155550116,Bad date,,,,31/02/2000,,,"birthday: Birthday must be a date like 2026-03-31 or 31/03/2026, not ""31/02/2000"""`,
    );
    expect(lines[8]).toBe("'+1 415 555 0111,Duplicate,,,,,,,'+14155550111 is already in row 2 of this file");

    // The report uploaded again (to fix its rows) reads as the original file did.
    const again = await upload(tenant, { bytes: report.body as string, filename: 'mixed-rejected-rows.csv' });
    expect(again.status).toBe(201);
    expect(again.body.rows[1].slice(0, 3)).toEqual(['+14155550113', '=1+1', 'nope']);
  });

  it('updates existing contacts (merging tags and fields, keeping what a cell leaves empty) or skips them', async () => {
    const tenant = await signUpTenant(app.http);
    await addCustomFields(tenant);
    await app.prisma.contact.create({
      data: {
        tenantId: tenant.tenantId,
        waId: '14155550121',
        phone: '+14155550121',
        name: 'Old Name',
        email: 'kept@example.com',
        tags: ['existing'],
        fields: { visits: 7, plan: 'Silver' },
      },
    });
    const csv = 'phone,name,email,plan\n+14155550121,New Name,,Gold\n+14155550122,Fresh,,\n';
    const first = await upload(tenant, { bytes: csv, filename: 'update.csv' });
    const updated = await importToEnd(tenant, first.body.import.id, {
      mapping: first.body.suggestedMapping,
      onExisting: 'update',
      tags: ['spring'],
    });
    expect(updated).toMatchObject({ status: 'completed', createdCount: 1, updatedCount: 1, skippedCount: 0 });
    expect((await contactsOf(tenant))[0]).toMatchObject({
      name: 'New Name',
      email: 'kept@example.com',
      tags: ['existing', 'spring'],
      fields: { visits: 7, plan: 'Gold' },
    });

    const second = await upload(tenant, {
      bytes: 'phone,name\n+14155550121,Skipped Name\n+14155550123,Third\n',
      filename: 'skip.csv',
    });
    const skipped = await importToEnd(tenant, second.body.import.id, {
      mapping: second.body.suggestedMapping,
      onExisting: 'skip',
      tags: ['autumn'],
    });
    expect(skipped).toMatchObject({ status: 'completed', createdCount: 1, updatedCount: 0, skippedCount: 1 });
    const contacts = await contactsOf(tenant);
    expect(contacts.map((c) => [c.phone, c.name, c.tags])).toEqual([
      ['+14155550121', 'New Name', ['existing', 'spring']],
      ['+14155550122', 'Fresh', ['spring']],
      ['+14155550123', 'Third', ['autumn']],
    ]);
  });

  it('refuses a wrong file type, malformed CSV, a corrupt workbook, a file without rows and a mapping without a phone', async () => {
    const tenant = await signUpTenant(app.http);
    const cases: Array<[string, Upload, number]> = [
      ['an image', { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), filename: 'photo.png', type: 'image/png' }, 400],
      ['bad quoting', { bytes: 'phone,name\n+14155550131,"Ann\n+14155550132,Bo\n', filename: 'bad.csv' }, 422],
      [
        'too many cells',
        { bytes: 'phone,name\n+14155550131,Ann\n+14155550132,Bo,extra,cells\n', filename: 'wide.csv' },
        422,
      ],
      ['a header only', { bytes: 'phone,name\n', filename: 'empty.csv' }, 422],
      ['an empty file', { bytes: '', filename: 'nothing.csv' }, 422],
      ['twice the same column', { bytes: 'phone,Phone\n1,2\n', filename: 'twice.csv' }, 422],
      [
        'a corrupt workbook',
        {
          bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
          filename: 'broken.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        422,
      ],
    ];
    for (const [what, file, status] of cases) {
      const response = await upload(tenant, file);
      expect([what, response.status]).toEqual([what, status]);
      expect([what, response.body.error.details.fields[0].field]).toEqual([what, 'file']);
    }
    expect(await app.prisma.contactImport.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

    const good = await upload(tenant, { bytes: 'name,mobile phone\nAnn,+14155550131\n', filename: 'ok.csv' });
    const importId = good.body.import.id;
    for (const path of ['validate', 'start']) {
      const response = await app.http.post(
        `/api/contact-imports/${importId}/${path}`,
        { mapping: { name: 'name', 'mobile phone': null } },
        { token: tenant.token },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].field).toBe('mapping');
    }
    const unknownColumn = await app.http.post(
      `/api/contact-imports/${importId}/validate`,
      { mapping: { Phone: 'phone' } },
      { token: tenant.token },
    );
    expect(unknownColumn.body.error.details.fields[0]).toMatchObject({ field: 'mapping' });
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it('imports 20,000 rows in chunks, counting each row once', async () => {
    const tenant = await signUpTenant(app.http);
    const lines = ['phone,name,tags'];
    for (let index = 0; index < 20_000; index += 1) {
      lines.push(`+1415${String(5_000_000 + index).padStart(7, '0')},Person ${index},bulk`);
    }
    lines.push('12,Too short,bulk');
    const uploaded = await upload(tenant, { bytes: lines.join('\n'), filename: 'big.csv' });
    expect(uploaded.body.totalRows).toBe(20_001);
    const done = await importToEnd(tenant, uploaded.body.import.id, { mapping: uploaded.body.suggestedMapping });
    expect(done).toMatchObject({
      status: 'completed',
      totalRows: 20_001,
      processedRows: 20_001,
      createdCount: 20_000,
      rejectedCount: 1,
    });
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId, tags: { has: 'bulk' } } })).toBe(
      20_000,
    );
  });

  it('cancels an import that has not started; another workspace cannot see it', async () => {
    const tenant = await signUpTenant(app.http);
    const uploaded = await upload(tenant, { bytes: 'phone\n+14155550141\n', filename: 'later.csv' });
    const importId = uploaded.body.import.id;
    const cancelled = await app.http.post(`/api/contact-imports/${importId}/cancel`, undefined, {
      token: tenant.token,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    const start = await app.http.post(
      `/api/contact-imports/${importId}/start`,
      { mapping: { phone: 'phone' } },
      { token: tenant.token },
    );
    expect(start.status).toBe(409);
    const other = await signUpTenant(app.http);
    expect((await app.http.get(`/api/contact-imports/${importId}`, { token: other.token })).status).toBe(404);
  });
});
