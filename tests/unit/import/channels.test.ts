// The import wizard through its channels, as the workspace drives it: upload in slices, inspect,
// preview with progress, cancel, the error report, commit, and saved profiles.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/shared/contract';
import { COMBINED_HEADER, SMALL_EXTRACT } from '../accounts/fixtures';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

const SLICE = 4 * 1024 * 1024;

async function upload(session: string, fileName: string, bytes: Buffer): Promise<string> {
  let uploadId = '';
  for (let index = 0, offset = 0; offset < bytes.length || index === 0; index++, offset += SLICE) {
    const part = bytes.subarray(offset, offset + SLICE);
    const r = await t.call(
      'import:upload',
      { uploadId, fileName, index, last: offset + SLICE >= bytes.length, base64: part.toString('base64') },
      session,
    );
    uploadId = r.uploadId;
  }
  return uploadId;
}

async function mappingFor(session: string, uploadId: string) {
  const inspected = await t.call('import:inspect', { uploadId, layout: 'combined', encoding: 'utf-8' }, session);
  return {
    layout: 'combined' as const,
    columns: inspected.suggested,
    dateFormat: 'YYYY-MM-DD' as const,
    encoding: 'utf-8' as const,
    amountSign: 'signed' as const,
    typeCodes: {},
  };
}

