// The collection agencies' bench (issues 12 and 18): placement, a 50,000-line remittance and the
// scorecard, run by the whole bench (agencyBench) or on its own on a kept database
// (RECOUP_BENCH_ONLY=agencies RECOUP_BENCH_DB=/path/to/kept.db, see agenciesOnly) so that a
// million guarantors need not be imported again for each look. The bench writes to the database:
// give it a copy.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { RecoupApp } from '../main/app';
import { CAPABILITIES } from '../main/capabilities';
import {
  agencyScorecard,
  buildBatches,
  postRemittance,
  releaseBatch,
  scoreWeights,
} from '../main/capabilities/agencies';
import { LedgerChangeWriter } from '../main/capabilities/ledger';
import { collectExtensions } from '../main/platform/capability';
import { openEncrypted, type Db } from '../main/store/database';
import { migrate } from '../main/store/migrations';
import { addDays } from '../shared/dates';
import { setUpAgencies } from './agencySetup';
import { round } from './util';

function fileMb(file: string): number {
  return existsSync(file) ? round(statSync(file).size / 1e6, 1) : 0;
}

/** Wall clock and this process's CPU time (user and system) of one step, in ms. */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = run();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Collection agencies (issue 12): choose and place 20,000 accounts and write the placement file.
 * The data set's accounts whose cycle ended get the final notice the statement runs would have
 * given them (90 days ago), so the delinquent book is the data set's own.
 */
export function agencyBench(db: Db, results: Record<string, number>, today: string): void {
  const now = `${today}T12:00:00.000Z`;
  const finalNotice = addDays(today, -90);
  // The statement run's benchmark held everyone beyond its count; those holds end here.
  db.prepare(`UPDATE holds SET released_on = ? WHERE note = 'benchmark: not in this run'`).run(today);
  const supervisor = setUpAgencies(db, today, finalNotice, now, 'bench.supervisor');
  const t = performance.now();
  const batchIds = buildBatches(
    db,
    { kind: 'primary', method: 'share', maxAccounts: 20_000 },
    today,
    now,
    supervisor,
    scoreWeights,
  );
  const built = performance.now() - t;
  let placed = 0;
  let fileBytes = 0;
  for (const batchId of batchIds) {
    const r = releaseBatch(db, batchId, { today, at: now, by: supervisor, approvedBy: null });
    placed += r.placed;
    fileBytes += db.prepare('SELECT length(bytes) FROM documents WHERE id = ?').pluck().get(r.documentId) as number;
  }
  results.agency_placement_ms = round(performance.now() - t, 0);
  console.log(
    `Agency placement: ${placed} accounts chosen by share among 3 agencies (built in ${round(built, 0)} ms), released and written (${round(fileBytes / 1e6, 1)} MB of files) in ${results.agency_placement_ms} ms (target ≤ 5,000)`,
  );

  // A 50,000-line remittance file from the first agency (gross), in its (default) CSV layout: two or
  // three small collections on each of its placed accounts, posted as the clerk posts it.
  const agencyId = db.prepare(`SELECT id FROM agencies WHERE name = 'Acme Recovery'`).pluck().get() as number;
  const file = remittanceFile(db, agencyId, today, 50_000);
  const app = {
    store: { db },
    clock: { today: () => today },
    nowIso: () => now,
    extensions: collectExtensions(CAPABILITIES),
  } as unknown as RecoupApp;
  // The placement's writes are checkpointed first, so the WAL's size after the posting is what it wrote.
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The commit's automatic checkpoint (copying the WAL into the file, each page decrypted and
  // encrypted again) is run here just after the commit instead, so that the figure (which counts
  // both, as the clerk waits for both) can be told apart.
  const posted = withCheckpointAfter(db, () =>
    postRemittance(
      app,
      supervisor,
      { agencyId, reference: 'BENCH-1', receivedOn: today, source: 'file', uploadId: 'bench' },
      () => ({ fileName: 'remittance.csv', bytes: file }),
    ),
  );
  results.remittance_lines_per_s = Math.round(50_000 / (posted.ms / 1000));
  console.log(
    `Agency remittance: 50,000 lines read, checked and posted in ${round(posted.ms, 0)} ms (${results.remittance_lines_per_s} lines/s; target ≥ 25,000); CPU ${round(posted.cpuMs, 0)} ms (the checkpoint ${round(posted.checkpointCpuMs, 0)} of it); ${posted.walMb} MB written to the WAL`,
  );

  // Two years of placements before this month: 2,000 accounts a month among the three agencies,
  // each back after 180 days, with a remittance line on every third (rows as the services write
  // them; their ledger entries move the balances as a ledger change does).
  const history = agencyHistory(db, today, now, 24, 2_000);
  const card = timed(() =>
    agencyScorecard(
      db,
      { kind: 'primary', fromMonth: addDays(today, -730).slice(0, 7), toMonth: today.slice(0, 7) },
      today,
    ),
  );
  results.agency_scorecard_ms = round(card.ms, 0);
  console.log(
    `Agency scorecard: ${history.placements + placed} placements over 25 months (${history.lines} history lines), ${card.value.rows.length} agency-months, in ${results.agency_scorecard_ms} ms (target ≤ 500); CPU ${round(card.cpuMs, 0)} ms`,
  );
  // RECOUP_BENCH_AGENCY_FLOOR=1: the floor under the remittance's figure (last: it writes).
  if (process.env.RECOUP_BENCH_AGENCY_FLOOR === '1') remittanceFloor(db, now, 50_000, agencyId);
}

