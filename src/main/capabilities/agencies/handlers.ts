// The agencies capability's channels: one line of glue each (no SQL), saying what the call touched.
// The remittance channels are in remittanceHandlers.ts, the scorecard's in scorecardHandlers.ts.
import { AppError } from '../../../shared/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { HandlerMap } from '../../platform/capability';
import { offerDocument, userOf } from '../../platform/capability';
import { supervisorApproval } from '../access';
import { agencyDetail, listAgencies, saveAgency, setAgencyActive, setFee, setLayout } from './agencies';
import { ecaRequests, requestEca } from './ecaRequests';
import {
  batchDetail,
  batchFileDocument,
  buildBatches,
  cancelBatch,
  eligibleAccounts,
  listBatches,
  listPlacements,
  placementsOfGuarantor,
  releaseBatch,
  removeFromBatch,
} from './placement';
import { recallByHand, recallFileDocument, recallFiles } from './recall';
import { remittanceHandlers } from './remittanceHandlers';
import { scorecardHandlers } from './scorecardHandlers';
import { scoreWeights } from './scoreWeights';

type Own = Omit<HandlerMap<'agencies'>, keyof typeof remittanceHandlers | keyof typeof scorecardHandlers>;

const own: Own = {
  'agencies:list': (ctx) => listAgencies(ctx.app.store.db, ctx.app.clock.today()),
  'agencies:get': (ctx, input) => agencyDetail(ctx.app.store.db, input.agencyId, ctx.app.clock.today()),
  'agencies:save': (ctx, input) => {
    const agencyId = saveAgency(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`agency:${agencyId}`);
    ctx.detail = input.agencyId === undefined ? 'added' : 'changed';
    return { agencyId };
  },
  'agencies:setActive': (ctx, input) => {
    setAgencyActive(ctx.app.store.db, input.agencyId, input.active, input.note, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = input.active ? 'active' : 'inactive';
    return { done: true };
  },
  'agencies:setFee': (ctx, input) => {
    setFee(ctx.app.store.db, input, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = `${input.kind} fee from ${input.effectiveFrom}`;
    return { done: true };
  },
  'agencies:setLayout': (ctx, input) => {
    setLayout(ctx.app.store.db, input.agencyId, input.file, input.layout, ctx.app.nowIso(), userOf(ctx).id);
    ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = `${input.file} layout`;
    return { done: true };
  },

  'placements:eligible': (ctx, input) => {
    if (input.guarantorId !== undefined) ctx.records.push(`guarantor:${input.guarantorId}`);
    const view = eligibleAccounts(ctx.app.store.db, ctx.app.clock.today(), input.guarantorId, input.limit);
    ctx.detail = `${view.eligibleCount} eligible, ${view.leftOutCount} left out`;
    return view;
  },
  'placements:build': (ctx, input) => {
    const batchIds = buildBatches(
      ctx.app.store.db,
      input,
      ctx.app.clock.today(),
      ctx.app.nowIso(),
      userOf(ctx).id,
      scoreWeights,
    );
    ctx.records.push(...batchIds.map((id) => `placementBatch:${id}`));
    ctx.detail = input.method;
    return { batchIds };
  },
  'placements:batches': (ctx) => listBatches(ctx.app.store.db),
  'placements:batch': (ctx, input) => {
    ctx.records.push(`placementBatch:${input.batchId}`);
    return batchDetail(ctx.app.store.db, input.batchId);
  },
  'placements:remove': (ctx, input) => {
    const accounts = removeFromBatch(
      ctx.app.store.db,
      input.batchId,
      input.placementIds,
      ctx.app.clock.today(),
      userOf(ctx).id,
    );
    ctx.records.push(`placementBatch:${input.batchId}`, ...accounts.map((a) => `account:${a}`));
    return { done: true };
  },
  'placements:cancel': (ctx, input) => {
    cancelBatch(ctx.app.store.db, input.batchId, ctx.app.clock.today(), userOf(ctx).id);
    ctx.records.push(`placementBatch:${input.batchId}`);
    return { done: true };
  },
  // A supervisor releases a batch: their own session, or their name and password given here.
  'placements:release': (ctx, input) => {
    const user = userOf(ctx);
    let approvedBy: number | null = null;
    if (!roleAtLeast(user.role, 'supervisor')) {
      if (!input.approval)
        throw new AppError('invalid_input', 'A supervisor must release the placement batch.', {
          approval: 'A supervisor types their user name and password to release the batch.',
        });
      approvedBy = supervisorApproval(ctx.app, input.approval).id;
    }
    const r = releaseBatch(ctx.app.store.db, input.batchId, {
      today: ctx.app.clock.today(),
      at: ctx.app.nowIso(),
      by: user.id,
      approvedBy,
    });
    // HP-02: the file leaves the store; the audit names every account it carries.
    ctx.records.push(`placementBatch:${input.batchId}`, ...r.accountIds.map((id) => `account:${id}`));
    ctx.detail = `${r.placed} placed, ${r.dropped.length} no longer eligible`;
    return {
      batchId: input.batchId,
      placed: r.placed,
      placedCents: r.placedCents,
      dropped: r.dropped,
      file: offerDocument(ctx, r.documentId),
    };
  },
  'placements:file': (ctx, input) => {
    ctx.records.push(`placementBatch:${input.batchId}`);
    return offerDocument(ctx, batchFileDocument(ctx.app.store.db, input.batchId));
  },
  'placements:list': (ctx, input) => {
    if (input.agencyId !== undefined) ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = input.status;
    return listPlacements(ctx.app.store.db, input);
  },
  'placements:ofGuarantor': (ctx, input) => {
    ctx.records.push(`guarantor:${input.guarantorId}`);
    return placementsOfGuarantor(ctx.app.store.db, input.guarantorId);
  },

  'placements:recall': (ctx, input) => {
    const r = recallByHand(ctx.app.store.db, input.placementIds, input.reason, input.note, {
      today: ctx.app.clock.today(),
      at: ctx.app.nowIso(),
      by: userOf(ctx).id,
    });
    ctx.records.push(
      ...r.accountIds.map((id) => `account:${id}`),
      ...r.files.map((f) => `recallFile:${f.recallFileId}`),
    );
    ctx.detail = input.reason;
    return {
      recalled: r.recalled,
      files: r.files.map((f) => ({
        recallFileId: f.recallFileId,
        agencyName: f.agencyName,
        count: f.count,
        file: offerDocument(ctx, f.documentId),
      })),
    };
  },
  'recalls:list': (ctx) => recallFiles(ctx.app.store.db),
  'recalls:file': (ctx, input) => {
    ctx.records.push(`recallFile:${input.recallFileId}`);
    return offerDocument(ctx, recallFileDocument(ctx.app.store.db, input.recallFileId));
  },

  'agencies:requestEca': (ctx, input) => {
    ctx.records.push(`placement:${input.placementId}`);
    ctx.detail = input.kind;
    const { accountId } = requestEca(ctx.app.store.db, input, {
      today: ctx.app.clock.today(),
      now: ctx.app.nowIso(),
      by: userOf(ctx).id,
    });
    ctx.records.push(`account:${accountId}`);
    return { allowed: true };
  },
  'agencies:ecaRequests': (ctx) => ecaRequests(ctx.app.store.db),
};

export const agenciesHandlers: HandlerMap<'agencies'> = { ...own, ...remittanceHandlers, ...scorecardHandlers };
