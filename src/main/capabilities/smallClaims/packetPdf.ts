// The court packet as one PDF: an index, then each exhibit behind its divider page. The pages the
// hospital draws (packetSections.ts) are drawn on their own; the statements, plan papers and demand
// letter are the pages drawn again from their records and verified (packet.ts gathers them); all
// are copied into one document (pageCopy), each stamped at the top with the case and "Exhibit N —
// page x of y", and the document gets bookmarks: one per exhibit, one per document inside it.
import { formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { collectBytes, contentWidth, createPdf, FONT, footer, INK, PAGE, pdfBytes, type Pdf } from '../../pdf/layout';
import { appendPages, capturePages, type CapturedPage } from '../../pdf/pageCopy';
import { standardFontDraws } from '../../pdf/scriptText';
import type { Exhibit, PacketMaterial } from './packet';
import {
  caseTitle,
  drawChecklist,
  drawClaimWorksheet,
  drawDeclaration,
  drawDivider,
  drawIndex,
  drawItemised,
} from './packetSections';

interface Part {
  exhibit: Exhibit | null;
  pages: CapturedPage[];
  /** Documents inside the exhibit, by the page (within the exhibit) they start on. */
  marks: { title: string; page: number }[];
}

/** Pages the hospital draws now, captured for the packet. */
async function drawn(m: PacketMaterial, title: string, draw: (doc: Pdf) => void): Promise<CapturedPage[]> {
  const doc = createPdf({ title, date: m.today, uncompressed: true });
  draw(doc);
  footer(doc, `${caseTitle(m)} · prepared ${formatShortDate(m.today)}`, () => '');
  const pages = capturePages(doc);
  await pdfBytes(doc);
  return pages;
}

async function exhibitPart(m: PacketMaterial, e: Exhibit): Promise<Part> {
  const own = (draw: (doc: Pdf) => void) =>
    drawn(m, e.title, (doc) => {
      drawDivider(doc, e);
      doc.addPage();
      draw(doc);
    });
  switch (e.key) {
    case 'checklist':
      return { exhibit: e, pages: await own((doc) => drawChecklist(doc, m)), marks: [] };
    case 'claim':
      return { exhibit: e, pages: await own((doc) => drawClaimWorksheet(doc, m)), marks: [] };
    case 'itemised':
      return { exhibit: e, pages: await own((doc) => drawItemised(doc, m)), marks: [] };
    case 'declaration':
      return { exhibit: e, pages: await own((doc) => drawDeclaration(doc, m)), marks: [] };
    case 'notices': {
      const rows = m.statements.map((s) => [
        s.kind === 'final_notice' ? 'Final notice (501(r) 30-day notice)' : `Statement ${s.numberInCycle}`,
        formatShortDate(s.statementDate),
        formatShortDate(s.dueDate),
        formatCents(s.amountDueCents),
      ]);
      const divider = await drawn(m, e.title, (doc) => {
        drawDivider(doc, e, rows, ['Notice', 'Dated and mailed', 'Due', 'Amount due']);
        doc
          .font(FONT.regular)
          .fontSize(8)
          .fillColor(INK.muted)
          .text(
            `A run of statements is released for mailing only on its own date (Recoup refuses a release on any other day), so each one's date is the day it was mailed. Fingerprints (SHA-256) recorded when each was sent, and matched by this printing:\n${m.statements
              .map((s) => `${formatShortDate(s.statementDate)}  ${s.sha256}`)
              .join('\n')}`,
            PAGE.margin,
            doc.y + 6,
            { width: contentWidth(doc) },
          );
      });
      const pages = [...divider];
      const marks: Part['marks'] = [];
      for (const s of m.statements) {
        marks.push({
          title: `${s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`}, ${formatShortDate(s.statementDate)}`,
          page: pages.length + 1,
        });
        pages.push(...s.pages);
      }
      return { exhibit: e, pages, marks };
    }
    case 'plan': {
      // Each paper in order; an agreement the record no longer draws as printed (the hospital's
      // details changed since) is named on the divider, to be attached from the kept copy.
      const papers: { title: string; date: string; pages: CapturedPage[] | null }[] = [];
      for (const p of m.plans) {
        if (p.agreement)
          papers.push({ title: `Plan #${p.planId} agreement`, date: p.agreement.date, pages: p.agreement.pages });
        if (p.keptAgreement)
          papers.push({ title: `Plan #${p.planId} agreement`, date: p.keptAgreement.date, pages: null });
        for (const l of p.letters)
          papers.push({ title: `Plan #${p.planId} default (lapse) letter`, date: l.date, pages: l.pages });
      }
      const kept = m.plans.filter((p) => p.keptAgreement !== null);
      const divider = await drawn(m, e.title, (doc) => {
        drawDivider(
          doc,
          e,
          papers.map((p) => [p.title, formatShortDate(p.date), p.pages ? 'Follows' : 'Attach the kept copy']),
          ['Document', 'Dated', 'In this packet'],
        );
        for (const p of kept) {
          const k = p.keptAgreement!;
          doc
            .font(FONT.regular)
            .fontSize(9.5)
            .fillColor(INK.text)
            .text(
              `The agreement of plan #${p.planId} as it was printed is kept in Recoup: document #${k.documentId}, printed ${formatShortDate(k.printedOn)}, fingerprint (SHA-256) of the kept file ${k.sha256}. It is not reprinted here because the plan’s record no longer draws it exactly as printed (the hospital’s details have changed since). Print it from the guarantor’s documents in Recoup and attach it behind this divider.`,
              PAGE.margin,
              doc.y + 8,
              { width: contentWidth(doc), lineGap: 2 },
            );
        }
      });
      const pages = [...divider];
      const marks: Part['marks'] = [];
      for (const p of papers) {
        marks.push({
          title: `${p.title}, ${formatShortDate(p.date)}${p.pages ? '' : ' (attach the kept copy)'}`,
          page: p.pages ? pages.length + 1 : 1,
        });
        if (p.pages) pages.push(...p.pages);
      }
      return { exhibit: e, pages, marks };
    }
    case 'demand': {
      const d = m.demand!;
      const divider = await drawn(m, e.title, (doc) =>
        drawDivider(
          doc,
          e,
          [['Demand letter', formatShortDate(d.sentOn), formatShortDate(d.fileAfter)]],
          ['Document', 'Sent', 'Files after'],
        ),
      );
      return {
        exhibit: e,
        pages: [...divider, ...d.pages],
        marks: [{ title: `Demand letter, ${formatShortDate(d.sentOn)}`, page: divider.length + 1 }],
      };
    }
  }
}

interface OutlineItem {
  addItem(title: string, options: { pageNumber: number; fit: boolean; expanded?: boolean }): OutlineItem;
}

/** The case and the exhibit's page, at the top of every page of the packet. */
function stamp(doc: Pdf, left: string, right: string) {
  const y = 24;
  const w = PAGE.width - 2 * PAGE.margin;
  doc.font(FONT.regular).fontSize(8).fillColor(INK.muted);
  doc.text(left, PAGE.margin, y + 1, { width: w - 170, lineBreak: false, height: 10, ellipsis: true });
  doc.font(FONT.bold).fontSize(9).fillColor(INK.text);
  doc.text(right, PAGE.width - PAGE.margin - 170, y, { width: 170, align: 'right', lineBreak: false });
}

export async function drawPacket(m: PacketMaterial): Promise<Buffer> {
  const parts: Part[] = [];
  for (const e of m.contents.exhibits) parts.push(await exhibitPart(m, e));
  // The index is one page; each exhibit starts after the ones before it.
  let next = 2;
  const starts = parts.map((p) => {
    const s = { exhibit: p.exhibit!, page: next, pages: p.pages.length };
    next += p.pages.length;
    return s;
  });
  const total = next - 1;
  const index = await drawn(m, 'Index', (doc) => drawIndex(doc, m, starts));
  if (index.length !== 1) throw new Error('The packet index must fit on one page.');

  const packet = createPdf({ title: `Court packet: ${caseTitle(m)}`, date: m.today, streamPages: true });
  const bytes = collectBytes(packet);
  // The stamp is drawn in the packet itself, over pages copied with their own fallback-font subsets:
  // it must be a line Helvetica draws (a fallback font of the packet's own would take a font name a
  // copied page already uses). A name in another script is on the pages themselves.
  const named = caseTitle(m);
  const who = standardFontDraws(named) ? named : `Small-claims case #${m.c.row.id}`;
  const caption = (page: number) => `${who} · packet page ${page} of ${total}`;
  // pdfkit can point a bookmark at any page by number; its type declarations do not say so.
  const outline = (packet as unknown as { outline: OutlineItem }).outline;
  appendPages(packet, index);
  stamp(packet, caption(1), 'Index');
  outline.addItem('Index', { pageNumber: 0, fit: true });
  parts.forEach((p, k) => {
    const start = starts[k]!.page;
    p.pages.forEach((page, i) => {
      // One page at a time, to stamp it while it is the current page (its fonts are copied with it).
      appendPages(packet, [page]);
      stamp(packet, caption(start + i), `Exhibit ${p.exhibit!.number} — page ${i + 1} of ${p.pages.length}`);
    });
    const item = outline.addItem(`Exhibit ${p.exhibit!.number} — ${p.exhibit!.title}`, {
      pageNumber: start - 1,
      fit: true,
      expanded: true,
    });
    for (const mark of p.marks) item.addItem(mark.title, { pageNumber: start - 1 + mark.page - 1, fit: true });
  });
  packet.end();
  return bytes;
}
