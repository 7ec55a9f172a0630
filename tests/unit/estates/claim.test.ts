// Issue 14 items 3 and 5 (semantics 7): the claim filed against the estate. The checks refuse
// naming their field and change nothing; the 501(r) gate is asked for every claimed account on the
// filing date (ECA-04: refused before the ECA date without a supervisor's release, allowed with
// one; both answers in the ECA register); the statement of claim carries PR-03's contents, the
// sworn wording only when asked, each account's PR-04 class and its itemised statement from the
// ledger; the cover letter goes to the clerk in English or to the personal representative in the
// estate's language; the statement's figures agree with the ledger and the estate page to the cent;
// both papers reprint byte for byte.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { estateWorld, footprint, ledgerSum, refusal, ESTATE_TODAY, type EstateWorld } from './fixtures';
import {
  E1_CASE,
  E1_COURT,
  E1_PR,
  E2_COURT,
  E2_PR,
  eleanorsEstate,
  flat,
  keptBytes,
  meilingsEstate,
  pdfText,
  rowOf,
} from './docSupport';
import { renderClaim, type ClaimSnapshot } from '../../../src/main/capabilities/estates/claimPdf';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function documentsOf(w: EstateWorld, estateId: number) {
  return w.t.app.store.db
    .prepare(
      'SELECT id, kind, made_on, language, sha256, document_id FROM estate_documents WHERE estate_id = ? ORDER BY id',
    )
    .all(estateId) as {
    id: number;
    kind: string;
    made_on: string;
    language: string;
    sha256: string;
    document_id: number;
  }[];
}

function attempts(w: EstateWorld, accountId: number) {
  return w.t.app.store.db
    .prepare(
      `SELECT attempted_on, allowed, allowed_from FROM eca_attempts WHERE account_id = ? AND kind = 'estate_claim' ORDER BY id`,
    )
    .all(accountId);
}

