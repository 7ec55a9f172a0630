// The authorization forms (PD-03), kept among the guarantor's documents (helper DOCS): one line of
// glue; authorization.ts decides and draws, and says what the call touched for the audit.
import type { HandlerMap } from '../../platform/capability';
import { offerDocument, userOf } from '../../platform/capability';
import { authorizationRecords, printAuthorization } from './authorization';

export type DocumentChannels = 'payroll:authorization';

export const documentHandlers: Pick<HandlerMap<'payroll'>, DocumentChannels> = {
  'payroll:authorization': async (ctx, input) => {
    const db = ctx.app.store.db;
    ctx.records.push(...authorizationRecords(db, input.arrangementId));
    const printed = await printAuthorization(db, input, {
      today: ctx.app.clock.today(),
      now: ctx.app.nowIso(),
      by: userOf(ctx).id,
    });
    ctx.detail = `authorization form ${printed.reference}${printed.language === 'es' ? ', Spanish' : ''}`;
    return offerDocument(ctx, printed.documentId);
  },
};
