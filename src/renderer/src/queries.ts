// The workspace's reads of the contract, cached by what they show: the query key is
// [channel, input], so two screens showing the same thing share one read, and a read is made
// again when a change the clerk made can have altered it. Which change makes which read stale is
// written once, below (STALE_AFTER); every call that changes something goes through it.
//
// Nothing is read while the session is locked (the reads are made again on unlock), and the cache
// is emptied when a session ends or another begins: no patient's data stays in memory after
// log-out. A read no screen shows is dropped at once (gcTime 0), as the workspace keeps nothing
// with patient data beyond what a screen shows.
import { keepPreviousData, QueryClient, useMutation, useQuery, type UseMutationResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { ApiError, call, messageOf } from './api';
import { useWorkspace } from './session';

/** The channels screens read and keep on screen: each is cached under [channel, input]. */
export const READS = [
  'accounts:open',
  'audit:list',
  'backup:list',
  'compliance:list',
  'eca:check',
  'fap:history',
  'holds:list',
  'importHeld:list',
  'importProfiles:list',
  'letters:batches',
  'letters:pending',
  'planPolicy:get',
  'plans:list',
  'promises:list',
  'queue:list',
  'registers:month',
  'reports:aging',
  'search:query',
  'settings:get',
  'statements:due',
  'statements:list',
  'placements:ofGuarantor',
  'statements:runs',
  'users:directory',
  'users:list',
  'reports:agingAccounts',
  'fap:preview',
  'credits:list',
  'statements:prepared',
  'agencies:list',
  'agencies:get',
  'placements:eligible',
  'placements:batches',
  'placements:batch',
  'placements:list',
  'placements:ofGuarantor',
  'recalls:list',
  'agencies:ecaRequests',
  'remittances:list',
  'remittances:get',
  'remittances:directPayments',
  'agencies:scorecard',
  'smallClaims:check',
  'smallClaims:cases',
  'smallClaims:case',
  'smallClaims:ofGuarantor',
  'smallClaims:reports',
  'smallClaims:rules',
  'estates:list',
  'estates:estate',
  'estates:ofGuarantor',
  'estates:rules',
  'era:files',
  'era:file',
  'badDebt:account',
  'badDebt:candidates',
  'badDebt:proposals',
  'badDebt:listing',
  'badDebt:listings',
  'payroll:profiles',
  'payroll:employees',
  'payroll:employee',
  'payroll:wageFloors',
  'payroll:limit',
  'payroll:guarantor',
  'payroll:arrangements',
  'payroll:arrangement',
  'payroll:runs',
  'payroll:run',
  'ob:cases',
  'ob:case',
  'ob:guarantor',
  'ob:estimate',
  'ob:revisePreview',
  'ob:deliveryCandidates',
  'ob:trueUpPreview',
  'ob:statementRunPreview',
  'ob:statementRuns',
] as const satisfies readonly ChannelName[];

export type ReadChannel = (typeof READS)[number];
export type ChangeChannel = Exclude<ChannelName, ReadChannel>;

// What one guarantor's account workspace reads.
const GUARANTOR: readonly ReadChannel[] = [
  'accounts:open',
  'plans:list',
  'promises:list',
  'holds:list',
  'eca:check',
  'statements:list',
  'fap:history',
  'fap:preview',
  'credits:list',
];
// A balance changed: the guarantor's screen and every list that shows or ranks by balance.
const BALANCES: readonly ReadChannel[] = [
  ...GUARANTOR,
  'queue:list',
  'letters:pending',
  'statements:due',
  'reports:aging',
  'search:query',
  'reports:agingAccounts',
];
// A plan made, signed, rescheduled or ended: a plan holds its accounts' statement cycle.
const PLANS: readonly ReadChannel[] = [
  'plans:list',
  'promises:list',
  'accounts:open',
  'holds:list',
  'eca:check',
  'statements:due',
  'queue:list',
  'letters:pending',
];
// A hold or an assistance application stops the cycle and the 501(r) clock; both are in the month's registers.
// The work queue leaves held accounts out and brings in final notices whose deadline has passed.
const CYCLE: readonly ReadChannel[] = [
  'holds:list',
  'eca:check',
  'statements:due',
  'accounts:open',
  'registers:month',
  'queue:list',
];
const USERS: readonly ReadChannel[] = ['users:list', 'users:directory'];
// An agency's contract: its list, its page, and who can be placed with it.
const AGENCY: readonly ReadChannel[] = ['agencies:list', 'agencies:get', 'placements:batches'];
// Accounts placed or back: the batches, the placed lists, the agencies' counts, and the cycle (a
// placed account is held from statements and leaves the queue).
const PLACEMENT: readonly ReadChannel[] = [
  'placements:batches',
  'placements:batch',
  'placements:eligible',
  'placements:list',
  'placements:ofGuarantor',
  'agencies:list',
  'agencies:get',
  'recalls:list',
  'agencies:scorecard',
  ...CYCLE,
];

// A small-claims case moved: its page, the lists and reports, and the cycle (a filed case holds its
// accounts from statements; the gate's answer is in the month's registers).
const COURT: readonly ReadChannel[] = [
  'smallClaims:check',
  'smallClaims:cases',
  'smallClaims:case',
  'smallClaims:ofGuarantor',
  'smallClaims:reports',
  ...CYCLE,
];

// A death or an estate moved: the estate's page and list, the guarantor's workspace (holds, plans
// suspended, placements recalled), and the queue (the estate's reminders).
const ESTATE: readonly ReadChannel[] = [
  'estates:list',
  'estates:estate',
  'estates:ofGuarantor',
  ...GUARANTOR,
  'queue:list',
];

// A bad-debt fact, write-off or recovery moved: the account's clock, the candidates, the proposals,
// the listing, and the queue (first bills due, write-offs to approve).
const BAD_DEBT: readonly ReadChannel[] = [
  'badDebt:account',
  'badDebt:candidates',
  'badDebt:proposals',
  'badDebt:listing',
  'queue:list',
];

// An employee, a match, an arrangement or a pay period moved: the roster, the guarantor's payroll
// panel, the arrangements, the runs, and the queue (matches to confirm, missed deductions).
const PAYROLL: readonly ReadChannel[] = [
  'payroll:employees',
  'payroll:employee',
  'payroll:guarantor',
  'payroll:arrangements',
  'payroll:arrangement',
  'payroll:runs',
  'payroll:run',
  'payroll:limit',
  'queue:list',
];

// An OB case moved (interview, signature, a deposit, a revision, the delivery, the true-up): the OB
// lists and the case, the guarantor's OB panel, the OB statement run's preview, and the queue.
const OBSTETRICS: readonly ReadChannel[] = [
  'ob:cases',
  'ob:case',
  'ob:guarantor',
  'ob:deliveryCandidates',
  'ob:trueUpPreview',
  'ob:statementRunPreview',
  'queue:list',
];

/**
 * For every call that is not a cached read, the reads it makes stale. [] when it changes nothing a
 * screen reads (log-in, files drawn again, uploads). The type lists every channel of the contract
 * that is not in READS, so a channel added to the contract does not compile until it is placed here.
 * Every change is also an event in the audit trail: audit:list is made stale after each (staleAfter).
 */
export const STALE_AFTER = {
  'app:status': [],
  'setup:create': [],
  'auth:login': [],
  'auth:recover': [],
  'auth:logout': [],
  'auth:lock': [],
  'auth:unlock': [],
  'auth:heartbeat': [],
  'auth:changePassword': [],
  'users:add': USERS,
  'users:resetPassword': USERS,
  'users:disable': USERS,
  'users:enable': USERS,
  'audit:verify': [],
  'audit:csv': [],
  // The statement cycle, the final notice, the actions the hospital intends and the posting limits.
  'settings:update': ['settings:get', 'statements:due', 'eca:check', 'holds:list', 'queue:list'],
  'backup:create': ['backup:list'],
  // A restore replaces the whole store and ends every session: the cache is emptied with this one.
  'backup:restore': [],
  'backup:check': [],
  'store:changeKey': ['backup:list'],
  'store:backups': [],
  'store:restore': [],
  // The collection items of the work queue belong to whoever last worked the account; returned
  // mail holds the guarantor's statements and letters and asks for a new address (issue 11).
  'activity:log': ['accounts:open', 'holds:list', 'statements:due', 'queue:list', 'letters:pending'],
  'followUps:add': ['accounts:open', 'queue:list'],
  'followUps:close': ['accounts:open', 'queue:list'],
  'documents:get': [],
  'payments:post': BALANCES,
  // A receipt drawn late (its first drawing failed) joins the guarantor's documents.
  'payments:receipt': ['accounts:open'],
  'payments:reverse': BALANCES,
  'ledger:adjust': BALANCES,
  'ledger:reverse': BALANCES,
  'ledger:verify': [],
  'reports:agingPdf': [],
  'reports:agingCsv': [],
  'import:upload': [],
  'import:inspect': [],
  'import:preview': [],
  // New guarantors, accounts and transactions: everything that shows patients or money.
  'import:commit': [...BALANCES, 'letters:batches', 'registers:month', 'importHeld:list'],
  'import:errorReport': [],
  // An approved name, birth date or lifted flag changes the record, search and the cycle.
  'importHeld:decide': ['importHeld:list', 'search:query', ...CYCLE],
  'importProfiles:save': ['importProfiles:list'],
  'importProfiles:delete': ['importProfiles:list'],
  'jobs:cancel': [],
  // Fetching a document by its handle changes nothing a screen reads.
  'files:link': [],
  'files:open': [],
  'files:print': [],
  'files:save': [],
  'planPolicy:set': ['planPolicy:get'],
  'plans:create': PLANS,
  // The agreement printed is kept among the guarantor's documents.
  'plans:agreement': ['accounts:open'],
  'plans:signed': PLANS,
  'plans:reschedule': PLANS,
  'plans:cancel': PLANS,
  // The day's check lapses, cures and defaults plans, queues letters and settles promises.
  'plans:runDaily': [...PLANS, 'letters:batches'],
  'promises:add': ['promises:list', 'accounts:open', 'queue:list'],
  'queue:worked': ['queue:list', 'accounts:open'],
  'letters:lapseBatch': ['queue:list', 'letters:pending', 'letters:batches', 'accounts:open'],
  'eca:releaseEstateClaim': CYCLE,
  'fap:record': [...CYCLE, 'fap:history', 'queue:list'],
  // An approval adjusts the balances down to what the patient owes under the policy.
  'fap:decide': [...BALANCES, 'registers:month'],
  'holds:place': CYCLE,
  'holds:release': CYCLE,
  'statements:runPdf': [],
  'statements:reprint': [],
  'compliance:report': ['compliance:list'],
  'compliance:assign': ['compliance:list'],
  'compliance:resolve': ['compliance:list'],
  'registers:pdf': [],
  'registers:csv': [],
  // The letter printed is kept among the guarantor's documents.
  'fap:letter': ['accounts:open'],
  // A refund pays back a credit: the balance moves, and the credits worklist.
  'credits:refund': BALANCES,
  // Issue 11 item 7: a run prepared (nothing sent), its proof, discarded, or released (sent).
  'statements:prepare': ['statements:prepared'],
  'statements:proof': [],
  'statements:discard': ['statements:prepared'],
  'statements:release': [...CYCLE, 'statements:list', 'statements:runs', 'statements:prepared'],
  'holds:newAddress': [...CYCLE, 'queue:list', 'letters:pending', 'search:query'],
  'agencies:save': AGENCY,
  'agencies:setActive': AGENCY,
  'agencies:setFee': AGENCY,
  'agencies:setLayout': AGENCY,
  'placements:build': PLACEMENT,
  'placements:remove': PLACEMENT,
  'placements:cancel': PLACEMENT,
  'placements:release': PLACEMENT,
  'placements:file': [],
  'placements:recall': PLACEMENT,
  'recalls:file': [],
  // The request and the gate's answer are in the ECA register (the month's registers).
  'agencies:requestEca': ['agencies:ecaRequests', 'registers:month', 'eca:check'],
  'remittances:preview': [],
  // Agency payments move balances; the placements' collections and the scorecard with them.
  'remittances:post': [...BALANCES, ...PLACEMENT, 'remittances:list', 'remittances:directPayments'],
  'remittances:reconcile': ['remittances:list', 'remittances:get'],
  'remittances:directPaymentsCsv': [],
  'agencies:scorecardPdf': [],
  'agencies:scorecardCsv': [],
  'smallClaims:open': COURT,
  'smallClaims:record': [...COURT, ...BALANCES],
  'smallClaims:payment': [...COURT, ...BALANCES],
  'smallClaims:postJudgment': COURT,
  // The demand letter is kept among the guarantor's documents, and starts the case's clock.
  'smallClaims:demand': COURT,
  'smallClaims:packet': [],
  'smallClaims:testimony': [],
  'smallClaims:setLimit': ['smallClaims:rules', 'smallClaims:check'],
  'smallClaims:setLimitation': ['smallClaims:rules', 'smallClaims:check'],
  // A death stops the cycle, suspends plans and promises, recalls placements; an undo resumes them.
  'estates:recordDeath': [...ESTATE, ...PLANS, ...PLACEMENT, 'search:query'],
  'estates:undoDeath': [...ESTATE, ...PLANS, ...PLACEMENT, 'search:query'],
  'estates:details': ESTATE,
  'estates:lastIllness': ESTATE,
  'estates:release': ESTATE,
  'estates:record': ESTATE,
  'estates:payment': [...ESTATE, ...BALANCES],
  'estates:close': [...ESTATE, ...BALANCES],
  // The documents are kept among the guarantor's documents; filing is in the ECA register.
  'estates:refer': ESTATE,
  'estates:file': [...ESTATE, 'registers:month', 'eca:check'],
  'estates:followUp': ESTATE,
  'estates:document': [],
  'estates:setRule': ['estates:rules', 'estates:list', 'estates:estate', 'estates:ofGuarantor'],
  'era:preview': [],
  // An 835 posts payments and adjustments, and records remittance dates and cost sharing.
  'era:import': [...BALANCES, ...BAD_DEBT, 'era:files', 'era:file'],
  'badDebt:setFacts': BAD_DEBT,
  'badDebt:indigence': BAD_DEBT,
  'badDebt:propose': BAD_DEBT,
  'badDebt:decide': [...BAD_DEBT, ...BALANCES],
  'badDebt:reverse': [...BAD_DEBT, ...BALANCES],
  'badDebt:recovery': [...BAD_DEBT, ...BALANCES],
  'badDebt:exportListing': ['badDebt:listings'],
  'badDebt:auditPacket': [],
  'badDebt:effortEvidence': [],
  'payroll:saveProfile': ['payroll:profiles'],
  'payroll:deleteProfile': ['payroll:profiles'],
  'payroll:rosterInspect': [],
  'payroll:rosterPreview': [],
  // A roster's terminations end arrangements: their accounts go back to statements.
  'payroll:rosterImport': [...PAYROLL, ...PLANS, ...GUARANTOR],
  'payroll:confirmMatch': [...PAYROLL, ...GUARANTOR],
  'payroll:rejectMatch': PAYROLL,
  'payroll:unmatch': [...PAYROLL, ...GUARANTOR],
  'payroll:terminate': [...PAYROLL, ...PLANS, ...GUARANTOR],
  'payroll:setWageFloor': ['payroll:wageFloors', ...PAYROLL],
  // An arrangement holds its accounts out of the statement cycle once signed, and lets them go when it ends.
  'payroll:createArrangement': [...PAYROLL, ...GUARANTOR],
  // The printed form is kept among the guarantor's documents (the account page lists them).
  'payroll:authorization': [...PAYROLL, 'accounts:open'],
  'payroll:recordSignature': [...PAYROLL, ...PLANS, ...GUARANTOR],
  'payroll:end': [...PAYROLL, ...PLANS, ...GUARANTOR],
  'payroll:runPreview': [],
  'payroll:createRun': PAYROLL,
  'payroll:runFile': [],
  'payroll:confirmPreview': [],
  // What payroll deducted posts to the ledger: balances, plans, holds and the queue move with it.
  'payroll:confirm': [...PAYROLL, ...BALANCES, ...PLANS],
  'payroll:settle': [...PAYROLL, ...BALANCES, ...PLANS],
  'payroll:resolveLine': PAYROLL,
  // A new patient is a new guarantor (search finds her).
  'ob:interview': [...OBSTETRICS, 'search:query'],
  'ob:revise': OBSTETRICS,
  'ob:recordSignature': OBSTETRICS,
  'ob:cancel': OBSTETRICS,
  // Deposits are held off the ledger until the delivery account arrives.
  'ob:deposit': OBSTETRICS,
  'ob:reverseDeposit': OBSTETRICS,
  'ob:refundDeposits': OBSTETRICS,
  'ob:recordDelivery': OBSTETRICS,
  // The deposits post to the delivery account, which is held out of statements until the true-up.
  'ob:linkDelivery': [...OBSTETRICS, ...BALANCES, ...PLANS],
  // The true-up releases the hold: a remainder joins the ordinary cycle, a credit the refunds.
  'ob:trueUp': [...OBSTETRICS, ...BALANCES, ...PLANS],
  // Printed documents are kept among the guarantor's documents (the account page lists them).
  'ob:agreement': [...OBSTETRICS, 'accounts:open'],
  'ob:statement': [...OBSTETRICS, 'accounts:open', 'ob:statementRuns'],
  'ob:statementRun': [...OBSTETRICS, 'accounts:open', 'ob:statementRuns'],
  'ob:statementRunPdf': [],
  'ob:trueUpLetter': [...OBSTETRICS, 'accounts:open'],
} as const satisfies Record<ChangeChannel, readonly ReadChannel[]>;

/** The reads a change makes stale: its own list and the audit trail it writes to. */
export function staleAfter(channel: ChangeChannel): ReadChannel[] {
  return [...new Set<ReadChannel>([...STALE_AFTER[channel], 'audit:list'])];
}

// Refusals that the same read would meet again: asking twice only doubles the audit trail.
const FINAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_input',
  'not_logged_in',
  'session_locked',
  'forbidden',
  'wrong_password',
  'throttled',
  'not_found',
  'conflict',
  'not_allowed',
  'bad_transport',
]);