describe('estates:file with the clerk of court, not sworn (Eleanor Marsh, Minnesota)', () => {
  it('files $4,050.00 (M1 $3,000.00 + M2 $400.00 + M3 $650.00), the ledger’s balances, through the gate; the cover letter then the statement of claim', async () => {
    w = await estateWorld();
    const { t, clerk, acct, gid } = w;
    const db = t.app.store.db;
    const estateId = await eleanorsEstate(w);
    const r = await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
      clerk,
    );
    const bytes = await t.file(r.file);
    const raw = pdfText(bytes);
    const pages = raw.split('\f').slice(0, -1);

    // The figures: each account's claim is its ledger balance; the estate's is their sum, as the page says.
    const balances = { M1: ledgerSum(w, acct('M1')), M2: ledgerSum(w, acct('M2')), M3: ledgerSum(w, acct('M3')) };
    expect(balances).toEqual({ M1: 300_000, M2: 40_000, M3: 65_000 });
    expect(r.detail.status).toBe('filed');
    expect(r.detail.claimCents).toBe(405_000);
    expect(r.detail.owedCents).toBe(405_000);
    for (const n of ['M1', 'M2', 'M3'] as const)
      expect(r.detail.accounts.find((a) => a.accountNumber === n)!.claimCents).toBe(balances[n]);
    expect(
      db.prepare('SELECT filed_on, filed_with, claim_cents, sworn FROM estates WHERE id = ?').get(estateId),
    ).toEqual({ filed_on: ESTATE_TODAY, filed_with: 'clerk', claim_cents: 405_000, sworn: 0 });

    // Page 1: the cover letter to the clerk, in English.
    const cover = flat(pages[0]!);
    expect(cover).toContain('Clerk of the Probate Court');
    expect(cover).toContain(E1_COURT);
    expect(cover).toContain('300 South Sixth Street');
    expect(cover).toContain('In the Estate of Eleanor Marsh, Deceased');
    expect(cover).toContain(`Case No. ${E1_CASE}`);
    expect(cover).toContain('Dear Clerk of Court:');
    expect(cover).toContain('Enclosed for filing is the statement of claim of Saint Brigid Regional Medical Center');
    expect(cover).toContain('who died on June 1, 2026. The claim is for $4,050.00');
    expect(rowOf(pages[0]!, 'M1')).toMatch(/^M1 Eleanor Marsh 01\/05\/2026 – 01\/09\/2026 \$3,000\.00$/);
    expect(rowOf(pages[0]!, 'M2')).toMatch(/\$400\.00$/);
    expect(rowOf(pages[0]!, 'M3')).toMatch(/\$650\.00$/);
    expect(cover).toMatch(/Total \$4,050\.00/);
    expect(cover).not.toContain('sworn');
    expect(cover).not.toContain('Financial assistance'); // the FAP box is for the family's side

    // The statement of claim: the caption and PR-03's contents.
    const claim = flat(pages.slice(1).join('\n'));
    expect(claim).toContain('HENNEPIN COUNTY DISTRICT COURT, PROBATE DIVISION');
    expect(claim).toContain('Hennepin County, Minnesota');
    expect(claim).toContain('In the Estate of');
    expect(claim).toContain('STATEMENT OF CLAIM');
    expect(claim).toContain(`Case No. ${E1_CASE}`);
    expect(claim).toContain('Claimant Saint Brigid Regional Medical Center');
    expect(claim).toContain('Basis of the claim Hospital services rendered to the decedent before the death');
    expect(claim).toContain('Amount of the claim $4,050.00');
    expect(claim).toContain('Due date Due and payable');
    expect(claim).toContain('None: the claim is for a fixed amount, neither contingent nor unliquidated.');
    expect(claim).toContain('Security None: the claim is unsecured.');
    expect(claim).toContain('Filed with the clerk of the probate court on June 10, 2026.');
    // PR-04, Minnesota: the last illness class 4 (M3, the clerk's), the final year's care class 5 (M1, M2).
    // One format for the class on every paper: "Class N — …", the last illness said once.
    expect(claim).toContain("the decedent's last illness are class 4");
    expect(rowOf(pages[1]!, 'M1')).toMatch(
      /^M1 Eleanor Marsh 01\/05\/2026– Class 5 — medical and hospital .*\$3,000\.00$/,
    );
    expect(rowOf(pages[1]!, 'M3')).toMatch(/^M3 Eleanor Marsh 01\/20\/2026– Class 4 — last illness: .*\$650\.00$/);
    expect(claim).toContain('Class 5 — medical and hospital expenses of the final year before death.');
    expect(claim).toContain('Class 4 — last illness: reasonable and necessary medical and hospital expenses.');
    expect(claim).not.toMatch(/\d ·|\d: (All|Medical|Reasonable)/);
    expect(claim).toMatch(/Total claimed \$4,050\.00/);
    // Not sworn: the plain statement, no affidavit.
    expect(claim).not.toContain('Affidavit of claim');
    expect(claim).not.toContain('duly sworn');
    expect(claim).toContain('The claimant states that the amount claimed is owed');

    // The itemised statement of account, from the ledger, reconciling to each claim.
    expect(claim).toContain('Itemised statement of account');
    // HP-02, minimum necessary: each entry by its date, kind and amount (a charge by the account's
    // service type), never the extract's line text or a clerk's note.
    expect(claim).toMatch(
      /01\/09\/2026 Charge: inpatient stay \$3,000\.00 \$3,000\.00 Account M1 Balance claimed \$3,000\.00/,
    );
    expect(claim).toMatch(
      /01\/12\/2026 Charge: outpatient services \$1,200\.00 \$1,200\.00 01\/12\/2026 Insurance payment \$800\.00 \$400\.00 Account M2 Balance claimed \$400\.00/,
    );
    expect(claim).toMatch(
      /01\/21\/2026 Charge: emergency visit \$650\.00 \$650\.00 Account M3 Balance claimed \$650\.00/,
    );
    expect(claim).toMatch(
      /Charges \$4,850\.00 Insurance payments -\$800\.00 Balance claimed, all accounts \$4,050\.00/,
    );
    expect(claim).toContain(
      'In the Estate of Eleanor Marsh, Deceased · Statement of claim of Saint Brigid Regional Medical Center',
    );

    // Recorded: both papers, kept among the guarantor's documents, with their hashes; reprinted byte for byte.
    const docs = documentsOf(w, estateId);
    expect(docs.map((d) => [d.kind, d.made_on, d.language])).toEqual([
      ['cover_letter', ESTATE_TODAY, 'en'],
      ['statement_of_claim', ESTATE_TODAY, 'en'],
    ]);
    for (const d of docs) {
      const kept = keptBytes(w, d.document_id);
      expect(sha(kept)).toBe(d.sha256);
      expect(db.prepare('SELECT guarantor_id FROM documents WHERE id = ?').pluck().get(d.document_id)).toBe(gid('E1'));
      const again = await t.file(await t.call('estates:document', { estateDocumentId: d.id }, clerk));
      expect(again.equals(kept)).toBe(true);
    }
    expect(r.detail.documents.map((d) => d.kind)).toEqual(['cover_letter', 'statement_of_claim']);

    // The gate was asked for every account on the filing date, and allowed each.
    for (const n of ['M1', 'M2', 'M3'])
      expect(attempts(w, acct(n))).toEqual([{ attempted_on: ESTATE_TODAY, allowed: 1, allowed_from: '2026-06-02' }]);
    // The history and the activity log.
    const event = db
      .prepare("SELECT on_date, detail FROM estate_events WHERE estate_id = ? AND kind = 'filed'")
      .get(estateId) as { on_date: string; detail: string };
    expect(event.on_date).toBe(ESTATE_TODAY);
    expect(JSON.parse(event.detail)).toMatchObject({ claimCents: 405_000, filedWith: 'clerk', sworn: false });
    expect(r.detail.events.at(-1)!.text).toBe(
      `Claim of $4,050.00 filed with the clerk of ${E1_COURT} on June 10, 2026.`,
    );
    expect(
      db
        .prepare("SELECT note FROM activities WHERE guarantor_id = ? AND kind = 'letter' AND outcome = 'sent'")
        .pluck()
        .all(gid('E1')),
    ).toContain(
      'Statement of claim against the estate (filed with the clerk of the probate court), $4,050.00, with its cover letter',
    );

    // Once filed, neither a second filing nor a referral: refused, nothing changes.
    const before = footprint(w);
    const again = await refusal(
      t.call(
        'estates:file',
        { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
        clerk,
      ),
    );
    expect(again.code).toBe('not_allowed');
    expect(again.message).toContain('claim filed');
    expect((await refusal(t.call('estates:refer', { estateId, note: '' }, clerk))).code).toBe('not_allowed');
    expect(footprint(w)).toBe(before);
  });
});