describe('import channels', () => {
  it('upload, inspect, preview, commit; the error report names every bad line', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const bad = SMALL_EXTRACT.replace('T2,charge,1000.00', 'T2,charge,lots').replace(
      'T3,insurance_payment,-700.00',
      'T3,insurance_payment,=1+2',
    );
    const badId = await upload(admin, 'bad.csv', Buffer.from(bad));
    const inspected = await t.call('import:inspect', { uploadId: badId, layout: 'combined', encoding: 'utf-8' }, admin);
    expect(inspected.headers).toEqual(COMBINED_HEADER.split(','));
    expect(inspected.suggested.last_name).toBe('last_name');
    const mapping = await mappingFor(admin, badId);
    const preview = await t.call(
      'import:preview',
      { files: [{ uploadId: badId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'preview-0001' },
      admin,
    );
    expect(preview.errorCount).toBe(2);
    const report = (await t.file(await t.call('import:errorReport', { jobId: 'preview-0001' }, admin))).toString(
      'utf8',
    );
    expect(report.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('file,line,column,value,reason');
    expect(report).toContain('bad.csv,3,amount,lots,"Line 3, column amount: ""lots"" is not an amount."');
    // A refused value that a spreadsheet would run is written as text (issue 10, CSV injection).
    expect(report).toContain(`bad.csv,4,amount,"'=1+2","Line 4, column amount: ""=1+2"" is not an amount."`);
    const refused = await t.call(
      'import:commit',
      { files: [{ uploadId: badId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'commit-0001' },
      admin,
    );
    expect(refused.committed).toBe(false);

    const goodId = await upload(admin, 'good.csv', Buffer.from(SMALL_EXTRACT));
    const staged = t.app.uploads.storedPath(goodId)!;
    expect(existsSync(staged)).toBe(true);
    const done = await t.call(
      'import:commit',
      { files: [{ uploadId: goodId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'commit-0002' },
      admin,
    );
    expect(done).toMatchObject({ committed: true, guarantors: { created: 2 }, transactions: { created: 4 } });
    // A committed upload is gone, its staged file with it.
    expect(existsSync(staged)).toBe(false);
    expect(
      await t.raw('import:inspect', { uploadId: goodId, layout: 'combined', encoding: 'utf-8' }, admin),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = await t.call('audit:list', { channel: 'import:commit', limit: 5, offset: 0 }, admin);
    expect(audit.events.map((e) => e.detail)).toEqual([
      'imported 4 rows: 2 new guarantors, 3 new accounts, 4 new transactions',
      'refused: 2 errors; nothing written',
    ]);
  });

  it('a 100 MB extract: progress events as it goes, cancel part-way writes nothing, and the whole file previews', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const row = (i: number) =>
      `G${(i % 80_000) % 50_000},M${(i % 80_000) % 50_000},Smith,Jane,1980-02-14,1 Oak St,Portland,ME,04101,2075550142,A${i % 80_000},2025-01-10,2025-01-10,outpatient,self_pay,,T${i},charge,10.00,2025-01-10,REF${i},Laboratory services and supplies for the visit`;
    const parts: string[] = [COMBINED_HEADER];
    let size = COMBINED_HEADER.length;
    for (let i = 0; size < 100 * 1024 * 1024; i++) {
      const r = row(i);
      parts.push(r);
      size += r.length + 2;
    }
    const bytes = Buffer.from(parts.join('\r\n'));
    expect(bytes.length).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const uploadId = await upload(admin, 'big.csv', bytes);
    const mapping = await mappingFor(admin, uploadId);

    const events: ProgressEvent[] = [];
    const off = t.app.onEvent((e) => {
      events.push(e);
      if (e.jobId === 'cancel-0001' && events.filter((x) => x.jobId === 'cancel-0001').length === 3)
        void t.call('jobs:cancel', { jobId: 'cancel-0001' }, admin);
    });
    const cancelled = await t.call(
      'import:commit',
      { files: [{ uploadId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'cancel-0001' },
      admin,
    );
    expect(cancelled).toMatchObject({ cancelled: true, committed: false });
    expect(t.app.store.db.prepare('SELECT count(*) FROM guarantors').pluck().get()).toBe(0);

    const preview = await t.call(
      'import:preview',
      { files: [{ uploadId, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'preview-0002' },
      admin,
    );
    off();
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toBe(parts.length - 1);
    expect(preview.guarantors.created).toBe(50_000);
    const previewEvents = events.filter((e) => e.jobId === 'preview-0002');
    expect(previewEvents.length).toBeGreaterThan(50);
    expect(previewEvents.at(-1)).toMatchObject({ phase: 'Done', count: previewEvents.at(-1)!.total });
  }, 120_000);

  it('other calls wait while an import holds the store, and still answer after it', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const id = await upload(admin, 'small.csv', Buffer.from(SMALL_EXTRACT));
    const mapping = await mappingFor(admin, id);
    const importing = t.call(
      'import:commit',
      { files: [{ uploadId: id, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'commit-0003' },
      admin,
    );
    const searching = t.call('search:query', { query: 'smith' }, admin);
    const [imported, found] = await Promise.all([importing, searching]);
    expect(imported.committed).toBe(true);
    expect(found.map((r) => r.name)).toEqual(['Smith, Jane']);
  });

  it('saves, lists and deletes named mapping profiles', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const mapping = {
      layout: 'combined' as const,
      columns: { guarantor_id: 'GuarNo', last_name: 'LName' },
      dateFormat: 'MM/DD/YYYY' as const,
      encoding: 'windows-1252' as const,
      amountSign: 'by_type' as const,
      typeCodes: { PMT: 'patient_payment' },
    };
    const saved = await t.call('importProfiles:save', { name: 'Meditech nightly', mapping }, admin);
    expect(await t.raw('importProfiles:save', { name: 'meditech NIGHTLY', mapping }, admin)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await t.call('importProfiles:list', {}, admin)).toEqual([
      { id: saved.id, name: 'Meditech nightly', mapping, updatedAt: expect.any(String) },
    ]);
    await t.call(
      'importProfiles:save',
      { id: saved.id, name: 'Meditech nightly', mapping: { ...mapping, dateFormat: 'YYYY-MM-DD' } },
      admin,
    );
    expect((await t.call('importProfiles:list', {}, admin))[0]?.mapping.dateFormat).toBe('YYYY-MM-DD');
    await t.call('importProfiles:delete', { id: saved.id }, admin);
    expect(await t.call('importProfiles:list', {}, admin)).toEqual([]);
  });

  it('uploads arrive in order, belong to their user, and have a size limit', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const first = await t.call(
      'import:upload',
      { uploadId: '', fileName: 'a.csv', index: 0, last: false, base64: Buffer.from('a,b\r\n').toString('base64') },
      admin,
    );
    expect(
      await t.raw(
        'import:upload',
        { uploadId: first.uploadId, fileName: 'a.csv', index: 2, last: true, base64: '' },
        admin,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await t.raw('import:inspect', { uploadId: first.uploadId, layout: 'combined', encoding: 'utf-8' }, admin),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('has not finished uploading') } });
  });

  it('an upload goes an hour after its last use, and when its user’s last session ends', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const inspect = (uploadId: string, session: string) =>
      t.raw('import:inspect', { uploadId, layout: 'combined', encoding: 'utf-8' }, session);
    const idle = await upload(admin, 'idle.csv', Buffer.from(SMALL_EXTRACT));
    // An hour without using the upload, the session kept alive meanwhile (a session idle an hour ends).
    t.clock.advanceMs(30 * 60_000);
    await t.call('auth:unlock', { password: 'correct horse battery' }, admin); // (idle-locked meanwhile)
    t.clock.advanceMs(31 * 60_000);
    await t.call('auth:unlock', { password: 'correct horse battery' }, admin);
    expect(await inspect(idle, admin)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Two windows of the same user: the upload stays while one is open, and goes with the last.
    const second = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    const kept = await upload(admin, 'kept.csv', Buffer.from(SMALL_EXTRACT));
    await t.call('auth:logout', {}, admin);
    expect(await inspect(kept, second)).toMatchObject({ ok: true });
    await t.call('auth:logout', {}, second);
    const again = (await t.call('auth:login', { username: 'admin', password: 'correct horse battery' })).sessionId;
    expect(await inspect(kept, again)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a file in the older Windows encoding', () => {
  it('is recognised when inspected, and imports with that encoding', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const text = SMALL_EXTRACT.replace('Núñez', 'Nuñez');
    const id = await upload(admin, 'latin.csv', Buffer.from(text, 'latin1'));
    const inspected = await t.call('import:inspect', { uploadId: id, layout: 'combined', encoding: 'utf-8' }, admin);
    expect(inspected.encoding).toBe('windows-1252');
    const mapping = {
      layout: 'combined' as const,
      columns: inspected.suggested,
      dateFormat: 'YYYY-MM-DD' as const,
      encoding: inspected.encoding,
      amountSign: 'signed' as const,
      typeCodes: {},
    };
    const r = await t.call(
      'import:commit',
      { files: [{ uploadId: id, layout: 'combined' }], mappings: { combined: mapping }, jobId: 'commit-latin-1' },
      admin,
    );
    expect(r.committed).toBe(true);
    expect(t.app.store.db.prepare(`SELECT last_name FROM guarantors WHERE external_id = 'G2'`).pluck().get()).toBe(
      "O'Brien-Nuñez",
    );
  });
});