/** Once more, after a second, for a workspace server that did not answer or a store that was busy. */
function retryRead(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && FINAL.has(error.code)) return false;
  return failures < 1;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: retryRead,
      // Read again on every screen opened (as the screens always did), never behind the clerk's
      // back: a read of patient data is an event in the audit trail.
      staleTime: 0,
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { retry: false },
  },
});

// A session ended (log-out, idle log-out, restore) or another began: forget every read.
useWorkspace.subscribe((state, previous) => {
  if (state.sessionId !== previous.sessionId) queryClient.clear();
});

export interface ChannelQuery<K extends ReadChannel> {
  /** The last value read; while a new read is on its way the previous one stays (no flicker). */
  value: ChannelOutput<K> | null;
  /** The refusal's sentence, when the last read failed and no new one is on its way. */
  error: string | null;
  /** A read is on its way (the first, or one after a change or a new input). */
  loading: boolean;
}

export function channelKey<K extends ReadChannel>(channel: K, input: ChannelInput<K>) {
  return [channel, input] as const;
}

/** Reads one channel for a screen; `enabled: false` holds the read (an input not yet complete). */
export function useChannelQuery<K extends ReadChannel>(
  channel: K,
  input: ChannelInput<K>,
  options: { enabled?: boolean } = {},
): ChannelQuery<K> {
  const locked = useWorkspace((s) => s.session?.locked ?? false);
  const query = useQuery({
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, input),
    enabled: !locked && (options.enabled ?? true),
    placeholderData: keepPreviousData,
  });
  return {
    value: query.data ?? null,
    error: query.isError && !query.isFetching ? messageOf(query.error) : null,
    loading: query.isFetching || query.isPlaceholderData,
  };
}

/** Reads one channel now, outside a screen (the next item of the queue), through the same cache. */
export function readChannel<K extends ReadChannel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  return queryClient.fetchQuery({ queryKey: channelKey(channel, input), queryFn: () => call(channel, input) });
}

/** Marks stale what a change altered; the reads a screen shows are made again at once. */
export function invalidateAfter(channel: ChangeChannel): Promise<void> {
  return Promise.all(staleAfter(channel).map((read) => queryClient.invalidateQueries({ queryKey: [read] }))).then(
    () => undefined,
  );
}

/** Makes one change outside a screen's form (the queue's "Done — next item"). */
export async function change<K extends ChangeChannel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const value = await call(channel, input);
  await invalidateAfter(channel);
  return value;
}

/**
 * A change for a screen: `mutateAsync(input)` calls the channel and, once it succeeded, makes the
 * reads it altered again before it resolves, so the screen shows the change with its notice.
 */
export function useChannelMutation<K extends ChangeChannel>(
  channel: K,
): UseMutationResult<ChannelOutput<K>, unknown, ChannelInput<K>> {
  return useMutation({
    mutationKey: [channel],
    mutationFn: (input: ChannelInput<K>) => call(channel, input),
    onSuccess: () => invalidateAfter(channel),
  });
}
