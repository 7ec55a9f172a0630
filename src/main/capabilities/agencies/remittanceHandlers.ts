// The remittance channels: an agency's remittance previewed and posted (a file or keyed in), listed,
// reconciled against the cheque and the invoice; payments made to the hospital on placed accounts.
import { AppError } from '../../../shared/errors';
import { offerBytes, userOf, type HandlerMap } from '../../platform/capability';
import { directPayments, directPaymentsFile } from './directPayments';
import { postRemittance, previewRemittance, reconcileRemittance } from './remittances';
import { listRemittances, remittanceDetail } from './remittanceViews';

type RemittanceChannels =
  | 'remittances:preview'
  | 'remittances:post'
  | 'remittances:list'
  | 'remittances:get'
  | 'remittances:reconcile'
  | 'remittances:directPayments'
  | 'remittances:directPaymentsCsv';

function checkPeriod(input: { from: string; to: string }): void {
  if (input.to < input.from)
    throw new AppError('invalid_input', 'The period ends before it starts.', {
      to: 'The period ends before it starts.',
    });
}

export const remittanceHandlers: Pick<HandlerMap<'agencies'>, RemittanceChannels> = {
  'remittances:preview': (ctx, input) => {
    ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = `remittance ${input.reference} previewed`;
    return previewRemittance(ctx.app, userOf(ctx).id, input);
  },
  'remittances:post': (ctx, input) => {
    const remittanceId = postRemittance(ctx.app, userOf(ctx).id, input);
    ctx.records.push(`agency:${input.agencyId}`, `remittance:${remittanceId}`);
    ctx.detail = `remittance ${input.reference} posted`;
    return { remittanceId };
  },
  'remittances:list': (ctx) => listRemittances(ctx.app.store.db),
  'remittances:get': (ctx, input) => {
    ctx.records.push(`remittance:${input.remittanceId}`);
    return remittanceDetail(ctx.app.store.db, input.remittanceId, ctx.app.clock.today());
  },
  'remittances:reconcile': (ctx, input) => {
    ctx.records.push(`remittance:${input.remittanceId}`);
    ctx.detail = `cheque ${input.chequeReference}, invoice ${input.invoiceReference || '(none)'}`;
    return reconcileRemittance(ctx.app.store.db, input, ctx.app.clock.today(), userOf(ctx).id);
  },
  'remittances:directPayments': (ctx, input) => {
    checkPeriod(input);
    ctx.records.push(`agency:${input.agencyId}`);
    return directPayments(ctx.app.store.db, input.agencyId, input.from, input.to, ctx.app.clock.today());
  },
  'remittances:directPaymentsCsv': async (ctx, input) => {
    checkPeriod(input);
    ctx.records.push(`agency:${input.agencyId}`);
    ctx.detail = `payments made to the hospital while placed, ${input.from} to ${input.to}`;
    const f = directPaymentsFile(ctx.app.store.db, input.agencyId, input.from, input.to, ctx.app.clock.today());
    return offerBytes(ctx, { fileName: f.fileName, mimeType: 'text/csv' }, f.bytes);
  },
};
