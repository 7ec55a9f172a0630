// Payment plans: the effective-dated policy, plans and their papers, promises to pay, the lapse
// engine's daily run and the lapse letters.
import type { FileHandle } from '../schemas/files';
import { guarantorInput } from '../schemas/accounts';
import type { PlanPolicyVersion, PlanView, PromiseView } from '../schemas/plans';
import {
  addPromiseInput,
  cancelPlanInput,
  createPlanInput,
  planIdInput,
  reschedulePlanInput,
  setPlanPolicyInput,
  signedInput,
} from '../schemas/plans';
import { channel, none } from './channel';

export interface DailyRunSummary {
  runOn: string;
  /**
   * False when the day's check had already run (the scheduler runs it at the first call of the
   * business day): little new to find. True only when it had not completed today (it failed).
   */
  firstRunToday: boolean;
  plansChecked: number;
  lapsed: number;
  cured: number;
  defaulted: number;
  completed: number;
  lettersQueued: number;
  promisesKept: number;
  promisesBroken: number;
}

export const plansChannels = {
  'planPolicy:get': channel<typeof none, { current: PlanPolicyVersion; history: PlanPolicyVersion[] }>({
    input: none,
    access: 'clerk',
    audit: false,
  }),
  'planPolicy:set': channel<typeof setPlanPolicyInput, PlanPolicyVersion>({
    input: setPlanPolicyInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'plans:create': channel<typeof createPlanInput, PlanView>({
    input: createPlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:list': channel<typeof guarantorInput, PlanView[]>({ input: guarantorInput, access: 'clerk', audit: 'read' }),
  'plans:agreement': channel<typeof planIdInput, FileHandle>({ input: planIdInput, access: 'clerk', audit: 'print' }),
  'plans:signed': channel<typeof signedInput, PlanView>({ input: signedInput, access: 'clerk', audit: 'change' }),
  'plans:reschedule': channel<typeof reschedulePlanInput, PlanView>({
    input: reschedulePlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:cancel': channel<typeof cancelPlanInput, PlanView>({
    input: cancelPlanInput,
    access: 'clerk',
    audit: 'change',
  }),
  'plans:runDaily': channel<typeof none, DailyRunSummary>({ input: none, access: 'clerk', audit: 'change' }),
  'promises:add': channel<typeof addPromiseInput, { id: number }>({
    input: addPromiseInput,
    access: 'clerk',
    audit: 'change',
  }),
  'promises:list': channel<typeof guarantorInput, PromiseView[]>({
    input: guarantorInput,
    access: 'clerk',
    audit: 'read',
  }),
  'letters:pending': channel<typeof none, { count: number }>({ input: none, access: 'clerk', audit: false }),
  'letters:lapseBatch': channel<typeof none, FileHandle & { count: number }>({
    input: none,
    access: 'clerk',
    audit: 'print',
  }),
  'letters:batches': channel<
    typeof none,
    { documentId: number; title: string; createdAt: string; by: string | null }[]
  >({
    input: none,
    access: 'clerk',
    audit: false,
  }),
} as const;