describe('estates:file to the personal representative, sworn, with a contingency and a security', () => {
  it('prints the affidavit (justly due, payments credited, no offsets), the notary’s lines and the English cover letter with the financial-assistance box', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w);
    const r = await t.call(
      'estates:file',
      {
        estateId,
        on: ESTATE_TODAY,
        filedWith: 'personal_representative',
        sworn: true,
        contingency: 'Medicare may still adjust account M2 on review.',
        security: 'None beyond a hospital lien on the 2026 tax refund.',
      },
      clerk,
    );
    const raw = pdfText(await t.file(r.file));
    const pages = raw.split('\f').slice(0, -1);
    const cover = flat(pages[0]!);
    expect(cover).toContain(`${E1_PR} 45 Lake St Minneapolis, MN 55401`);
    expect(cover).toContain(`Dear ${E1_PR},`);
    expect(cover).toContain('Please accept our condolences on the death of Eleanor Marsh.');
    expect(cover).toContain(
      'you are presented with the claim of Saint Brigid Regional Medical Center against the estate of Eleanor Marsh for $4,050.00',
    );
    expect(cover).toContain('Financial assistance may still apply');
    expect(cover).toContain('(207) 555-0199');
    expect(cover).toContain('https://stbrigid.example.org/financial-assistance');
    const claim = flat(pages.slice(1).join('\n'));
    expect(claim).toContain('SWORN STATEMENT OF CLAIM');
    expect(claim).toContain('Contingent or unliquidated Medicare may still adjust account M2 on review.');
    expect(claim).toContain('Security None beyond a hospital lien on the 2026 tax refund.');
    expect(claim).toContain(`Mailed to the personal representative, ${E1_PR}, on June 10, 2026.`);
    expect(claim).toContain('Affidavit of claim');
    expect(claim).toContain('being first duly sworn');
    expect(claim).toContain('the amount of $4,050.00 is justly due and owing by the estate of Eleanor Marsh, deceased');
    expect(claim).toContain('all payments on the accounts have been credited');
    expect(claim).toContain('there are no offsets or counterclaims against the claim');
    expect(claim).toContain('County, Minnesota.');
    expect(claim).toContain('Notary public');
    expect(claim).not.toContain('The claimant states that the amount claimed is owed');
    expect(w.t.app.store.db.prepare('SELECT sworn, contingency FROM estates WHERE id = ?').get(estateId)).toEqual({
      sworn: 1,
      contingency: 'Medicare may still adjust account M2 on review.',
    });
  });
});

