// The small-claims documents' tests: a case opened on the test book (fixtures.ts) the way the case
// service records one (rows.ts insertCase), and a PDF read back with pdftotext / its outline.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { insertCase } from '../../../src/main/capabilities/smallClaims/rows';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { STANDARD_FONTS } from '../pdfText';
import { tempDir } from '../support';
import type { CourtWorld } from './fixtures';

/** Opens a case for a guarantor's accounts in the state's largest court, as smallClaims:open records it. */
export function openCase(
  w: CourtWorld,
  guarantor: string,
  accounts: string[],
  o: { claimCents?: number; basis?: 'written' | 'open_account'; county?: string; waiverNote?: string } = {},
): number {
  const db = w.t.app.store.db;
  const gid = w.gid(guarantor);
  const state = db.prepare('SELECT state FROM guarantors WHERE id = ?').pluck().get(gid) as string;
  const courtId = db
    .prepare('SELECT id FROM court_limits WHERE state = ? ORDER BY entity_limit_cents DESC, id LIMIT 1')
    .pluck()
    .get(state) as number;
  const rows = accounts.map((n) => ({
    accountId: w.acct(n),
    balanceCents: db.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(w.acct(n)) as number,
  }));
  const balanceCents = rows.reduce((t, r) => t + r.balanceCents, 0);
  const claimCents = o.claimCents ?? balanceCents;
  return insertCase(
    db,
    {
      guarantorId: gid,
      courtLimitId: courtId,
      courtName: state === 'CA' ? 'Superior Court of California, County of Los Angeles' : 'City Court',
      courtAddress: state === 'CA' ? '111 N Hill St, Los Angeles, CA 90012' : '',
      county: o.county ?? (state === 'CA' ? 'Los Angeles' : 'Albany'),
      basis: o.basis ?? 'open_account',
      balanceCents,
      claimCents,
      waivedCents: balanceCents - claimCents,
      waiverNote: o.waiverNote ?? '',
      openedOn: w.t.app.clock.today(),
      at: w.t.app.nowIso(),
      by: 1,
    },
    rows,
  );
}

/** The PDF's text, read back with pdftotext (-layout); `keep` (or RECOUP_KEEP_PDF) saves the file to look at. */
export function pdfText(bytes: Buffer, keep?: string): string {
  const dir = tempDir('recoup-court-');
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  if (keep ?? process.env.RECOUP_KEEP_PDF) writeFileSync(keep ?? process.env.RECOUP_KEEP_PDF!, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The text of each page. */
export function pdfPages(bytes: Buffer): string[] {
  return pdfText(bytes).split('\f').slice(0, -1);
}

export interface Bookmark {
  title: string;
  /** The page it opens (1-based). */
  page: number;
  items: Bookmark[];
}

/** The PDF's bookmarks (its outline), with the page each opens, read with pdfjs. */
export async function bookmarks(bytes: Buffer): Promise<Bookmark[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  type Node = { title: string; dest: unknown; items: Node[] };
  const walk = async (nodes: Node[]): Promise<Bookmark[]> =>
    Promise.all(
      nodes.map(async (n) => ({
        title: n.title,
        page: (await doc.getPageIndex((n.dest as [{ num: number; gen: number }])[0])) + 1,
        items: await walk(n.items),
      })),
    );
  const out = await walk(((await doc.getOutline()) ?? []) as Node[]);
  await doc.destroy();
  return out;
}
