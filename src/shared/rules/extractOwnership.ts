// Who owns each fact the billing extract carries, and what a re-import may do to it (issue 10;
// ECA-05: the 501(r) clock and a pending financial-assistance application must never be undone by
// an import). The table is docs/import-format.md "Who owns each fact"; a test keeps the two equal.
//
// The extract brings, for each field, either a value or no information: a column the file does
// not carry and an empty cell both mean "the billing system did not say", never "clear it".

export type ExtractValue = string | number | null;

/**
 * The owners:
 * - `billing`: the billing system's fact. A value in the extract replaces Recoup's.
 * - `identity`: who the person is (name, date of birth). The extract fills an empty one; a change
 *   to a value Recoup has is held for a supervisor's approval, never applied by the import (a
 *   wrong id in the billing system must not turn one patient into another).
 * - `address`: the billing system's, as one block. A row whose address line 1 has a value brings
 *   the whole mailing address: an empty cell in one of the file's other address columns then
 *   clears the old value (a moved patient has no old apartment number); the import's reader marks
 *   those cells. A row without line 1 changes only the parts it carries.
 * - `flag`: a legal or contact flag (deceased, bankruptcy, do-not-contact). The extract may raise
 *   it; lowering it is held for a supervisor's approval.
 * - `first_known`: the first value stands (the date and source of a death). The extract fills it
 *   when Recoup has none.
 * - `earliest`: the first statement date (D0, ECA-05). Never moves once set, except to an earlier
 *   billing statement the extract proves.
 * - `latest`: a remittance date. The later date wins; an older extract never moves it back.
 * - `fap`: the financial-assistance status and its date, together (see `mergeFapStatus`).
 */
export type FieldOwner = 'billing' | 'identity' | 'address' | 'flag' | 'first_known' | 'earliest' | 'latest' | 'fap';

export const GUARANTOR_FIELD_OWNERS = {
  mrn: 'billing',
  last_name: 'identity',
  first_name: 'identity',
  middle_name: 'identity',
  date_of_birth: 'identity',
  address_line1: 'address',
  address_line2: 'address',
  city: 'address',
  state: 'address',
  zip: 'address',
  phone: 'billing',
  email: 'billing',
  language: 'billing',
  employer: 'billing',
  is_employee: 'billing',
  employee_id: 'billing',
  pay_frequency: 'billing',
  hourly_rate_cents: 'billing',
  annual_salary_cents: 'billing',
  deceased: 'flag',
  date_of_death: 'first_known',
  death_source: 'first_known',
  fap_status: 'fap',
  fap_status_date: 'fap',
  bankruptcy: 'flag',
  do_not_call: 'flag',
  do_not_mail: 'flag',
  do_not_email: 'flag',
} as const satisfies Record<string, FieldOwner>;

export const ACCOUNT_FIELD_OWNERS = {
  patient_name: 'billing',
  service_from: 'billing',
  service_to: 'billing',
  service_type: 'billing',
  payer_class: 'billing',
  state_of_service: 'billing',
  mbi: 'billing',
  medicare_ra_date: 'latest',
  medicaid_number: 'billing',
  medicaid_ra_date: 'latest',
  secondary_ra_date: 'latest',
  deductible_cents: 'billing',
  coinsurance_cents: 'billing',
  last_illness: 'billing',
  first_statement_date: 'earliest',
} as const satisfies Record<string, FieldOwner>;

/** A field Recoup changed because the extract said so. */
export interface FieldChange {
  field: string;
  from: ExtractValue;
  to: ExtractValue;
}

/** A field where the extract said something else and Recoup kept its own fact, and why. */
export interface FieldKept {
  field: string;
  extract: ExtractValue;
  kept: ExtractValue;
  reason: string;
}

/** A change the extract asks for that waits for a supervisor's approval (not applied). */
export interface FieldHeld {
  field: string;
  from: ExtractValue;
  to: ExtractValue;
  reason: string;
}