describe('estates:file refuses, naming the field, and changes nothing', () => {
  it.each([
    ['a date after today', { on: '2026-06-11' }, 'on', /after/],
    ['a date before the death', { on: '2026-05-31' }, 'on', /before the death \(June 1, 2026\)/],
    ['the clerk with no court recorded', { filedWith: 'clerk' as const, noCourt: true }, 'filedWith', /probate court/],
  ])('%s', async (_name, o, field, message) => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w, { court: !('noCourt' in o) });
    const before = footprint(w);
    const e = await refusal(
      t.call(
        'estates:file',
        {
          estateId,
          on: 'on' in o ? o.on : ESTATE_TODAY,
          filedWith: 'filedWith' in o ? o.filedWith : 'clerk',
          sworn: false,
          contingency: '',
          security: '',
        },
        clerk,
      ),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.fields?.[field]).toMatch(message);
    expect(footprint(w)).toBe(before);
  });

  it('after the claim deadline (PR-02): refused naming the deadline', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w);
    // The deadline is 2026-10-08 (4 months after the publication of 2026-06-08); the filing is dated after it.
    t.clock.setToday('2026-10-09');
    const before = footprint(w);
    const e = await refusal(
      t.call(
        'estates:file',
        { estateId, on: '2026-10-09', filedWith: 'clerk', sworn: false, contingency: '', security: '' },
        clerk,
      ),
    );
    expect(e.fields?.on).toContain('The last day to present the claim was October 8, 2026');
    expect(e.fields?.on).toContain('barred (PR-02)');
    expect(footprint(w)).toBe(before);
  });
});

