// 020: an agency's remittance lines by the agency's own transaction id (issue 12 item 4). A negative
// line takes back the earlier line with the same id, and a line whose id was already posted is
// refused: both are one index probe per line, not a walk of every line the agency ever sent. And
// the placements of a kind by the day they were placed, which the scorecard reads by month.
import type { Migration } from './index';

export const migration020: Migration = {
  version: 20,
  name: 'agency remittance lines by the agency’s transaction id; placements by kind and day placed',
  up(db) {
    db.exec(`
      CREATE INDEX agency_remittance_lines_reference ON agency_remittance_lines(agency_reference)
        WHERE agency_reference <> '';
      CREATE INDEX placements_kind_placed ON placements(kind, placed_on) WHERE status IN ('placed','returned');
    `);
  },
};
