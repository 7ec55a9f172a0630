// The one scheduler of business-day work. Capabilities declare their daily jobs (the lapse check,
// the daily backup, and later ones); the router asks the scheduler to run what is due whenever a
// logged-in user's call finds the store open, so the jobs run at the first log-in of a business
// day (or on the first call after the date changes while Recoup is open), once. Each job's last
// day is kept in `meta` as daily_job:<name>. A job that fails is written to the log and the audit
// trail and tried again on the next business day or the next start; it never fails the call that
// happened to wake it (a failing backup must not stop anyone from logging in).
import type { RecoupApp } from '../app';
import { readMeta, writeMeta } from '../store/meta';
import { appendAudit } from './auditTrail';

const KEY = (name: string) => `daily_job:${name}`;

export class Scheduler {
  /** The business date and store opening last checked, so a check costs nothing between days. */
  private checked: { day: string; generation: number } | null = null;

  constructor(private readonly app: RecoupApp) {}

  /** The business date a job last ran (null: never). */
  lastRun(name: string): string | null {
    return readMeta(this.app.store.db, KEY(name));
  }

  /** Records that a job's work for `day` is done (also when a user ran it on demand). */
  markDone(name: string, day: string): void {
    writeMeta(this.app.store.db, KEY(name), day);
  }

  /** Runs every job that has not run on today's business date. Returns the names of those run. */
  runDue(): string[] {
    const { app } = this;
    if (!app.store.isOpen) return [];
    // Never inside another's transaction (a long job's): a job's work and its record would commit
    // or roll back with it. The next call outside it runs what is due.
    if (app.store.db.inTransaction) return [];
    const day = app.clock.today();
    const generation = app.store.generation;
    if (this.checked && this.checked.day === day && this.checked.generation === generation) return [];
    this.checked = { day, generation };
    const ran: string[] = [];
    for (const job of app.extensions.dailyJobs) {
      const event = { at: app.nowIso(), userId: null, username: null, channel: `job:${job.name}`, records: [] };
      const db = app.store.db;
      try {
        // Inside the try: even reading when the job last ran may fail, and must not fail a log-in.
        const last = this.lastRun(job.name);
        if (last !== null && last >= day) continue;
        // HP-01: the job's work, the day it ran and its audit event commit together.
        const done = () => {
          const summary = job.run(app, day);
          this.markDone(job.name, day);
          appendAudit(db, { ...event, kind: job.audit, outcome: 'ok', detail: summary });
        };
        if (job.outsideTransaction) done();
        else db.transaction(done)();
        app.notices.clear(job.name);
        ran.push(job.name);
      } catch (err) {
        app.log(`recoup: daily job ${job.name} failed: ${(err as Error)?.stack ?? String(err)}`);
        // A database that cannot be read is damaged: the store stops at once (noticeDamage closes
        // it and names the problem) and nothing more, not even this failure's event, is written.
        if (app.store.noticeDamage(err)) {
          app.sessions.endAll();
          return ran;
        }
        // Administrators see it on their next screen (app:status), until the job next succeeds.
        app.notices.set(
          job.name,
          `The ${job.name.replace(/-/g, ' ')} of ${day} failed: ${(err as Error)?.message ?? String(err)}. It is tried again at the next log-in; make a backup by hand from Backups meanwhile.`,
        );
        try {
          appendAudit(db, {
            ...event,
            kind: job.audit,
            outcome: 'failed',
            detail: (err as Error)?.message ?? String(err),
          });
        } catch (auditErr) {
          app.log(`recoup: audit write failed: ${String(auditErr)}`);
        }
      }
    }
    return ran;
  }
}