describe('ECA-04: the gate before the ECA date (李美玲, California, letters in Spanish)', () => {
  it('refuses a filing dated before June 2, 2026 without a release (kept in the register), allows it once a supervisor releases it; the Spanish cover letter to 陈伟', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, acct } = w;
    const db = t.app.store.db;
    const estateId = await meilingsEstate(w);
    // A supervisor's California row gives a mailed notice 20 days; the notice mailed to the hospital
    // on May 1 makes the deadline May 21, 2026 (no publication known: counted alone), before the ECA
    // date of June 2 — the case ECA-04 releases.
    await t.call(
      'estates:setRule',
      {
        state: 'CA',
        noticeMonths: 4,
        mailedDays: 20,
        outerMonths: 12,
        publicationWeeks: 3,
        lastIllnessClass: 4,
        generalClass: 6,
        suitDays: 60,
        effectiveFrom: '2026-01-01',
        source: 'Test row',
      },
      supervisor,
    );
    const facts = await t.call('estates:estate', { estateId }, clerk);
    await t.call(
      'estates:details',
      {
        estateId,
        state: 'CA',
        county: facts.county,
        courtName: facts.courtName,
        courtAddress: facts.courtAddress,
        caseNumber: facts.caseNumber,
        prName: facts.prName,
        prAddress: facts.prAddress,
        attorneyName: facts.attorneyName,
        attorneyAddress: facts.attorneyAddress,
        letterLanguage: facts.letterLanguage,
        firstPublishedOn: null,
        mailedNoticeOn: '2026-05-01',
      },
      clerk,
    );
    expect((await t.call('estates:estate', { estateId }, clerk)).deadline).toBe('2026-05-21');
    const input = {
      estateId,
      on: '2026-05-20',
      filedWith: 'personal_representative' as const,
      sworn: false,
      contingency: '',
      security: '',
    };
    const before = JSON.stringify(
      ['estates', 'estate_accounts', 'estate_events', 'estate_documents', 'activities'].map((x) =>
        db.prepare(`SELECT * FROM ${x} ORDER BY 1`).all(),
      ),
    );
    const refused = await refusal(t.call('estates:file', input, clerk));
    expect(refused.code).toBe('not_allowed');
    expect(refused.message).toContain('account L1');
    expect(refused.message).toContain('June 2, 2026');
    // The refusal is in the register; nothing of the filing is written.
    expect(attempts(w, acct('L1'))).toEqual([{ attempted_on: '2026-05-20', allowed: 0, allowed_from: '2026-06-02' }]);
    expect(
      JSON.stringify(
        ['estates', 'estate_accounts', 'estate_events', 'estate_documents', 'activities'].map((x) =>
          db.prepare(`SELECT * FROM ${x} ORDER BY 1`).all(),
        ),
      ),
    ).toBe(before);

    await t.call('estates:release', { estateId, reason: 'Counsel: file before the deadline.' }, supervisor);
    const r = await t.call('estates:file', input, clerk);
    expect(attempts(w, acct('L1'))).toEqual([
      { attempted_on: '2026-05-20', allowed: 0, allowed_from: '2026-06-02' },
      { attempted_on: '2026-05-20', allowed: 1, allowed_from: '2026-05-20' },
    ]);
    expect(r.detail.claimCents).toBe(ledgerSum(w, acct('L1')));
    expect(r.detail.claimCents).toBe(82_000);

    const raw = pdfText(await t.file(r.file));
    const pages = raw.split('\f').slice(0, -1);
    const cover = flat(pages[0]!);
    expect(cover).toContain('20 de mayo de 2026');
    expect(cover).toContain(`${E2_PR} 88 Valley Boulevard San Gabriel, CA 91776`);
    expect(cover).toContain('Asunto: sucesión de 李美玲, fallecido(a)');
    expect(cover).toContain(`${E2_COURT}, caso núm. —`);
    expect(cover).toContain(`Estimado(a) ${E2_PR}:`);
    expect(cover).toContain('Le expresamos nuestro más sentido pésame por el fallecimiento de 李美玲.');
    expect(cover).toContain(
      'la reclamación de Saint Brigid Regional Medical Center contra la sucesión de 李美玲 por $820.00',
    );
    expect(cover).toContain('el 1 de mayo de 2026');
    expect(cover).toMatch(/L1 李美玲 15 ene 2026 \$820\.00/);
    expect(cover).toContain('La asistencia financiera todavía puede aplicarse');
    expect(cover).toContain('Atentamente,');
    expect(cover).toContain('Página 1 de 1');
    const claim = flat(pages.slice(1).join('\n'));
    expect(claim).toContain('李美玲');
    expect(claim).toContain(`Mailed to the personal representative, ${E2_PR}, on May 20, 2026.`);
    expect(claim).toContain('Case No. ____');
    expect(claim).toContain('Los Angeles County, California');
    // The UPC's default row: the last illness class 4 (none marked here), all others class 6.
    expect(rowOf(pages[1]!, 'L1')).toMatch(/Class 6 — all other claims \$820\.00$/);
    expect(documentsOf(w, estateId).map((d) => [d.kind, d.language])).toEqual([
      ['cover_letter', 'es'],
      ['statement_of_claim', 'en'],
    ]);
  });
});

