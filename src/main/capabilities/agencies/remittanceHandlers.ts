// The remittance channels: an agency's remittance previewed and posted (a file or keyed in), listed,
// reconciled against the cheque and the invoice; payments made to the hospital on placed accounts.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

type RemittanceChannels =
  | 'remittances:preview'
  | 'remittances:post'
  | 'remittances:list'
  | 'remittances:get'
  | 'remittances:reconcile'
  | 'remittances:directPayments'
  | 'remittances:directPaymentsCsv';

const later = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export const remittanceHandlers: Pick<HandlerMap<'agencies'>, RemittanceChannels> = {
  'remittances:preview': later,
  'remittances:post': later,
  'remittances:list': later,
  'remittances:get': later,
  'remittances:reconcile': later,
  'remittances:directPayments': later,
  'remittances:directPaymentsCsv': later,
};
