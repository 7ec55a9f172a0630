// The compliance issue log: reported by anyone, reviewed, assigned and resolved by supervisors,
// never deleted.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

describe('compliance issues', () => {
  it('are reported, assigned, resolved, and never deleted', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { a1 } = await importSmall(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    const sup = await addUserAndLogIn(t, admin, 'supervisor', 'sam');
    const { id } = await t.call(
      'compliance:report',
      { category: '501r', description: 'Final notice sent without the plain-language summary.', accountId: a1 },
      clerk,
    );
    expect(await t.call('compliance:list', {}, clerk)).toMatchObject([
      { id, status: 'open', accountNumber: 'A1', reportedBy: 'Test clerk' },
    ]);
    expect(await t.raw('compliance:resolve', { issueId: id, resolution: 'x' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const samId = (await t.call('users:list', {}, admin)).find((u) => u.username === 'sam')!.id;
    await t.call('compliance:assign', { issueId: id, assigneeId: samId }, sup);
    await t.call(
      'compliance:resolve',
      { issueId: id, resolution: 'Summary mailed separately; checklist updated.' },
      sup,
    );
    expect((await t.call('compliance:list', {}, sup))[0]).toMatchObject({
      status: 'resolved',
      assignee: 'Test supervisor',
      resolvedBy: 'Test supervisor',
      resolvedOn: '2026-11-26',
    });
    expect(await t.raw('compliance:resolve', { issueId: id, resolution: 'again' }, sup)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(() => t.app.store.db.prepare('DELETE FROM compliance_issues').run()).toThrow(/never deleted/);
  });

  it('names the account by its number, and refuses a number that is no account', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    await t.call(
      'compliance:report',
      { category: 'billing', description: 'Charge posted twice.', accountNumber: 'a2' },
      admin,
    );
    expect((await t.call('compliance:list', {}, admin))[0]).toMatchObject({ accountNumber: 'A2' });
    expect(
      await t.raw('compliance:report', { category: 'billing', description: 'x', accountNumber: 'Z9' }, admin),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { accountNumber: expect.stringContaining('Z9') } },
    });
    expect(await t.call('compliance:list', {}, admin)).toHaveLength(1);
  });

  it('a clerk sees the issues they reported or were given; a supervisor sees all', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    await t.call(
      'compliance:report',
      { category: 'privacy', description: 'A statement went to an old address.' },
      admin,
    );
    expect(await t.call('compliance:list', {}, clerk)).toEqual([]);
    expect(await t.call('compliance:list', {}, admin)).toHaveLength(1);
  });
});
