// Delivery (helper DELIVERY): the delivery recorded (the schedule closes), the delivery account
// matched and the deposits applied, the true-up after adjudication.
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../../platform/capability';

export type DeliveryChannels =
  'ob:recordDelivery' | 'ob:deliveryCandidates' | 'ob:linkDelivery' | 'ob:trueUpPreview' | 'ob:trueUp';

const notReady = (): never => {
  throw new AppError('not_allowed', 'Not ready yet.');
};

export const deliveryHandlers: Pick<HandlerMap<'obstetrics'>, DeliveryChannels> = {
  'ob:recordDelivery': notReady,
  'ob:deliveryCandidates': notReady,
  'ob:linkDelivery': notReady,
  'ob:trueUpPreview': notReady,
  'ob:trueUp': notReady,
};
