// The demand letter before filing (issue 13, item 2; rules §3.3). The case must be open and its
// check must allow preparing the suit (the 501(r) gate may still be waiting). The letter names the
// date after which the hospital will file: the later of today + the policy's demand days and the day
// the 501(r) gate opens (ECA-05), so the letter never promises a filing the gate would refuse. It is
// recorded with what it said and its hash (court_demand_letters: it reprints byte for byte and goes
// into the court packet as sent), kept with the guarantor's documents, and noted in the activity log.
import { addDays, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { documentLanguage } from '../../../shared/wording';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { LAYOUT_VERSION } from '../../pdf/layout';
import type { CapturedPage } from '../../pdf/pageCopy';
import { storeDocument } from '../../platform/documents';
import { hospitalIdentity, smallClaimsPolicy } from '../../platform/settings';
import { recordLetterSent } from '../accounts';
import { caseRecord } from './caseRecord';
import { renderDemand, type DemandSnapshot } from './demandLetterPdf';
import { changeCase, insertEvent } from './rows';
import { caseAccounts, caseCheck, caseRow } from './views';

/** Why the check refuses, in one sentence naming each failing line. */
export function failingLines(lines: readonly { label: string; state: string; detail: string }[]): string {
  return lines
    .filter((l) => l.state === 'fail')
    .map((l) => `${l.label}: ${l.detail}`)
    .join(' ');
}

export async function sendDemand(
  app: RecoupApp,
  caseId: number,
  by: number,
): Promise<{ documentId: number; fileAfter: string }> {
  const db = app.store.db;
  const today = app.clock.today();
  const c = caseRecord(db, caseId);
  if (c.row.status !== 'open')
    throw new AppError(
      'not_allowed',
      c.row.demand_sent_on
        ? `The demand letter for this case was sent on ${c.row.demand_sent_on}; print it again from the guarantor's documents.`
        : 'A demand letter is sent only for a case that is open and not yet filed.',
    );
  // The one case check (views.ts: the case's own holds no bar; a changed venue judged one way).
  const check = caseCheck(db, caseRow(db, caseId), caseAccounts(db, caseId), today);
  if (!check.canPrepare)
    throw new AppError('not_allowed', `The case cannot go ahead, so no demand is sent. ${failingLines(check.lines)}`);
  const byPolicy = addDays(today, smallClaimsPolicy(db).demandDays);
  // ECA-05: never name a date before the 501(r) gate opens.
  const gate = check.ecaAllowedFrom;
  const fileAfter = gate !== null && gate > byPolicy ? gate : byPolicy;
  const balanceCents = c.accounts.reduce((t, a) => t + a.balanceCents, 0);
  const snapshot: DemandSnapshot = {
    version: 1,
    layout: LAYOUT_VERSION,
    language: documentLanguage(c.guarantor.language),
    caseId,
    date: today,
    fileAfter,
    hospital: hospitalIdentity(db),
    defendant: { name: c.defendantName, address: c.defendantAddress },
    accounts: c.accounts.map((a) => ({
      accountNumber: a.accountNumber,
      patientName: a.patientName,
      serviceFrom: a.serviceFrom,
      serviceTo: a.serviceTo,
      balanceCents: a.balanceCents,
    })),
    balanceCents,
    // What will be sued for: the one definition of the claim (never more than is owed now).
    claimCents: c.claimCents,
    waivedCents: c.waivedCents,
    courtName: c.row.court_name,
    county: c.row.county,
  };
  const rendered = await renderDemand(snapshot);
  const now = app.nowIso();
  const documentId = storeDocument(db, {
    guarantorId: c.row.guarantor_id,
    kind: 'court_demand',
    title: `Demand letter, small-claims case #${caseId}`,
    fileName: `demand-letter-case-${caseId}.pdf`,
    mimeType: 'application/pdf',
    bytes: rendered.bytes,
    at: now,
    by,
  });
  db.prepare(
    `INSERT INTO court_demand_letters (case_id, sent_on, file_after, language, snapshot, sha256, document_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(caseId, today, fileAfter, snapshot.language, JSON.stringify(snapshot), rendered.sha256, documentId);
  changeCase(db, caseId, { status: 'demand_sent', demand_sent_on: today, file_after: fileAfter });
  insertEvent(
    db,
    caseId,
    'demand',
    today,
    {
      text: `Demand letter sent (${snapshot.language === 'es' ? 'in Spanish' : 'in English'}): the hospital will file after ${formatLongDate(fileAfter)}.`,
      fileAfter,
      claimCents: snapshot.claimCents,
      balanceCents,
      documentId,
      language: snapshot.language,
    },
    now,
    by,
  );
  recordLetterSent(
    db,
    c.row.guarantor_id,
    `Small-claims demand letter (case #${caseId}): the hospital will file after ${fileAfter}`,
    today,
    now,
    by,
  );
  return { documentId, fileAfter };
}

export interface RecordedDemand {
  sentOn: string;
  fileAfter: string;
  sha256: string;
  documentId: number | null;
  pages: CapturedPage[];
}

/** The case's demand letter as sent, drawn again from its record and checked against its hash. */
export async function recordedDemand(db: Db, caseId: number): Promise<RecordedDemand | null> {
  const row = db
    .prepare('SELECT sent_on, file_after, snapshot, sha256, document_id FROM court_demand_letters WHERE case_id = ?')
    .get(caseId) as
    { sent_on: string; file_after: string; snapshot: string; sha256: string; document_id: number | null } | undefined;
  if (!row) return null;
  const rendered = await renderDemand(JSON.parse(row.snapshot) as DemandSnapshot);
  if (rendered.sha256 !== row.sha256)
    throw new AppError(
      'internal',
      `The demand letter of ${row.sent_on} no longer draws exactly as it was sent; the packet is not printed. Tell your administrator.`,
    );
  return {
    sentOn: row.sent_on,
    fileAfter: row.file_after,
    sha256: row.sha256,
    documentId: row.document_id,
    pages: rendered.pages,
  };
}
