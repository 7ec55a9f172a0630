// The financial-assistance letters, printed from an entry of the assistance history, in the
// guarantor's language (LANG-01): the notice of what an incomplete application is missing and the
// date to send it by, with the contact (26 CFR 1.501(r)-6(c); ECA-05), and the written determination
// — approved in full or in part with, per account, the amount now owed and any refund and when; or
// denied with the reason and how to ask again. Both end with the plain-language summary's contact
// (ECA-06) and carry the summary itself on a page of their own. Each print is kept among the
// guarantor's documents and audited by the channel.
import { documentLanguage, wordingFor, type Wording } from '../../../shared/wording';
import { FAP_LETTER_TEXTS } from '../../../shared/wording/fapLetterTexts';
import { formatDecimal } from '../../../shared/money';
import { AppError } from '../../../shared/errors';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { Db } from '../../store/database';
import type { StatementPolicy } from '../../../shared/schemas/settings';
import {
  CONTENT_WIDTH,
  createPdf,
  FONT,
  footer,
  formatPhone,
  heading,
  INK,
  labelValue,
  letterhead,
  PAGE,
  paragraph,
  pdfBytes,
  rule,
  table,
  type Pdf,
} from '../../pdf/layout';
import { guarantorName, guarantorRow, mailingAddress } from '../accounts';

type Texts = Wording<typeof FAP_LETTER_TEXTS>;

interface LetterAccount {
  accountNumber: string;
  serviceFrom: string;
  serviceTo: string;
  responsibilityCents: number;
  policyAmountCents: number;
  adjustmentCents: number;
  refundCents: number;
  owesCents: number;
  refundBy: string | null;
}

/** What a letter prints, read from the history entry (so a reprint says what was decided then). */
export interface FapLetterData {
  kind: 'incomplete_notice' | 'determination';
  guarantorId: number;
  guarantor: { name: string; address: string[]; externalId: string | null; language: string };
  /** The entry's date: the application received, or the decision made. */
  date: string;
  status: string;
  missing: string | null;
  completeBy: string | null;
  discountKind: 'full' | 'percent' | 'agb' | null;
  percentOffBasisPoints: number | null;
  denialReason: string;
  accounts: LetterAccount[];
}

export function fapLetterData(db: Db, historyId: number): FapLetterData {
  const h = db
    .prepare(
      `SELECT h.guarantor_id, h.status, h.status_date, i.missing, i.complete_by, d.history_id AS decided,
              d.discount_kind, d.percent_off_bp, d.denial_reason
         FROM fap_history h
         LEFT JOIN fap_incomplete i ON i.history_id = h.id
         LEFT JOIN fap_decisions d ON d.history_id = h.id
        WHERE h.id = ?`,
    )
    .get(historyId) as
    | {
        guarantor_id: number;
        status: string;
        status_date: string;
        missing: string | null;
        complete_by: string | null;
        decided: number | null;
        discount_kind: 'full' | 'percent' | 'agb' | null;
        percent_off_bp: number | null;
        denial_reason: string | null;
      }
    | undefined;
  if (!h) throw new AppError('not_found', 'There is no such financial-assistance entry.');
  if (h.missing === null && h.decided === null)
    throw new AppError('not_allowed', 'This entry has no letter: only an incomplete application or a decision does.');
  const g = guarantorRow(db, h.guarantor_id);
  const accounts = db
    .prepare(
      `SELECT a.account_number AS accountNumber, a.service_from AS serviceFrom, a.service_to AS serviceTo,
              x.responsibility_cents AS responsibilityCents, x.policy_amount_cents AS policyAmountCents,
              x.adjustment_cents AS adjustmentCents, x.refund_cents AS refundCents, x.owes_cents AS owesCents,
              x.refund_due AS refundBy
         FROM fap_decision_accounts x
         JOIN accounts a ON a.id = x.account_id
        WHERE x.history_id = ? ORDER BY a.service_from, a.id`,
    )
    .all(historyId) as LetterAccount[];
  return {
    kind: h.missing !== null ? 'incomplete_notice' : 'determination',
    guarantorId: h.guarantor_id,
    guarantor: { name: guarantorName(g), address: mailingAddress(g), externalId: g.external_id, language: g.language },
    date: h.status_date,
    status: h.status,
    missing: h.missing,
    completeBy: h.complete_by,
    discountKind: h.discount_kind,
    percentOffBasisPoints: h.percent_off_bp,
    denialReason: h.denial_reason ?? '',
    accounts,
  };
}

function addressee(doc: Pdf, t: Texts, d: FapLetterData, today: string): void {
  labelValue(doc, t.say('letterDate'), t.longDate(today));
  if (d.guarantor.externalId) labelValue(doc, t.say('guarantorNumber'), d.guarantor.externalId);
  doc.moveDown(0.4);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text([d.guarantor.name, ...d.guarantor.address].join('\n'), PAGE.margin, doc.y);
  doc.moveDown(1);
}