/**
 * Runs `work` (one transaction) with the automatic checkpoint off, then checkpoints as the commit
 * would have (PASSIVE): the time and CPU of both, the checkpoint's CPU and the MB in the WAL.
 */
function withCheckpointAfter<T>(
  db: Db,
  work: () => T,
): { value: T; ms: number; cpuMs: number; checkpointCpuMs: number; walMb: number } {
  const every = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    const done = timed(work);
    const walMb = db.name ? fileMb(`${db.name}-wal`) : 0;
    const checkpoint = timed(() => db.pragma('wal_checkpoint(PASSIVE)'));
    return {
      value: done.value,
      ms: done.ms + checkpoint.ms,
      cpuMs: done.cpuMs + checkpoint.cpuMs,
      checkpointCpuMs: checkpoint.cpuMs,
      walMb,
    };
  } finally {
    db.pragma(`wal_autocheckpoint = ${every}`);
  }
}

/**
 * The remittance's floor: the rows a posting of `lines` lines writes
 * (its entries in account order, its remittance lines, one balance update per account and per
 * guarantor), written with the same driver, cipher and page cache, with no file to read, no
 * checks and no subscribers. Balances move with the
 * entries (a cent each), so the ledger still agrees.
 */
function remittanceFloor(db: Db, now: string, lines: number, agencyId: number): void {
  // The accounts the other agencies hold (10,000 in the bench, with final notices like the
  // remittance's own, so the same indexes hold them), not touched by the posting.
  const accounts = db
    .prepare(
      `SELECT a.id, a.guarantor_id, p.id AS placement_id FROM placements p JOIN accounts a ON a.id = p.account_id
        WHERE p.status = 'placed' AND p.agency_id <> ? ORDER BY a.id`,
    )
    .all(agencyId) as { id: number; guarantor_id: number; placement_id: number }[];
  const remittanceId = Number(
    db
      .prepare(
        `INSERT INTO agency_remittances (agency_id, reference, method, received_on, source, line_count, collected_cents,
                                         fee_cents, remitted_cents, posted_at)
         VALUES (?, 'FLOOR', 'gross', substr(?, 1, 10), 'keyed', ?, ?, 0, ?, ?)`,
      )
      .run(agencyId, now, lines, lines, lines, now).lastInsertRowid,
  );
  const perAccount = Math.ceil(lines / accounts.length);
  const accountOf = (i: number) => accounts[Math.floor(i / perAccount)]!;
  const rows = 500;
  const entry = db.prepare(
    `INSERT INTO ledger_entries (id, account_id, type, amount_cents, effective_date, posted_at, reference, memo)
     VALUES ${Array.from({ length: rows }, () => "(?, ?, 'agency_remittance', -1, substr(?, 1, 10), ?, 'FLOOR', ?)").join(', ')}`,
  );
  const line = db.prepare(
    `INSERT INTO agency_remittance_lines (remittance_id, line_no, placement_id, account_id, paid_on, collected_cents,
                                          fee_cents, remitted_cents, agency_reference, ledger_entry_id)
     VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, substr(?, 1, 10), 1, 0, 1, ?, ?)').join(', ')}`,
  );
  const account = db.prepare('UPDATE accounts SET balance_cents = balance_cents + ?, updated_at = ? WHERE id = ?');
  const guarantor = db.prepare('UPDATE guarantors SET balance_cents = balance_cents + ?, updated_at = ? WHERE id = ?');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const floor = withCheckpointAfter(db, () =>
    db.transaction(() => {
      const first = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM ledger_entries').pluck().get() as number;
      const n = Math.floor(Math.min(lines, accounts.length * perAccount) / rows) * rows;
      for (let at = 0; at < n; at += rows) {
        const args: (string | number)[] = [];
        for (let i = at; i < at + rows; i++)
          args.push(first + i, accountOf(i).id, now, now, `Floor, line ${i + 2}, transaction F${i}`);
        entry.run(...args);
      }
      for (let at = 0; at < n; at += rows) {
        const args: (string | number)[] = [];
        for (let i = at; i < at + rows; i++)
          args.push(remittanceId, i + 2, accountOf(i).placement_id, accountOf(i).id, now, `F${i}`, first + i);
        line.run(...args);
      }
      // One update per account and per guarantor, by the entries' sum (a cent each).
      const byAccount = new Map<number, { guarantorId: number; cents: number }>();
      for (let i = 0; i < n; i++) {
        const a = accountOf(i);
        const moved = byAccount.get(a.id) ?? { guarantorId: a.guarantor_id, cents: 0 };
        moved.cents -= 1;
        byAccount.set(a.id, moved);
      }
      const byGuarantor = new Map<number, number>();
      for (const [id, moved] of byAccount) {
        account.run(moved.cents, now, id);
        byGuarantor.set(moved.guarantorId, (byGuarantor.get(moved.guarantorId) ?? 0) + moved.cents);
      }
      for (const [g, cents] of [...byGuarantor].sort((x, y) => x[0] - y[0])) guarantor.run(cents, now, g);
    })(),
  );
  console.log(
    `Agency remittance floor: ${lines.toLocaleString()} entries and lines on ${accounts.length.toLocaleString()} accounts, written raw in ${round(floor.ms, 0)} ms; CPU ${round(floor.cpuMs, 0)} ms (the checkpoint ${round(floor.checkpointCpuMs, 0)} of it); ${floor.walMb} MB written to the WAL`,
  );
}