describe('estates:document', () => {
  it('refuses a paper whose record no longer draws as it was sent', async () => {
    w = await estateWorld();
    const { t, clerk } = w;
    const estateId = await eleanorsEstate(w);
    await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
      clerk,
    );
    const [coverLetter] = documentsOf(w, estateId);
    t.app.store.db
      .prepare(`UPDATE estate_documents SET snapshot = json_set(snapshot, '$.claimCents', 1) WHERE id = ?`)
      .run(coverLetter!.id);
    const e = await refusal(t.call('estates:document', { estateDocumentId: coverLetter!.id }, clerk));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('no longer draws exactly as it was sent');
    // The refused reprint is audited with the estate and the guarantor it touched.
    const audit = t.app.store.db
      .prepare(`SELECT records, outcome FROM audit_events WHERE channel = 'estates:document' ORDER BY id DESC LIMIT 1`)
      .get() as { records: string; outcome: string };
    expect(audit.outcome).not.toBe('ok');
    expect(JSON.parse(audit.records)).toEqual([`estate:${estateId}`, `guarantor:${w.gid('E1')}`]);
  });
});

describe('PR-03: the basis of the claim says whose care it was, from the accounts', () => {
  it('the decedent alone (however the extract wrote her name), another patient alone, or both', async () => {
    w = await estateWorld();
    const { t, clerk, acct } = w;
    const db = t.app.store.db;
    const estateId = await eleanorsEstate(w);
    // M2 was her husband's care, guaranteed by her; M1's patient is written surname first.
    db.prepare('UPDATE accounts SET patient_name = ? WHERE id = ?').run('Walter Marsh', acct('M2'));
    db.prepare('UPDATE accounts SET patient_name = ? WHERE id = ?').run('MARSH, ELEANOR', acct('M1'));
    const r = await t.call(
      'estates:file',
      { estateId, on: ESTATE_TODAY, filedWith: 'clerk', sworn: false, contingency: '', security: '' },
      clerk,
    );
    const both = flat(pdfText(await t.file(r.file)));
    expect(both).toContain(
      "Basis of the claim Hospital services rendered to the decedent, and to a patient for whose care the decedent was responsible as guarantor (Walter Marsh), before the death, on the hospital's accounts M1 (01/05/2026–01/09/2026); M2 (01/12/2026); M3 (01/20/2026–01/21/2026).",
    );

    // The recorded statement drawn again with other patients on its accounts.
    const recorded = JSON.parse(
      db
        .prepare("SELECT snapshot FROM estate_documents WHERE estate_id = ? AND kind = 'statement_of_claim'")
        .pluck()
        .get(estateId) as string,
    ) as ClaimSnapshot;
    const withPatients = async (names: string[]) =>
      flat(
        pdfText(
          (
            await renderClaim({
              ...recorded,
              accounts: recorded.accounts.map((a, i) => ({ ...a, patientName: names[i]! })),
            })
          ).bytes,
        ),
      );
    const hers = await withPatients(['MARSH, ELEANOR', 'Eleanor Marsh', 'Eleanor  Marsh']);
    expect(hers).toContain(
      "Basis of the claim Hospital services rendered to the decedent before the death, on the hospital's accounts M1",
    );
    expect(hers).not.toContain('guarantor (');
    const theirs = await withPatients(['Walter Marsh', 'Ruth Marsh', 'Walter Marsh']);
    expect(theirs).toContain(
      "Basis of the claim Hospital services rendered to patients for whose care the decedent was responsible as guarantor (Walter Marsh, Ruth Marsh), before the death, on the hospital's accounts M1",
    );
    expect(theirs).not.toContain('rendered to the decedent');
  });
});