export interface Merged<R> {
  values: R;
  changes: FieldChange[];
  kept: FieldKept[];
  held: FieldHeld[];
}

const FLAG_NAMES: Record<string, string> = {
  deceased: 'deceased',
  bankruptcy: 'in bankruptcy',
  do_not_call: 'do not call',
  do_not_mail: 'do not mail',
  do_not_email: 'do not email',
};

/** The mailing address, one block (the `address` owner). */
export const ADDRESS_FIELDS = ['address_line1', 'address_line2', 'city', 'state', 'zip'] as const;

export type FapStatusValue = 'unknown' | 'not_applied' | 'pending' | 'approved_full' | 'approved_partial' | 'denied';

const APPROVED: ReadonlySet<FapStatusValue> = new Set(['approved_full', 'approved_partial']);

/**
 * Whether a later-dated status may follow the one Recoup holds (ECA-05). An open application is
 * answered only by a decision; an approval stands (only a new application or another approval may
 * follow it); "did not apply" never follows an application.
 */
export function fapStatusMayFollow(from: FapStatusValue, to: FapStatusValue): boolean {
  if (to === 'unknown' || to === from) return false;
  switch (from) {
    case 'unknown':
      return true;
    case 'not_applied':
      return true;
    case 'pending':
      return to === 'denied' || APPROVED.has(to);
    case 'denied':
      return to === 'pending' || APPROVED.has(to);
    case 'approved_full':
    case 'approved_partial':
      return to === 'pending' || APPROVED.has(to);
  }
}

export interface FapState {
  fap_status: FapStatusValue;
  fap_status_date: string | null;
}

/** What the assistance merge needs besides the two rows. */
export interface FapWhen {
  /** The import's business day: the date of a status the extract gives undated. */
  today?: string;
  /** When Recoup's status carries no date: the date of its last history entry. */
  recordedOn?: string | null;
}

/**
 * The financial-assistance status after an extract row (ECA-05). "Unknown" or an empty cell says
 * nothing. Where Recoup knows nothing, the extract's status is taken. Otherwise the extract's
 * status must be dated later than Recoup's (a decision may share its application's day), and be
 * one that may follow Recoup's (`fapStatusMayFollow`); else Recoup's stands.
 */
export function mergeFapStatus(
  stored: FapState,
  incoming: Partial<FapState>,
  when: FapWhen = {},
): { values: FapState; changes: FieldChange[]; kept: FieldKept[] } {
  const to = incoming.fap_status;
  // A status the extract gives without a date is recorded as of the import's day (as its history
  // row is), so that a later extract is compared with a real date.
  const toDate = incoming.fap_status_date ?? when.today ?? null;
  // The date Recoup's status is compared with: its own, or (a status kept without one by an older
  // version) the date of its last history entry.
  const storedDate = stored.fap_status_date ?? when.recordedOn ?? null;
  const same = { values: { ...stored }, changes: [], kept: [] };
  if (to === undefined || to === 'unknown') return same;
  const keep = (reason: string) => ({
    values: { ...stored },
    changes: [],
    kept: [{ field: 'fap_status', extract: to, kept: stored.fap_status, reason }],
  });
  const take = (): { values: FapState; changes: FieldChange[]; kept: FieldKept[] } => {
    const values: FapState = { fap_status: to, fap_status_date: toDate };
    const changes: FieldChange[] = [];
    if (stored.fap_status !== to) changes.push({ field: 'fap_status', from: stored.fap_status, to });
    if (stored.fap_status_date !== toDate)
      changes.push({ field: 'fap_status_date', from: stored.fap_status_date, to: toDate });
    return { values, changes, kept: [] };
  };
  if (stored.fap_status === 'unknown') return take();
  const dated = incoming.fap_status_date !== undefined && incoming.fap_status_date !== null;
  if (to === stored.fap_status) {
    // The same status: a date the extract gives fills a missing one, and is otherwise Recoup's.
    if (stored.fap_status_date === null && dated) return take();
    return same;
  }
  if (!dated)
    return keep('the extract gives no status date, so it cannot show it is newer than the status recorded in Recoup');
  if (storedDate !== null) {
    const decision = stored.fap_status === 'pending' && (to === 'denied' || APPROVED.has(to));
    if (toDate! < storedDate || (toDate === storedDate && !decision))
      return keep(`the extract's status is dated ${toDate}, not after the status recorded on ${storedDate}`);
  }
  if (!fapStatusMayFollow(stored.fap_status, to))
    return keep(
      stored.fap_status === 'pending'
        ? 'an open application is closed only by a decision (approved or denied)'
        : APPROVED.has(stored.fap_status)
          ? 'an approval stands; only a new application or another approval follows it'
          : `"${to.replace(/_/g, ' ')}" cannot follow "${stored.fap_status.replace(/_/g, ' ')}"`,
    );
  return take();
}

