// The bad-debt channels but the 835's and the documents': one line of glue each (no SQL); the
// services decide, and each says what the call touched for the audit.
import type { CallContext, HandlerMap } from '../../platform/capability';
import { offerBytes, userOf } from '../../platform/capability';
import { accountView, recordIndigence, setFacts } from './accountView';
import { candidates } from './candidates';
import type { DocumentChannels } from './documentHandlers';
import type { EraChannels } from './eraHandlers';
import { exportListing } from './exportListing';
import { buildListing } from './listing';
import { listingRecords } from './listingRecords';
import { decide, proposals, propose, recordRecovery, reverseWriteOff, type When } from './writeOffs';

function when(ctx: CallContext): When {
  return { today: ctx.app.clock.today(), now: ctx.app.nowIso(), by: userOf(ctx).id };
}

export const badDebtHandlers: Omit<HandlerMap<'badDebt'>, DocumentChannels | EraChannels> = {
  'badDebt:account': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    return accountView(ctx.app.store.db, input.accountId, ctx.app.clock.today());
  },
  'badDebt:setFacts': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    const w = when(ctx);
    setFacts(ctx.app.store.db, input, w.now, w.by);
    return accountView(ctx.app.store.db, input.accountId, w.today);
  },
  'badDebt:indigence': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    const w = when(ctx);
    recordIndigence(ctx.app.store.db, input, w.today, w.now, w.by);
    return accountView(ctx.app.store.db, input.accountId, w.today);
  },
  'badDebt:candidates': (ctx, input) => candidates(ctx.app.store.db, input, ctx.app.clock.today()),
  'badDebt:propose': (ctx, input) => {
    ctx.records.push(...input.accountIds.map((id) => `account:${id}`));
    return propose(ctx.app.store.db, input, when(ctx));
  },
  'badDebt:proposals': (ctx, input) => proposals(ctx.app.store.db, input.status),
  'badDebt:decide': (ctx, input) => {
    ctx.detail = input.decision;
    const done = decide(ctx.app, input, when(ctx));
    ctx.records.push(...done.map((w) => `account:${w.accountId}`));
    return done;
  },
  'badDebt:reverse': (ctx, input) => {
    const done = reverseWriteOff(ctx.app, input, when(ctx));
    ctx.records.push(`account:${done.accountId}`);
    return done;
  },
  'badDebt:recovery': (ctx, input) => {
    ctx.records.push(`account:${input.accountId}`);
    const w = when(ctx);
    recordRecovery(ctx.app, input, { ...w, role: userOf(ctx).role });
    return accountView(ctx.app.store.db, input.accountId, w.today);
  },
  'badDebt:listing': (ctx, input) => buildListing(ctx.app.store.db, input, ctx.app.clock.today()),
  'badDebt:exportListing': async (ctx, input) => {
    ctx.detail = `${input.ccn} ${input.setting} ${input.periodFrom}..${input.periodTo} ${input.format}`;
    const w = when(ctx);
    const file = await exportListing(ctx.app.store.db, input, w.today, w.now, w.by);
    return offerBytes(ctx, { fileName: file.fileName, mimeType: file.mimeType }, file.bytes);
  },
  'badDebt:listings': (ctx) => listingRecords(ctx.app.store.db),
};
