// 010: the regroup by capability.
// - A payment keeps the document of its receipt, so a receipt that could not be drawn when the
//   payment was saved is printed later, and a reprint gives the same bytes.
// - Business-day jobs keep the day they last ran under one key each (`daily_job:<name>`): the
//   lapse check's and the daily backup's earlier keys carry over.
// - Follow-ups are called follow-ups: the table `tasks` becomes `follow_ups` ("task" meant both a
//   clerk's to-do and the app's long-running work), and a follow-up worked today keeps its place
//   in the day's work log under its new queue key.
import type { Migration } from './index';

export const migration010: Migration = {
  version: 10,
  name: 'capabilities: receipt documents, daily jobs, follow-ups',
  up(db) {
    db.exec(`
      ALTER TABLE payments ADD COLUMN receipt_document_id INTEGER REFERENCES documents(id);
      UPDATE payments SET receipt_document_id = (
        SELECT max(d.id) FROM documents d
         WHERE d.kind = 'payment_receipt' AND d.guarantor_id = payments.guarantor_id
           AND d.file_name = 'receipt-' || payments.receipt_number || '.pdf');
      INSERT INTO meta (key, value) SELECT 'daily_job:lapse-check', value FROM meta WHERE key = 'plans_last_run';
      INSERT INTO meta (key, value) SELECT 'daily_job:daily-backup', value FROM meta WHERE key = 'last_daily_backup';
      DELETE FROM meta WHERE key IN ('plans_last_run', 'last_daily_backup');
      ALTER TABLE tasks RENAME TO follow_ups;
      DROP INDEX tasks_guarantor;
      DROP INDEX tasks_due;
      CREATE INDEX follow_ups_guarantor ON follow_ups(guarantor_id, status);
      CREATE INDEX follow_ups_due ON follow_ups(status, due_date, assignee_id);
      UPDATE work_log SET item_key = 'followUp:' || substr(item_key, 6) WHERE item_key LIKE 'task:%';
    `);
  },
};
