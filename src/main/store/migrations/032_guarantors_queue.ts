// 032: the work queue's first build of the day at a million guarantors (issue 18). Collections reads
// the name and the automatic-hold flags of every guarantor who may need a person (some 177,000 of a
// million): looked up in the table, that read nearly every page of it (a guarantor's row carries
// the address, the phones, the insurance...), 2.1 s of CPU at 1M. This index holds only what the
// queue reads, by id, so the same look-ups read an index about a tenth of the table's size. A
// balance is not in it: posting money never writes it; a guarantor's name or flags changing does.
// The applications awaiting a decision (ECA-05, some 41,000 at 1M) are read the same way: their
// partial index (014) carries their name and balance, so the queue does not look each row up
// (0.9 s of CPU at 1M). Only the queue uses that index; it keeps its name and first column.
import type { Migration } from './index';

export const migration032: Migration = {
  version: 32,
  name: 'work queue: the guarantors’ names and hold flags by id; pending applications with their names',
  up(db) {
    db.exec(`
      DROP INDEX guarantors_fap_pending;
      CREATE INDEX guarantors_fap_pending ON guarantors(fap_status_date, id, last_name, first_name, middle_name, balance_cents)
        WHERE fap_status = 'pending';
      CREATE INDEX guarantors_queue
        ON guarantors(id, last_name, first_name, middle_name, deceased, bankruptcy, fap_status, mail_returned_on);
    `);
  },
};
