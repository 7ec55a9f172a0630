// Every channel called with every role (and with no session): the router lets through exactly
// the roles the table below expects. The table is written out by hand, not derived from the
// contract, so a change of a channel's access shows up here as a failing case to review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../src/shared/contract';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { VALID_INPUT } from './samples';

type Who = 'nobody' | 'clerk' | 'supervisor' | 'administrator';

const EXPECTED_LEAST: Record<ChannelName, Who> = {
  'app:status': 'nobody',
  'setup:create': 'nobody',
  'auth:login': 'nobody',
  'auth:recover': 'nobody',
  'auth:logout': 'clerk',
  'auth:lock': 'clerk',
  'auth:unlock': 'clerk',
  'auth:heartbeat': 'clerk',
  'auth:changePassword': 'clerk',
  'users:list': 'administrator',
  'users:add': 'administrator',
  'users:resetPassword': 'administrator',
  'users:disable': 'administrator',
  'users:enable': 'administrator',
  'audit:list': 'administrator',
  'audit:verify': 'administrator',
  'audit:csv': 'administrator',
  'settings:get': 'clerk',
  'settings:update': 'administrator',
  'backup:list': 'administrator',
  'backup:create': 'administrator',
  'backup:restore': 'administrator',
  'backup:check': 'administrator',
  'store:changeKey': 'administrator',
  'store:backups': 'nobody',
  'store:restore': 'nobody',
  'users:directory': 'clerk',
  'search:query': 'clerk',
  'accounts:open': 'clerk',
  'activity:log': 'clerk',
  'followUps:add': 'clerk',
  'followUps:close': 'clerk',
  'documents:get': 'clerk',
  'payments:post': 'clerk',
  'payments:reverse': 'clerk',
  'payments:receipt': 'clerk',
  'ledger:adjust': 'clerk',
  'ledger:reverse': 'clerk',
  'ledger:verify': 'supervisor',
  'reports:aging': 'clerk',
  'reports:agingPdf': 'clerk',
  'reports:agingCsv': 'clerk',
  'reports:agingAccounts': 'clerk',
  'import:upload': 'clerk',
  'import:inspect': 'clerk',
  'import:preview': 'clerk',
  'import:commit': 'clerk',
  'import:errorReport': 'clerk',
  'importProfiles:list': 'clerk',
  'importProfiles:save': 'clerk',
  'importProfiles:delete': 'clerk',
  'importHeld:list': 'clerk',
  'importHeld:decide': 'supervisor',
  'agencies:list': 'clerk',
  'agencies:get': 'clerk',
  'agencies:save': 'supervisor',
  'agencies:setActive': 'supervisor',
  'agencies:setFee': 'supervisor',
  'agencies:setLayout': 'supervisor',
  'placements:eligible': 'clerk',
  'placements:build': 'clerk',
  'placements:batches': 'clerk',
  'placements:batch': 'clerk',
  'placements:remove': 'clerk',
  'placements:cancel': 'clerk',
  'placements:release': 'clerk',
  'placements:file': 'clerk',
  'placements:list': 'clerk',
  'placements:ofGuarantor': 'clerk',
  'placements:recall': 'clerk',
  'recalls:list': 'clerk',
  'recalls:file': 'clerk',
  'agencies:requestEca': 'clerk',
  'agencies:ecaRequests': 'clerk',
  'remittances:preview': 'clerk',
  'remittances:post': 'clerk',
  'remittances:list': 'clerk',
  'remittances:get': 'clerk',
  'remittances:reconcile': 'clerk',
  'remittances:directPayments': 'clerk',
  'remittances:directPaymentsCsv': 'clerk',
  'agencies:scorecard': 'clerk',
  'agencies:scorecardPdf': 'clerk',
  'agencies:scorecardCsv': 'clerk',
  'estates:recordDeath': 'clerk',
  'estates:undoDeath': 'supervisor',
  'estates:list': 'clerk',
  'estates:estate': 'clerk',
  'estates:ofGuarantor': 'clerk',
  'estates:details': 'clerk',
  'estates:lastIllness': 'clerk',
  'estates:release': 'supervisor',
  'estates:record': 'clerk',
  'estates:payment': 'clerk',
  'estates:close': 'clerk',
  'estates:refer': 'clerk',
  'estates:file': 'clerk',
  'estates:followUp': 'clerk',
  'estates:document': 'clerk',
  'estates:rules': 'clerk',
  'estates:setRule': 'supervisor',
  'era:preview': 'clerk',
  'era:import': 'clerk',
  'era:files': 'clerk',
  'era:file': 'clerk',
  'badDebt:account': 'clerk',
  'badDebt:setFacts': 'clerk',
  'badDebt:indigence': 'clerk',
  'badDebt:candidates': 'clerk',
  'badDebt:propose': 'clerk',
  'badDebt:proposals': 'clerk',
  'badDebt:decide': 'supervisor',
  'badDebt:reverse': 'supervisor',
  'badDebt:recovery': 'clerk',
  'badDebt:listing': 'clerk',
  'badDebt:exportListing': 'clerk',
  'badDebt:listings': 'clerk',
  'badDebt:auditPacket': 'clerk',
  'badDebt:effortEvidence': 'clerk',
  'payroll:profiles': 'clerk',
  'payroll:saveProfile': 'clerk',
  'payroll:deleteProfile': 'clerk',
  'payroll:rosterInspect': 'clerk',
  'payroll:rosterPreview': 'clerk',
  'payroll:rosterImport': 'clerk',
  'payroll:employees': 'clerk',
  'payroll:employee': 'clerk',
  'payroll:confirmMatch': 'clerk',
  'payroll:rejectMatch': 'clerk',
  'payroll:unmatch': 'supervisor',
  'payroll:terminate': 'clerk',
  'payroll:wageFloors': 'clerk',
  'payroll:setWageFloor': 'supervisor',
  'payroll:limit': 'clerk',
  'payroll:guarantor': 'clerk',
  'payroll:arrangements': 'clerk',
  'payroll:arrangement': 'clerk',
  'payroll:createArrangement': 'clerk',
  'payroll:authorization': 'clerk',
  'payroll:recordSignature': 'clerk',
  'payroll:end': 'clerk',
  'payroll:runPreview': 'clerk',
  'payroll:createRun': 'clerk',
  'payroll:runFile': 'clerk',
  'payroll:runs': 'clerk',
  'payroll:run': 'clerk',
  'payroll:confirmPreview': 'clerk',
  'payroll:confirm': 'clerk',
  'payroll:settle': 'clerk',
  'payroll:resolveLine': 'clerk',
  'ob:cases': 'clerk',
  'ob:case': 'clerk',
  'ob:guarantor': 'clerk',
  'ob:estimate': 'clerk',
  'ob:interview': 'clerk',
  'ob:revisePreview': 'clerk',
  'ob:revise': 'clerk',
  'ob:recordSignature': 'clerk',
  'ob:cancel': 'clerk',
  'ob:deposit': 'clerk',
  'ob:reverseDeposit': 'supervisor',
  'ob:refundDeposits': 'supervisor',
  'ob:recordDelivery': 'clerk',
  'ob:deliveryCandidates': 'clerk',
  'ob:linkDelivery': 'clerk',
  'ob:trueUpPreview': 'clerk',
  'ob:trueUp': 'clerk',
  'ob:agreement': 'clerk',
  'ob:statement': 'clerk',
  'ob:statementRunPreview': 'clerk',
  'ob:statementRun': 'clerk',
  'ob:statementRuns': 'clerk',
  'ob:statementRunPdf': 'clerk',
  'ob:trueUpLetter': 'clerk',
  'smallClaims:check': 'clerk',
  'smallClaims:open': 'clerk',
  'smallClaims:cases': 'clerk',
  'smallClaims:case': 'clerk',
  'smallClaims:ofGuarantor': 'clerk',
  'smallClaims:record': 'clerk',
  'smallClaims:payment': 'clerk',
  'smallClaims:postJudgment': 'clerk',
  'smallClaims:demand': 'clerk',
  'smallClaims:packet': 'clerk',
  'smallClaims:testimony': 'clerk',
  'smallClaims:reports': 'clerk',
  'smallClaims:rules': 'clerk',
  'smallClaims:setLimit': 'supervisor',
  'smallClaims:setLimitation': 'supervisor',
  'jobs:cancel': 'clerk',
  'files:link': 'clerk',
  'files:open': 'clerk',
  'files:print': 'clerk',
  'files:save': 'clerk',
  'planPolicy:get': 'clerk',
  'planPolicy:set': 'administrator',
  'plans:create': 'clerk',
  'plans:list': 'clerk',
  'plans:agreement': 'clerk',
  'plans:signed': 'clerk',
  'plans:reschedule': 'clerk',
  'plans:cancel': 'clerk',
  'plans:runDaily': 'clerk',
  'promises:add': 'clerk',
  'promises:list': 'clerk',
  'queue:list': 'clerk',
  'queue:worked': 'clerk',
  'letters:lapseBatch': 'clerk',
  'letters:batches': 'clerk',
  'letters:pending': 'clerk',
  'eca:check': 'clerk',
  'eca:releaseEstateClaim': 'supervisor',
  'holds:list': 'clerk',
  'fap:record': 'clerk',
  'fap:decide': 'supervisor',
  'fap:history': 'clerk',
  'fap:preview': 'supervisor',
  'fap:letter': 'clerk',
  'credits:list': 'clerk',
  'credits:refund': 'clerk',
  'holds:place': 'clerk',
  'holds:release': 'clerk',
  'statements:due': 'clerk',
  'statements:list': 'clerk',
  'statements:runs': 'clerk',
  'statements:runPdf': 'clerk',
  'statements:reprint': 'clerk',
  'statements:prepare': 'clerk',
  'statements:prepared': 'clerk',
  'statements:proof': 'clerk',
  'statements:discard': 'clerk',
  'statements:release': 'clerk',
  'holds:newAddress': 'clerk',
  'compliance:report': 'clerk',
  'compliance:list': 'clerk',
  'registers:month': 'supervisor',
  'registers:pdf': 'supervisor',
  'registers:csv': 'supervisor',
  'compliance:assign': 'supervisor',
  'compliance:resolve': 'supervisor',
};