function mergeOne(
  owner: Exclude<FieldOwner, 'fap'>,
  field: string,
  from: ExtractValue,
  to: ExtractValue,
): { value: ExtractValue; kept?: FieldKept; held?: FieldHeld } {
  switch (owner) {
    case 'billing':
    case 'address':
      return { value: to };
    case 'identity':
      if (from === null || from === '' || from === to) return { value: to };
      return {
        value: from,
        held: { field, from, to, reason: 'a change of name or date of birth waits for a supervisor' },
      };
    case 'flag':
      if (to === 0 && from === 1)
        return {
          value: from,
          held: {
            field,
            from,
            to,
            reason: `lifting "${FLAG_NAMES[field] ?? field}" waits for a supervisor; until then it stands`,
          },
        };
      return { value: from === 1 ? 1 : to };
    case 'first_known':
      if (from === null || from === '') return { value: to };
      if (from === to) return { value: from };
      return { value: from, kept: { field, extract: to, kept: from, reason: 'Recoup already has this fact' } };
    case 'earliest':
      if (from === null || (to !== null && String(to) < String(from))) return { value: to };
      if (from === to) return { value: from };
      return {
        value: from,
        kept: {
          field,
          extract: to,
          kept: from,
          reason: 'the first statement date never moves later once set (only to an earlier statement)',
        },
      };
    case 'latest':
      if (from === null || (to !== null && String(to) > String(from))) return { value: to };
      if (from === to) return { value: from };
      return {
        value: from,
        kept: { field, extract: to, kept: from, reason: 'an older date never replaces a later one' },
      };
  }
}

/**
 * A stored row after an extract row, field by field by its owner. `incoming` holds only the fields
 * the row carried (a key left out is no information). Returns the row to store, what changed and
 * what Recoup kept against the extract, and what waits for a supervisor.
 */
export function mergeExtractRow<R extends Record<string, ExtractValue>>(
  stored: R,
  incoming: Partial<R>,
  owners: Record<string, FieldOwner>,
  fapWhen: FapWhen = {},
): Merged<R> {
  const values = { ...stored } as Record<string, ExtractValue>;
  const changes: FieldChange[] = [];
  const kept: FieldKept[] = [];
  const held: FieldHeld[] = [];
  let fapSeen = false;
  for (const field of Object.keys(owners)) {
    const owner = owners[field]!;
    if (owner === 'fap') {
      if (fapSeen) continue;
      fapSeen = true;
      const r = mergeFapStatus(stored as unknown as FapState, incoming as unknown as Partial<FapState>, fapWhen);
      values.fap_status = r.values.fap_status;
      values.fap_status_date = r.values.fap_status_date;
      changes.push(...r.changes);
      kept.push(...r.kept);
      continue;
    }
    const to = incoming[field] as ExtractValue | undefined;
    if (to === undefined) continue;
    const from = values[field] ?? null;
    const r = mergeOne(owner, field, from, to);
    if (r.kept) kept.push(r.kept);
    if (r.held) held.push(r.held);
    if (r.value !== from) {
      changes.push({ field, from, to: r.value });
      values[field] = r.value;
    }
  }
  return { values: values as R, changes, kept, held };
}
