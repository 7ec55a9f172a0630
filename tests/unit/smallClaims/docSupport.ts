// The small-claims documents' tests: a case opened on the test book (fixtures.ts) the way the case
// service records one (rows.ts insertCase), and a PDF read back with pdftotext / its outline.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { insertCase } from '../../../src/main/capabilities/smallClaims/rows';
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

/** The PDF's text (pdftotext -layout), and its outline (bookmarks) as pdfinfo... read from the bytes. */
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

/** The bookmark titles, from the outline dictionaries in the (uncompressed object) bytes. */
export function bookmarks(bytes: Buffer): string[] {
  const latin = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of latin.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]+>)/g)) {
    const raw = m[1]!;
    if (raw.startsWith('<')) {
      const hex = Buffer.from(raw.slice(1, -1), 'hex');
      out.push(
        hex[0] === 0xfe && hex[1] === 0xff ? hex.subarray(2).swap16().toString('utf16le') : hex.toString('latin1'),
      );
    } else out.push(raw.slice(1, -1).replace(/\\(.)/g, '$1'));
  }
  return out;
}
