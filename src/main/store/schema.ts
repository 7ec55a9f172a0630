// Generated from the migrations by src/main/store/schemaTypes.ts; do not edit by hand.
// One row type per table, as stored (INTEGER cents, YYYY-MM-DD dates, 0/1 flags).
// Regenerate after a migration: RECOUP_WRITE_SCHEMA=1 npx vitest run tests/unit/store/schemaTypes.test.ts

export interface AccountsRow {
  id: number;
  account_number: string;
  guarantor_id: number;
  patient_name: string;
  service_from: string;
  service_to: string;
  service_type: 'inpatient' | 'outpatient' | 'emergency' | 'obstetric';
  payer_class: 'self_pay' | 'medicare' | 'medicare_advantage' | 'medicaid' | 'commercial';
  state_of_service: string;
  mbi: string | null;
  medicare_ra_date: string | null;
  medicaid_number: string | null;
  medicaid_ra_date: string | null;
  secondary_ra_date: string | null;
  deductible_cents: number;
  coinsurance_cents: number;
  last_illness: number;
  first_statement_date: string | null;
  balance_cents: number;
  created_at: string;
  updated_at: string;
  final_notice_date: string | null;
  final_notice_actions: string | null;
}

export interface ActivitiesRow {
  id: number;
  guarantor_id: number;
  account_id: number | null;
  kind: 'call' | 'letter' | 'visit' | 'note';
  direction: 'inbound' | 'outbound' | null;
  outcome: string;
  note: string;
  occurred_on: string;
  created_at: string;
  created_by: number | null;
}