const ORDER: Who[] = ['nobody', 'clerk', 'supervisor', 'administrator'];
const allowed = (who: Who, least: Who) => ORDER.indexOf(who) >= ORDER.indexOf(least);

describe('roles: every channel, every role', () => {
  let t: TestApp;
  const sessions: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = testApp();
    sessions.administrator = await setUpAndLogIn(t);
    sessions.clerk = await addUserAndLogIn(t, sessions.administrator, 'clerk');
    sessions.supervisor = await addUserAndLogIn(t, sessions.administrator, 'supervisor');
  });
  afterAll(() => t.cleanup());

  it('the table covers every channel in the contract', () => {
    expect(Object.keys(EXPECTED_LEAST).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(VALID_INPUT).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  // Channels that would end the caller's session or replace the database are checked for
  // refusal only; their success paths have their own tests.
  const disruptive = new Set<ChannelName>([
    'auth:logout',
    'auth:lock',
    'backup:restore',
    'users:disable',
    'users:resetPassword',
    'users:enable',
    'auth:recover',
    'setup:create',
  ]);

  for (const channel of CHANNEL_NAMES) {
    for (const who of ORDER) {
      const expectAllowed = allowed(who, EXPECTED_LEAST[channel]);
      if (expectAllowed && disruptive.has(channel)) continue;
      it(`${channel} as ${who}: ${expectAllowed ? 'allowed' : 'refused'}`, async () => {
        const sessionId = who === 'nobody' ? null : sessions[who]!;
        const input =
          channel === 'users:add'
            ? { ...VALID_INPUT['users:add'], username: `u${who}${Math.random().toString(36).slice(2, 8)}` }
            : VALID_INPUT[channel];
        const result = await t.raw(channel, input, sessionId);
        if (expectAllowed) {
          // Allowed means the router let it through: any answer but a session or role refusal.
          if (!result.ok) expect(['not_logged_in', 'forbidden', 'session_locked']).not.toContain(result.error.code);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe(who === 'nobody' ? 'not_logged_in' : 'forbidden');
        }
      });
    }
  }

  it('a refused call by a logged-in user is written to the audit trail as forbidden', async () => {
    await t.raw('users:list', {}, sessions.clerk!);
    const list = await t.call(
      'audit:list',
      { channel: 'users:list', outcome: 'error', limit: 10, offset: 0 },
      sessions.administrator!,
    );
    expect(list.events.some((e) => e.outcome === 'forbidden' && e.username === 'clerk1')).toBe(true);
  });

  it('each channel declares its access in the contract', () => {
    for (const name of CHANNEL_NAMES)
      expect(['public', 'clerk', 'supervisor', 'administrator']).toContain(contract[name].access);
  });
});
