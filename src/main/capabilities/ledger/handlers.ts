// Channels of the ledger: payments and their receipts, adjustments, reversals, the balance check.
import type { HandlerMap } from '../../platform/capability';
import { offerDocument, userOf } from '../../platform/capability';
import { userFullName } from '../access';
import { verifyBalances } from './entries';
import { postAdjustment, postPayment, reverseLedgerEntry, reversePayment } from './posting';
import { receiptFor } from './receipts';

export const ledgerHandlers: HandlerMap<'ledger'> = {
  'payments:post': async (ctx, input) => {
    const user = userOf(ctx);
    // The payment, and what depends on it (plans, promises), commit here, before the receipt.
    const posted = postPayment(ctx.app, input, user);
    ctx.records.push(
      `guarantor:${input.guarantorId}`,
      `payment:${posted.paymentId}`,
      ...posted.accountIds.map((id) => `account:${id}`),
    );
    try {
      const receipt = await receiptFor(ctx.app, posted.paymentId, user.id);
      ctx.detail = `receipt ${posted.receiptNumber} printed`;
      return {
        paymentId: posted.paymentId,
        receiptNumber: posted.receiptNumber,
        receipt: offerDocument(ctx, receipt.documentId),
        receiptProblem: null,
      };
    } catch (err) {
      // A damaged database stops the store at once; the call then fails with the plain sentence.
      const damage = ctx.app.store.noticeDamage(err);
      if (damage) throw damage;
      // The money is saved: say exactly that, and how to print the receipt, so nobody posts it again.
      ctx.app.log(
        `recoup: receipt ${posted.receiptNumber} could not be drawn: ${(err as Error)?.stack ?? String(err)}`,
      );
      ctx.detail = `receipt ${posted.receiptNumber} not printed`;
      return {
        paymentId: posted.paymentId,
        receiptNumber: posted.receiptNumber,
        receipt: null,
        receiptProblem: `The payment was saved as receipt ${posted.receiptNumber}, but its receipt could not be printed. Do not post it again: print the receipt from the payment in Payments.`,
      };
    }
  },
  'payments:receipt': async (ctx, input) => {
    const receipt = await receiptFor(ctx.app, input.paymentId, userOf(ctx).id);
    ctx.records.push(
      `guarantor:${receipt.guarantorId}`,
      `payment:${input.paymentId}`,
      `document:${receipt.documentId}`,
    );
    const file = offerDocument(ctx, receipt.documentId);
    ctx.detail = `receipt ${file.fileName}`;
    return file;
  },
  'payments:reverse': (ctx, input) => {
    const r = reversePayment(ctx.app, input.paymentId, input.reason, input.effectiveDate, userOf(ctx));
    ctx.records.push(`guarantor:${r.guarantorId}`, `payment:${input.paymentId}`);
    ctx.detail = input.reason;
    return { reversalIds: r.reversalIds };
  },
  'ledger:adjust': (ctx, input) => {
    const r = postAdjustment(ctx.app, input, userOf(ctx));
    ctx.records.push(`guarantor:${r.guarantorId}`, `account:${input.accountId}`, `entry:${r.entryId}`);
    ctx.detail = r.approvedBy ? `approved by ${userFullName(ctx.app.store.db, r.approvedBy)}` : null;
    return { entryId: r.entryId, approvedBy: r.approvedBy };
  },
  'ledger:reverse': (ctx, input) => {
    const r = reverseLedgerEntry(
      ctx.app,
      input.entryId,
      input.reason,
      input.effectiveDate,
      userOf(ctx),
      input.approval,
    );
    ctx.records.push(`guarantor:${r.guarantorId}`, `entry:${input.entryId}`);
    ctx.detail = r.approvedBy === null ? input.reason : `${input.reason} (approved by user ${r.approvedBy})`;
    return { reversalId: r.reversalId, approvedBy: r.approvedBy };
  },
  'ledger:verify': (ctx) => {
    const result = verifyBalances(ctx.app.store.db);
    ctx.detail = result.ok
      ? `balances agree (${result.accountsChecked} accounts)`
      : `${result.differences.length} differences`;
    return result;
  },
};