export interface AgenciesRow {
  id: number;
  name: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  address: string;
  licence_states: string;
  baa_signed_on: string | null;
  recall_days: number;
  remittance_method: 'gross' | 'net';
  share_percent: number;
  active: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface AgencyEcaRequestsRow {
  id: number;
  placement_id: number;
  account_id: number;
  kind: string;
  requested_on: string;
  note: string;
  allowed: number;
  allowed_from: string | null;
  reasons: string;
  at: string;
  by: number | null;
}

export interface AgencyFeesRow {
  id: number;
  agency_id: number;
  kind: 'primary' | 'secondary' | 'legal';
  rate_bp: number;
  effective_from: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface AgencyHistoryRow {
  id: number;
  agency_id: number;
  at: string;
  by: number | null;
  what: string;
  before: string | null;
  after: string;
}

export interface AgencyLayoutsRow {
  id: number;
  agency_id: number;
  file: 'placement' | 'recall' | 'remittance';
  spec: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface AgencyRemittanceLinesRow {
  id: number;
  remittance_id: number;
  line_no: number;
  placement_id: number;
  account_id: number;
  paid_on: string;
  collected_cents: number;
  fee_cents: number;
  remitted_cents: number;
  agency_reference: string;
  ledger_entry_id: number;
}

export interface AgencyRemittancesRow {
  id: number;
  agency_id: number;
  reference: string;
  method: 'gross' | 'net';
  received_on: string;
  source: 'file' | 'keyed';
  file_name: string | null;
  file_sha256: string | null;
  line_count: number;
  collected_cents: number;
  fee_cents: number;
  remitted_cents: number;
  posted_at: string;
  posted_by: number | null;
  cheque_cents: number | null;
  cheque_reference: string | null;
  invoice_cents: number | null;
  invoice_reference: string | null;
  reconciled_on: string | null;
  reconciled_by: number | null;
  reconcile_note: string;
  reconciliation: string | null;
}

export interface AuditEventsRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  channel: string;
  kind: string;
  records: string;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface BadDebtFactsRow {
  account_id: number;
  professional_component: number;
  qmb: number;
  ccn: string | null;
  medicaid_ad: number;
  medicaid_ad_note: string;
  secondary_denied_on: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface BadDebtListingsRow {
  id: number;
  ccn: string;
  period_from: string;
  period_to: string;
  setting: 'inpatient' | 'outpatient';
  format: 'pdf' | 'xlsx' | 'csv';
  lines: number;
  total_allowable_cents: number;
  total_dual_cents: number;
  sha256: string;
  prepared_by: string;
  exported_at: string;
  exported_by: number | null;
}

export interface BadDebtWriteoffsRow {
  id: number;
  account_id: number;
  status: 'proposed' | 'approved' | 'rejected' | 'reversed';
  ceased_on: string;
  deductible_cents: number;
  coinsurance_cents: number;
  paid_prior_cents: number;
  amount_cents: number;
  proposed_note: string;
  proposed_at: string;
  proposed_by: number | null;
  written_off_on: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decision_note: string;
  ledger_entry_id: number | null;
  reversed_at: string | null;
  reversed_by: number | null;
  reversal_reason: string;
}

export interface ComplianceIssuesRow {
  id: number;
  category: '501r' | 'privacy' | 'billing' | 'collections' | 'other';
  description: string;
  account_id: number | null;
  reported_on: string;
  reported_by: number | null;
  status: 'open' | 'in_review' | 'resolved';
  assignee_id: number | null;
  resolution: string | null;
  resolved_on: string | null;
  resolved_by: number | null;
}

export interface CourtActionsRow {
  id: number;
  case_id: number;
  kind: 'wage_garnishment' | 'bank_levy' | 'lien';
  requested_on: string;
  allowed: number;
  reasons: string;
  note: string;
  at: string;
  by: number | null;
}

export interface CourtCaseAccountsRow {
  case_id: number;
  account_id: number;
  balance_cents: number;
  hold_id: number | null;
}

export interface CourtCaseEventsRow {
  id: number;
  case_id: number;
  kind:
    | 'opened'
    | 'demand'
    | 'filed'
    | 'served'
    | 'hearing'
    | 'continued'
    | 'judgment'
    | 'payment'
    | 'post_judgment'
    | 'closed'
    | 'note';
  on_date: string;
  detail: string;
  at: string;
  by: number | null;
}

export interface CourtCasesRow {
  id: number;
  guarantor_id: number;
  court_limit_id: number;
  court_name: string;
  court_address: string;
  county: string;
  basis: 'written' | 'open_account';
  balance_cents: number;
  claim_cents: number;
  waived_cents: number;
  waiver_note: string;
  status: 'open' | 'demand_sent' | 'filed' | 'served' | 'judgment' | 'satisfied' | 'dismissed' | 'withdrawn' | 'lost';
  opened_on: string;
  demand_sent_on: string | null;
  file_after: string | null;
  filed_on: string | null;
  case_number: string | null;
  filing_fee_cents: number;
  served_on: string | null;
  service_method: string | null;
  service_fee_cents: number;
  hearing_on: string | null;
  hearing_time: string;
  hearing_place: string;
  judgment_on: string | null;
  judgment_cents: number | null;
  costs_cents: number | null;
  interest_rate_bp: number | null;
  closed_on: string | null;
  close_note: string;
  opened_at: string;
  opened_by: number | null;
}

export interface CourtDemandLettersRow {
  id: number;
  case_id: number;
  sent_on: string;
  file_after: string;
  language: string;
  snapshot: string;
  sha256: string;
  document_id: number | null;
}

export interface CourtLimitationsRow {
  id: number;
  state: string;
  basis: 'written' | 'open_account' | 'medical_debt';
  years: number;
  accrual: 'treatment' | 'first_due' | 'last_item';
  accrued_from: string;
  no_later_than: string | null;
  source: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface CourtLimitsRow {
  id: number;
  state: string;
  court: string;
  entity_limit_cents: number;
  individual_limit_cents: number | null;
  large_claim_cents: number | null;
  large_claims_per_year: number | null;
  filing_fee_cents: number;
  service_fee_cents: number;
  effective_from: string;
  source: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface DeathEffectsRow {
  death_id: number;
  kind: 'plan' | 'promise' | 'placement';
  ref_id: number;
  from_status: string;
  restored_on: string | null;
}

export interface DeathsRow {
  id: number;
  guarantor_id: number;
  date_of_death: string;
  source: 'family' | 'obituary' | 'returned_mail' | 'extract' | 'other';
  note: string;
  recorded_on: string;
  recorded_at: string;
  recorded_by: number | null;
  undone_on: string | null;
  undone_at: string | null;
  undone_by: number | null;
  undo_reason: string | null;
}

export interface DeductionArrangementAccountsRow {
  arrangement_id: number;
  account_id: number;
  hold_id: number | null;
}

export interface DeductionArrangementsRow {
  id: number;
  guarantor_id: number;
  method: 'payroll' | 'bank';
  employee_id: number | null;
  amount_cents: number;
  frequency: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
  first_date: string;
  total_cents: number;
  wage_check: string | null;
  status: 'awaiting_signature' | 'active' | 'paid' | 'terminated' | 'revoked' | 'stopped' | 'cancelled';
  authorization_document_id: number | null;
  signed_on: string | null;
  signed_recorded_by: number | null;
  ended_on: string | null;
  end_note: string | null;
  ended_by: number | null;
  bank_holder_name: string | null;
  bank_account_type: string | null;
  bank_routing: string | null;
  bank_account_last4: string | null;
  bank_account_sealed: Buffer | null;
  created_at: string;
  created_by: number | null;
}

export interface DeductionRunLinesRow {
  id: number;
  run_id: number;
  arrangement_id: number;
  expected_cents: number;
  deducted_cents: number | null;
  hours_centi: number | null;
  gross_cents: number | null;
  outcome: string | null;
  return_code: string | null;
  payment_id: number | null;
  resolved_on: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
}

export interface DeductionRunsRow {
  id: number;
  method: 'payroll' | 'bank';
  run_date: string;
  status: 'sent' | 'reconciled';
  file_name: string;
  file_sha256: string;
  profile_id: number | null;
  expected_cents: number;
  created_at: string;
  created_by: number | null;
  reconciled_at: string | null;
  reconciled_by: number | null;
  confirmation_name: string | null;
  confirmation_sha256: string | null;
  deducted_cents: number | null;
}

export interface DocumentsRow {
  id: number;
  guarantor_id: number | null;
  kind: string;
  title: string;
  file_name: string;
  mime_type: string;
  sha256: string;
  bytes: Buffer;
  created_at: string;
  created_by: number | null;
}

export interface EcaAttemptsRow {
  id: number;
  account_id: number;
  kind: string;
  attempted_on: string;
  allowed: number;
  allowed_from: string | null;
  reasons: string;
  at: string;
  by: number | null;
}

export interface EcaReleasesRow {
  id: number;
  account_id: number;
  kind: string;
  reason: string;
  released_on: string;
  released_by: number;
}

export interface EmployeeMatchRejectionsRow {
  employee_id: number;
  guarantor_id: number;
  rejected_on: string;
  rejected_by: number | null;
}

export interface EmployeesRow {
  id: number;
  employee_number: string;
  last_name: string;
  first_name: string;
  birth_date: string | null;
  pay_frequency: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
  pay_type: 'hourly' | 'salary';
  hourly_rate_cents: number | null;
  annual_salary_cents: number | null;
  weekly_hours_centi: number;
  exempt: number;
  work_state: string;
  status: 'active' | 'terminated';
  terminated_on: string | null;
  termination_source: string | null;
  guarantor_id: number | null;
  matched_on: string | null;
  matched_by: number | null;
  roster_import_id: number | null;
  created_at: string;
  updated_at: string;
  match_last: string | null;
  match_first: string | null;
}

export interface EstateAccountsRow {
  estate_id: number;
  account_id: number;
  last_illness: number;
  claim_cents: number | null;
  written_off_cents: number;
  bad_debt_cents: number;
  bad_debt_on: string | null;
}

export interface EstateDocumentsRow {
  id: number;
  estate_id: number;
  kind: 'referral_memo' | 'statement_of_claim' | 'cover_letter' | 'follow_up_letter';
  made_on: string;
  language: string;
  snapshot: string;
  sha256: string;
  document_id: number | null;
  at: string;
  by: number | null;
}

export interface EstateEventsRow {
  id: number;
  estate_id: number;
  kind:
    | 'opened'
    | 'details'
    | 'referred'
    | 'released'
    | 'filed'
    | 'allowed'
    | 'disallowed'
    | 'payment'
    | 'follow_up'
    | 'closed'
    | 'withdrawn'
    | 'note';
  on_date: string;
  detail: string;
  at: string;
  by: number | null;
}

export interface EstatesRow {
  id: number;
  guarantor_id: number;
  death_id: number;
  status:
    | 'watching'
    | 'referred'
    | 'filed'
    | 'allowed'
    | 'disallowed'
    | 'paid_part'
    | 'paid'
    | 'closed_nothing'
    | 'withdrawn';
  state: string;
  county: string;
  court_name: string;
  court_address: string;
  case_number: string;
  pr_name: string;
  pr_address: string;
  attorney_name: string;
  attorney_address: string;
  letter_language: 'en' | 'es';
  first_published_on: string | null;
  mailed_notice_on: string | null;
  probate_rule_id: number;
  deadline: string;
  referred_on: string | null;
  filed_on: string | null;
  filed_with: string | null;
  claim_cents: number | null;
  sworn: number;
  contingency: string;
  security: string;
  allowed_on: string | null;
  allowed_cents: number | null;
  disallowed_on: string | null;
  closed_on: string | null;
  close_note: string;
  created_at: string;
  created_by: number | null;
}

export interface FapDecisionAccountsRow {
  history_id: number;
  account_id: number;
  responsibility_cents: number;
  policy_amount_cents: number;
  adjustment_cents: number;
  refund_cents: number;
  owes_cents: number;
  refund_due: string | null;
}

export interface FapDecisionsRow {
  history_id: number;
  discount_kind: 'full' | 'percent' | 'agb' | null;
  percent_off_bp: number | null;
  agb_bp: number;
  denial_reason: string;
}

export interface FapHistoryRow {
  id: number;
  guarantor_id: number;
  status: 'not_applied' | 'pending' | 'approved_full' | 'approved_partial' | 'denied';
  status_date: string;
  note: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface FapIncompleteRow {
  history_id: number;
  missing: string;
  complete_by: string;
}

export interface FollowUpsRow {
  id: number;
  guarantor_id: number;
  account_id: number | null;
  title: string;
  note: string;
  due_date: string;
  assignee_id: number | null;
  status: 'open' | 'done' | 'cancelled';
  created_at: string;
  created_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
}

export interface GuarantorsRow {
  id: number;
  external_id: string | null;
  mrn: string | null;
  last_name: string;
  first_name: string;
  middle_name: string;
  date_of_birth: string | null;
  address_line1: string;
  address_line2: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string;
  language: string;
  employer: string;
  is_employee: number;
  employee_id: string | null;
  pay_frequency: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly' | null;
  hourly_rate_cents: number | null;
  annual_salary_cents: number | null;
  deceased: number;
  date_of_death: string | null;
  death_source: string;
  fap_status: 'unknown' | 'not_applied' | 'pending' | 'approved_full' | 'approved_partial' | 'denied';
  fap_status_date: string | null;
  bankruptcy: number;
  do_not_call: number;
  do_not_mail: number;
  do_not_email: number;
  balance_cents: number;
  created_at: string;
  updated_at: string;
  mail_returned_on: string | null;
  bounced_address: string | null;
  origin: 'extract' | 'ob_interview';
  match_last: string | null;
  match_first: string | null;
}

export interface HoldsRow {
  id: number;
  guarantor_id: number;
  account_id: number | null;
  reason:
    | 'dispute'
    | 'fap_pending'
    | 'bankruptcy'
    | 'deceased'
    | 'plan_current'
    | 'placed_with_agency'
    | 'in_litigation'
    | 'estate_claim';
  note: string;
  placed_on: string;
  until: string | null;
  placed_by: number | null;
  released_on: string | null;
  released_by: number | null;
  release_note: string | null;
  owner: string | null;
}

export interface ImportBatchesRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  user_id: number | null;
  source: string;
  files: string;
  counts: string;
}

export interface ImportHeldChangesRow {
  id: number;
  batch_id: number;
  guarantor_id: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  file: string;
  line: number;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  held_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string;
}

export interface ImportProfilesRow {
  id: number;
  name: string;
  layout: 'combined' | 'guarantors' | 'accounts' | 'transactions';
  mapping: string;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface IndigenceDeterminationsRow {
  id: number;
  account_id: number;
  determined_on: string;
  assets_cents: number;
  liabilities_cents: number;
  monthly_income_cents: number;
  monthly_expenses_cents: number;
  household_size: number;
  extenuating: string;
  no_other_source: number;
  self_declaration_only: number;
  indigent: number;
  note: string;
  determined_by: number | null;
  created_at: string;
}

export interface LedgerEntriesRow {
  id: number;
  account_id: number;
  type:
    | 'charge'
    | 'insurance_payment'
    | 'contractual_adjustment'
    | 'patient_payment'
    | 'agency_remittance'
    | 'payroll_deduction'
    | 'court_recovery'
    | 'estate_recovery'
    | 'charity_adjustment'
    | 'bad_debt_writeoff'
    | 'administrative_adjustment'
    | 'refund'
    | 'reversal'
    | 'court_costs';
  amount_cents: number;
  effective_date: string;
  posted_at: string;
  posted_by: number | null;
  reference: string;
  reason_code: string | null;
  memo: string;
  external_id: string | null;
  payment_id: number | null;
  reverses_id: number | null;
  import_batch_id: number | null;
  approved_by: number | null;
}

export interface MetaRow {
  key: string;
  value: string;
}

export interface NameTokensRow {
  token: string;
  guarantor_id: number;
  last_name: string;
  first_name: string;
  all_tokens: string;
}

export interface ObCasesRow {
  id: number;
  guarantor_id: number;
  status: 'awaiting_signature' | 'active' | 'delivered' | 'closed' | 'cancelled';
  language: string;
  fap_screening: 'declined' | 'will_apply' | 'applied' | 'approved';
  agreement_document_id: number | null;
  agreement_version_id: number | null;
  signed_version_id: number | null;
  signed_on: string | null;
  signed_recorded_by: number | null;
  delivered_on: string | null;
  delivery_recorded_by: number | null;
  cancelled_on: string | null;
  cancel_note: string | null;
  cancelled_by: number | null;
  real_share_cents: number | null;
  real_share_source: string | null;
  trued_up_on: string | null;
  true_up_outcome: string | null;
  true_up_cents: number | null;
  trued_up_by: number | null;
  true_up_letter_id: number | null;
  moved_from_guarantor_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface ObDeliveryAccountsRow {
  case_id: number;
  account_id: number;
  hold_id: number | null;
  linked_on: string;
  linked_by: number | null;
}

export interface ObDepositsRow {
  id: number;
  case_id: number;
  receipt_number: string;
  amount_cents: number;
  received_on: string;
  method: 'cash' | 'check' | 'card' | 'money_order' | 'ach';
  reference: string;
  received_by: number | null;
  created_at: string;
  status: 'held' | 'applied' | 'refunded' | 'reversed';
  applied_on: string | null;
  payment_id: number | null;
  refunded_on: string | null;
  refund_method: string | null;
  refund_reference: string | null;
  reversed_on: string | null;
  reverse_note: string | null;
  closed_by: number | null;
}

export interface ObInstallmentsRow {
  version_id: number;
  seq: number;
  due_date: string;
  amount_cents: number;
}

export interface ObStatementRunsRow {
  id: number;
  statement_date: string;
  document_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface ObStatementsRow {
  id: number;
  case_id: number;
  run_id: number | null;
  version_id: number;
  statement_date: string;
  language: string;
  estimate_cents: number;
  paid_cents: number;
  next_due_date: string | null;
  next_due_cents: number;
  past_due_cents: number;
  document_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface ObVersionsRow {
  id: number;
  case_id: number;
  version: number;
  reason: 'interview' | 'date_moved' | 'estimate_revised';
  note: string;
  expected_delivery: string;
  delivery_kind: 'vaginal' | 'cesarean';
  coverage: string;
  charges_cents: number;
  self_pay_discount_bp: number;
  assistance_bp: number;
  estimate_cents: number;
  estimate: string;
  days_before: number;
  last_allowed: string;
  first_due: string | null;
  held_before_cents: number;
  scheduled_cents: number;
  empty_reason: string | null;
  made_on: string;
  created_at: string;
  created_by: number | null;
}

export interface PaymentsRow {
  id: number;
  receipt_number: string;
  guarantor_id: number;
  method: 'cash' | 'check' | 'card' | 'money_order' | 'ach';
  reference: string;
  amount_cents: number;
  effective_date: string;
  received_by: number | null;
  created_at: string;
  receipt_document_id: number | null;
}

export interface PayrollProfilesRow {
  id: number;
  kind: 'roster' | 'deductions' | 'confirmation';
  name: string;
  mapping: string;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface PlacementBatchesRow {
  id: number;
  agency_id: number;
  kind: 'primary' | 'secondary' | 'legal';
  method: 'share' | 'score' | 'hand';
  status: 'draft' | 'released' | 'cancelled';
  built_on: string;
  built_at: string;
  built_by: number | null;
  released_on: string | null;
  released_at: string | null;
  released_by: number | null;
  approved_by: number | null;
  cancelled_on: string | null;
  cancelled_by: number | null;
  file_document_id: number | null;
}

export interface PlacementsRow {
  id: number;
  batch_id: number;
  agency_id: number;
  account_id: number;
  guarantor_id: number;
  kind: 'primary' | 'secondary' | 'legal';
  status: 'proposed' | 'dropped' | 'placed' | 'returned';
  proposed_cents: number;
  placed_on: string | null;
  placed_cents: number | null;
  fee_rate_bp: number | null;
  recall_days: number | null;
  hold_id: number | null;
  last_payment_on: string | null;
  returned_on: string | null;
  return_reason: string | null;
  return_note: string;
  returned_by: number | null;
  recall_file_id: number | null;
}

export interface PlanAccountsRow {
  plan_id: number;
  account_id: number;
  balance_cents: number;
}

export interface PlanEventsRow {
  id: number;
  plan_id: number;
  on_date: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: string;
  at: string;
  by: number | null;
}

export interface PlanInstallmentsRow {
  plan_id: number;
  number: number;
  due_date: string;
  amount_cents: number;
}

export interface PlanLettersRow {
  id: number;
  plan_id: number;
  kind: 'lapse';
  queued_on: string;
  cure_deadline: string;
  printed_on: string | null;
  document_id: number | null;
  printed_letter: string | null;
}

export interface PlanPoliciesRow {
  id: number;
  effective_from: string;
  policy: string;
  created_at: string;
  created_by: number | null;
}

export interface PlansRow {
  id: number;
  guarantor_id: number;
  policy_id: number;
  status: 'current' | 'lapsed' | 'defaulted' | 'completed' | 'cancelled' | 'replaced' | 'suspended';
  status_since: string;
  start_date: string;
  balance_cents: number;
  down_payment_cents: number;
  frequency: 'monthly' | 'biweekly' | 'weekly';
  day_of_month: number | null;
  first_due_date: string;
  installment_cents: number;
  installment_count: number;
  within_tier: number;
  approved_by: number | null;
  approval_reason: string | null;
  fap_answer: 'not_asked' | 'declined' | 'will_apply' | 'already_applied';
  agreement_signed_on: string | null;
  lapsed_on: string | null;
  cure_deadline: string | null;
  replaces_plan_id: number | null;
  reaged: number;
  created_at: string;
  created_by: number | null;
  ledger_mark: number;
}

export interface ProbateRulesRow {
  id: number;
  state: string;
  notice_months: number;
  mailed_days: number;
  outer_months: number;
  publication_weeks: number;
  last_illness_class: number;
  general_class: number;
  final_year_class: number | null;
  suit_days: number;
  effective_from: string;
  source: string;
  note: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface PromisesRow {
  id: number;
  guarantor_id: number;
  amount_cents: number;
  promised_on: string;
  due_date: string;
  status: 'open' | 'kept' | 'broken' | 'cancelled' | 'suspended';
  resolved_on: string | null;
  activity_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface RecallFilesRow {
  id: number;
  agency_id: number;
  made_on: string;
  made_at: string;
  made_by: number | null;
  automatic: number;
  document_id: number | null;
}

export interface RemittanceAdjustmentsRow {
  id: number;
  claim_id: number;
  line_no: number;
  procedure: string;
  group_code: 'PR' | 'CO' | 'OA' | 'PI' | 'CR';
  reason_code: string;
  amount_cents: number;
  quantity: string;
}

export interface RemittanceClaimsRow {
  id: number;
  transaction_id: number;
  seq: number;
  patient_control: string;
  account_id: number | null;
  status_code: string;
  payer_role: 'primary' | 'secondary' | 'tertiary' | 'denied' | 'reversal' | 'other';
  filing_indicator: string;
  medicare: number;
  medicaid: number;
  payer_claim_number: string;
  charge_cents: number;
  paid_cents: number;
  patient_resp_cents: number;
  deductible_cents: number;
  coinsurance_cents: number;
  copay_cents: number;
  contractual_cents: number;
  other_adjustment_cents: number;
  patient_last: string;
  patient_first: string;
  member_id: string;
  service_from: string | null;
  service_to: string | null;
  outcome: 'posted' | 'recorded' | 'reversed_prior' | 'unmatched' | 'duplicate';
  reason: string;
  claim_key: string;
  reverses_claim_id: number | null;
}

export interface RemittanceFilesRow {
  id: number;
  file_name: string;
  sha256: string;
  interchange_control: string;
  sender_id: string;
  receiver_id: string;
  interchange_date: string;
  import_batch_id: number;
  claims: number;
  posted: number;
  unmatched: number;
  paid_cents: number;
  adjusted_cents: number;
  imported_at: string;
  imported_by: number | null;
}

export interface RemittanceProviderAdjustmentsRow {
  id: number;
  transaction_id: number;
  provider_id: string;
  fiscal_date: string;
  reason_code: string;
  reference: string;
  amount_cents: number;
}

export interface RemittanceTransactionsRow {
  id: number;
  file_id: number;
  control_number: string;
  payer_name: string;
  payer_id: string;
  payee_name: string;
  payee_id: string;
  trace_number: string;
  handling: string;
  payment_method: string;
  payment_cents: number;
  paid_on: string | null;
  remittance_date: string;
}

export interface RosterImportsRow {
  id: number;
  file_name: string;
  sha256: string;
  lines: number;
  added: number;
  updated: number;
  terminated: number;
  imported_at: string;
  imported_by: number | null;
}

export interface SealingKeysRow {
  purpose: 'bank_account';
  key: Buffer;
  created_at: string;
}

export interface SettingsRow {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface StatementAccountsRow {
  statement_id: number;
  account_id: number;
  step: 'regular' | 'final_notice' | 'after_notice';
  number: number | null;
  balance_cents: number;
}

export interface StatementRunItemsRow {
  run_id: number;
  seq: number;
  guarantor_id: number;
  zip: string;
  snapshot: string;
  shown: string;
  kind: 'regular' | 'final_notice';
  number_in_cycle: number;
  due_date: string;
  amount_due_cents: number;
  named_actions: string | null;
  plans: number;
  credit_cents: number;
}

export interface StatementRunsRow {
  id: number;
  run_date: string;
  started_at: string;
  finished_at: string;
  user_id: number | null;
  counts: string;
  status: 'prepared' | 'released' | 'discarded';
  released_by: number | null;
  released_at: string | null;
  ledger_mark: number | null;
  fingerprint: string | null;
  proof: string | null;
}

export interface StatementsRow {
  id: number;
  run_id: number;
  guarantor_id: number;
  statement_date: string;
  number_in_cycle: number;
  kind: 'regular' | 'final_notice';
  due_date: string;
  amount_due_cents: number;
  snapshot: string;
  sha256: string;
  zip: string;
  ledger_mark: number | null;
}

export interface UsersRow {
  id: number;
  username: string;
  full_name: string;
  role: 'clerk' | 'supervisor' | 'administrator';
  active: number;
  created_at: string;
  created_by: number | null;
  password_changed_at: string;
  last_login_at: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
}

export interface WageFloorsRow {
  id: number;
  jurisdiction: string;
  effective_from: string;
  minimum_wage_cents: number;
  exempt_weekly_salary_cents: number | null;
  deduction_limit_bp: number | null;
  source: string;
  created_at: string;
  created_by: number | null;
}

export interface WorkLogRow {
  id: number;
  item_key: string;
  worked_on: string;
  user_id: number | null;
  outcome: string;
  at: string;
}

/** Every table, by name. */
export interface Tables {
  accounts: AccountsRow;
  activities: ActivitiesRow;
  agencies: AgenciesRow;
  agency_eca_requests: AgencyEcaRequestsRow;
  agency_fees: AgencyFeesRow;
  agency_history: AgencyHistoryRow;
  agency_layouts: AgencyLayoutsRow;
  agency_remittance_lines: AgencyRemittanceLinesRow;
  agency_remittances: AgencyRemittancesRow;
  audit_events: AuditEventsRow;
  bad_debt_facts: BadDebtFactsRow;
  bad_debt_listings: BadDebtListingsRow;
  bad_debt_writeoffs: BadDebtWriteoffsRow;
  compliance_issues: ComplianceIssuesRow;
  court_actions: CourtActionsRow;
  court_case_accounts: CourtCaseAccountsRow;
  court_case_events: CourtCaseEventsRow;
  court_cases: CourtCasesRow;
  court_demand_letters: CourtDemandLettersRow;
  court_limitations: CourtLimitationsRow;
  court_limits: CourtLimitsRow;
  death_effects: DeathEffectsRow;
  deaths: DeathsRow;
  deduction_arrangement_accounts: DeductionArrangementAccountsRow;
  deduction_arrangements: DeductionArrangementsRow;
  deduction_run_lines: DeductionRunLinesRow;
  deduction_runs: DeductionRunsRow;
  documents: DocumentsRow;
  eca_attempts: EcaAttemptsRow;
  eca_releases: EcaReleasesRow;
  employee_match_rejections: EmployeeMatchRejectionsRow;
  employees: EmployeesRow;
  estate_accounts: EstateAccountsRow;
  estate_documents: EstateDocumentsRow;
  estate_events: EstateEventsRow;
  estates: EstatesRow;
  fap_decision_accounts: FapDecisionAccountsRow;
  fap_decisions: FapDecisionsRow;
  fap_history: FapHistoryRow;
  fap_incomplete: FapIncompleteRow;
  follow_ups: FollowUpsRow;
  guarantors: GuarantorsRow;
  holds: HoldsRow;
  import_batches: ImportBatchesRow;
  import_held_changes: ImportHeldChangesRow;
  import_profiles: ImportProfilesRow;
  indigence_determinations: IndigenceDeterminationsRow;
  ledger_entries: LedgerEntriesRow;
  meta: MetaRow;
  name_tokens: NameTokensRow;
  ob_cases: ObCasesRow;
  ob_delivery_accounts: ObDeliveryAccountsRow;
  ob_deposits: ObDepositsRow;
  ob_installments: ObInstallmentsRow;
  ob_statement_runs: ObStatementRunsRow;
  ob_statements: ObStatementsRow;
  ob_versions: ObVersionsRow;
  payments: PaymentsRow;
  payroll_profiles: PayrollProfilesRow;
  placement_batches: PlacementBatchesRow;
  placements: PlacementsRow;
  plan_accounts: PlanAccountsRow;
  plan_events: PlanEventsRow;
  plan_installments: PlanInstallmentsRow;
  plan_letters: PlanLettersRow;
  plan_policies: PlanPoliciesRow;
  plans: PlansRow;
  probate_rules: ProbateRulesRow;
  promises: PromisesRow;
  recall_files: RecallFilesRow;
  remittance_adjustments: RemittanceAdjustmentsRow;
  remittance_claims: RemittanceClaimsRow;
  remittance_files: RemittanceFilesRow;
  remittance_provider_adjustments: RemittanceProviderAdjustmentsRow;
  remittance_transactions: RemittanceTransactionsRow;
  roster_imports: RosterImportsRow;
  sealing_keys: SealingKeysRow;
  settings: SettingsRow;
  statement_accounts: StatementAccountsRow;
  statement_run_items: StatementRunItemsRow;
  statement_runs: StatementRunsRow;
  statements: StatementsRow;
  users: UsersRow;
  wage_floors: WageFloorsRow;
  work_log: WorkLogRow;
}