function incompleteNotice(doc: Pdf, t: Texts, d: FapLetterData, h: Hospital): void {
  heading(doc, t.say('incompleteTitle'), 14);
  paragraph(doc, t.say('incompleteOpening', { name: d.guarantor.name, received: t.longDate(d.date) }));
  // What is missing, as the clerk wrote it, set apart so it cannot be missed.
  const y = doc.y;
  doc.font(FONT.bold).fontSize(11);
  const height = doc.heightOfString(d.missing ?? '', { width: CONTENT_WIDTH - 24 });
  doc
    .rect(PAGE.margin, y, CONTENT_WIDTH, height + 16)
    .lineWidth(1)
    .strokeColor(INK.rule)
    .stroke();
  doc.fillColor(INK.text).text(d.missing ?? '', PAGE.margin + 12, y + 8, { width: CONTENT_WIDTH - 24 });
  doc.y = y + height + 24;
  doc
    .font(FONT.bold)
    .fontSize(11)
    .text(t.say('incompleteSendBy', { date: t.longDate(d.completeBy ?? d.date) }), PAGE.margin, doc.y, {
      width: CONTENT_WIDTH,
    });
  doc.moveDown(0.6);
  paragraph(doc, t.say('incompleteSuspended', { date: t.longDate(d.completeBy ?? d.date) }));
  const a = h.address;
  paragraph(
    doc,
    t.say('incompleteHow', {
      hospital: h.legalName,
      address: `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.city}, ${a.state} ${a.zip}`,
      phone: formatPhone(h.financialAssistancePhone),
      url: h.financialAssistanceUrl,
    }),
  );
}

function determination(doc: Pdf, t: Texts, d: FapLetterData): void {
  heading(doc, t.say('decisionTitle'), 14);
  const who = { name: d.guarantor.name, date: t.longDate(d.date) };
  if (d.status === 'denied') {
    paragraph(doc, t.say('denied', who));
    doc.font(FONT.bold).fontSize(10).text(t.say('deniedReason'), PAGE.margin, doc.y);
    paragraph(doc, d.denialReason);
    paragraph(doc, t.say('deniedAgain'));
    return;
  }
  if (d.discountKind === 'full') paragraph(doc, t.say('approvedFull', who));
  else if (d.discountKind === 'percent')
    paragraph(
      doc,
      t.say('approvedPartialPercent', {
        ...who,
        percent: formatDecimal(d.percentOffBasisPoints ?? 0).replace(/\.00$/, ''),
      }),
    );
  else paragraph(doc, t.say('approvedPartialAgb', who));
  const w = CONTENT_WIDTH;
  const sum = (f: (a: LetterAccount) => number) => d.accounts.reduce((s, a) => s + f(a), 0);
  table(
    doc,
    [
      { header: t.say('colAccount'), width: w * 0.13 },
      { header: t.say('colService'), width: w * 0.21 },
      { header: t.say('colBefore'), width: w * 0.135, align: 'right' },
      { header: t.say('colPolicy'), width: w * 0.135, align: 'right' },
      { header: t.say('colAdjustment'), width: w * 0.13, align: 'right' },
      { header: t.say('colRefund'), width: w * 0.125, align: 'right' },
      { header: t.say('colOwes'), width: w * 0.135, align: 'right' },
    ],
    d.accounts.map((a) => [
      a.accountNumber,
      t.dateRange(a.serviceFrom, a.serviceTo),
      t.money(a.responsibilityCents),
      t.money(a.policyAmountCents),
      t.money(a.adjustmentCents),
      t.money(a.refundCents),
      t.money(a.owesCents),
    ]),
    {
      totalRow: [
        t.say('total'),
        '',
        t.money(sum((a) => a.responsibilityCents)),
        t.money(sum((a) => a.policyAmountCents)),
        t.money(sum((a) => a.adjustmentCents)),
        t.money(sum((a) => a.refundCents)),
        t.money(sum((a) => a.owesCents)),
      ],
    },
  );
  doc.moveDown(0.6);
  const owes = sum((a) => a.owesCents);
  paragraph(doc, owes > 0 ? t.say('owesNow', { amount: t.money(owes) }) : t.say('owesNothing'));
  for (const a of d.accounts.filter((x) => x.refundCents > 0))
    paragraph(
      doc,
      `${a.accountNumber}: ${t.say('refund', { amount: t.money(a.refundCents), date: t.longDate(a.refundBy ?? d.date) })}`,
    );
  paragraph(doc, t.say('agbNote'));
  paragraph(doc, t.say('askAgain'));
}

export async function fapLetterPdf(
  d: FapLetterData,
  h: Hospital,
  policy: StatementPolicy,
  today: string,
): Promise<{ bytes: Buffer; title: string }> {
  const t = wordingFor(documentLanguage(d.guarantor.language), FAP_LETTER_TEXTS);
  const title = d.kind === 'incomplete_notice' ? t.say('incompleteTitle') : t.say('decisionTitle');
  const doc = createPdf({ title, date: today });
  letterhead(doc, h);
  addressee(doc, t, d, today);
  if (d.kind === 'incomplete_notice') incompleteNotice(doc, t, d, h);
  else determination(doc, t, d);
  rule(doc);
  paragraph(doc, t.say('contact', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }), {
    size: 9,
    muted: true,
  });
  // ECA-05: the plain-language summary goes with the notice; the determination carries it too.
  doc.addPage();
  heading(doc, t.say('summaryTitle'), 13);
  paragraph(doc, t.lang === 'es' ? policy.plainLanguageSummaryEs : policy.plainLanguageSummary);
  // Page numbers and the small print, in the letter's language, on every page.
  footer(doc, t.say('footer', { hospital: h.legalName }), (page, pages) => t.say('pageOf', { page, pages }));
  return { bytes: await pdfBytes(doc), title };
}