/** The bench's remittance file: `count` lines, two or three small collections on each of the agency's placed accounts. */
export function remittanceFile(db: Db, agencyId: number, today: string, count: number): Buffer {
  const placedAccounts = db
    .prepare(
      `SELECT a.account_number, a.balance_cents FROM placements p JOIN accounts a ON a.id = p.account_id
        WHERE p.agency_id = ? AND p.status = 'placed' ORDER BY p.id`,
    )
    .all(agencyId) as { account_number: string; balance_cents: number }[];
  const lines = ['account_number,paid_on,collected,fee,remitted,agency_reference'];
  for (let i = 0; lines.length <= count; i++) {
    const a = placedAccounts[i % placedAccounts.length]!;
    const cents = Math.max(1, Math.floor(a.balance_cents / 10));
    const fee = Math.floor((cents * 2_500 + 5_000) / 10_000);
    lines.push(
      `${a.account_number},${today},${(cents / 100).toFixed(2)},${(fee / 100).toFixed(2)},${(cents / 100).toFixed(2)},T${i}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Placement history written straight into the store (see agencyBench). */
function agencyHistory(
  db: Db,
  today: string,
  now: string,
  months: number,
  perMonth: number,
): { placements: number; lines: number } {
  const agencies = db.prepare('SELECT id FROM agencies ORDER BY id').pluck().all() as number[];
  const accounts = db
    .prepare(
      `SELECT a.id, a.guarantor_id FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM placements p WHERE p.account_id = a.id)
        ORDER BY a.id LIMIT ?`,
    )
    .all(months * perMonth) as { id: number; guarantor_id: number }[];
  const batch = db.prepare(
    `INSERT INTO placement_batches (agency_id, kind, method, status, built_on, built_at, released_on, released_at)
     VALUES (?, 'primary', 'share', 'released', ?, ?, ?, ?) RETURNING id`,
  );
  const placement = db.prepare(
    `INSERT INTO placements (batch_id, agency_id, account_id, guarantor_id, kind, status, proposed_cents, placed_on, placed_cents,
                             fee_rate_bp, recall_days, returned_on, return_reason)
     VALUES (?, ?, ?, ?, 'primary', 'returned', ?, ?, ?, 2500, 180, ?, ?) RETURNING id`,
  );
  const remittance = db.prepare(
    `INSERT INTO agency_remittances (agency_id, reference, method, received_on, source, line_count, collected_cents, fee_cents,
                                     remitted_cents, posted_at)
     VALUES (?, ?, 'gross', ?, 'keyed', 0, 0, 0, 0, ?) RETURNING id`,
  );
  const entry = db.prepare(
    `INSERT INTO ledger_entries (account_id, type, amount_cents, effective_date, posted_at, reference)
     VALUES (?, 'agency_remittance', ?, ?, ?, 'bench history') RETURNING id`,
  );
  const line = db.prepare(
    `INSERT INTO agency_remittance_lines (remittance_id, line_no, placement_id, account_id, paid_on, collected_cents, fee_cents,
                                          remitted_cents, agency_reference, ledger_entry_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );
  let placements = 0;
  let lines = 0;
  db.transaction(() => {
    const remittances = new Map<string, number>();
    for (let m = 0; m < months; m++) {
      const placedOn = addDays(today, -30 * (months - m) - 15);
      const batches = agencies.map((a) => (batch.get(a, placedOn, now, placedOn, now) as { id: number }).id);
      for (let k = 0; k < perMonth; k++) {
        const acc = accounts[m * perMonth + k];
        if (!acc) break;
        const i = k % agencies.length;
        const agencyId = agencies[i]!;
        const cents = 5_000 + ((k * 7919) % 200_000);
        const id = (
          placement.get(
            batches[i],
            agencyId,
            acc.id,
            acc.guarantor_id,
            cents,
            placedOn,
            cents,
            addDays(placedOn, 180),
            'no_payment',
          ) as {
            id: number;
          }
        ).id;
        placements++;
        if (k % 3 !== 0) continue;
        const paidOn = addDays(placedOn, 20 + (k % 150));
        const key = `${agencyId}/${paidOn.slice(0, 7)}`;
        let remittanceId = remittances.get(key);
        if (remittanceId === undefined) {
          remittanceId = (remittance.get(agencyId, `H-${key}`, paidOn, now) as { id: number }).id;
          remittances.set(key, remittanceId);
        }
        const collected = Math.floor(cents / (2 + (k % 4)));
        const entryId = (entry.get(acc.id, -collected, paidOn, now) as { id: number }).id;
        new LedgerChangeWriter(db, { today, now, by: null }).moveBalances(new Map([[acc.id, -collected]]));
        line.run(
          remittanceId,
          ++lines,
          id,
          acc.id,
          paidOn,
          collected,
          Math.floor((collected * 2_500 + 5_000) / 10_000),
          collected,
          entryId,
        );
      }
    }
  })();
  return { placements, lines };
}

/**
 * RECOUP_BENCH_ONLY=agencies RECOUP_BENCH_DB=/path/to/kept.db (its key in /path/to/kept.db.key,
 * as RECOUP_BENCH_ONLY=database keeps it): the agencies' bench alone on a kept database, migrated
 * first. It writes (placements, a remittance, history): run it on a copy, once per copy
 * (RECOUP_BENCH_MIGRATE_ONLY=1 only migrates the file, to make a copy to copy from).
 */
export function agenciesOnly(file: string, today: string): Record<string, number> {
  const key = Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex');
  // RECOUP_BENCH_CACHE_MB: the page cache (the app's 64 MB by default), to see what a larger one buys.
  const cacheMb = Number(process.env.RECOUP_BENCH_CACHE_MB ?? 64);
  const db = openEncrypted(file, key, { mustExist: true, cacheKiB: cacheMb * 1024 });
  const results: Record<string, number> = {};
  try {
    const applied = migrate(db);
    if (applied.length > 0) console.log(`Migrated (${applied.join(', ')})`);
    // RECOUP_BENCH_MIGRATE_ONLY=1: only that (a migrated copy to take copies of).
    if (process.env.RECOUP_BENCH_MIGRATE_ONLY === '1') {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return results;
    }
    const guarantors = db.prepare('SELECT count(*) FROM guarantors').pluck().get() as number;
    // RECOUP_BENCH_SCORECARD_ONLY=1 on a copy the bench already ran on: the scorecard five times.
    if (process.env.RECOUP_BENCH_SCORECARD_ONLY === '1') {
      for (let i = 0; i < 5; i++) {
        const card = timed(() =>
          agencyScorecard(
            db,
            { kind: 'primary', fromMonth: addDays(today, -730).slice(0, 7), toMonth: today.slice(0, 7) },
            today,
          ),
        );
        console.log(
          `Scorecard: ${card.value.rows.length} agency-months in ${round(card.ms, 0)} ms, CPU ${round(card.cpuMs, 0)} ms`,
        );
      }
      return results;
    }
    if ((db.prepare('SELECT count(*) FROM agencies').pluck().get() as number) > 0)
      throw new Error(`${file} has agencies already: the agencies' bench runs once on a fresh copy.`);
    console.log(`Agencies' bench on ${guarantors.toLocaleString()} guarantors in ${file}`);
    agencyBench(db, results, today);
  } finally {
    db.close();
    key.fill(0);
  }
  return results;
}
