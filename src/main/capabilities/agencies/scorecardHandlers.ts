// The scorecard channels: per agency and placement month, on screen, as a PDF and as a CSV.
import type { HandlerMap } from '../../platform/capability';
import { offerBytes, userOf } from '../../platform/capability';
import { hospitalIdentity } from '../../platform/settings';
import { agencyScorecard } from './scorecard';
import { scorecardCsv, scorecardPdf } from './scorecardPdf';

type ScorecardChannels = 'agencies:scorecard' | 'agencies:scorecardPdf' | 'agencies:scorecardCsv';

export const scorecardHandlers: Pick<HandlerMap<'agencies'>, ScorecardChannels> = {
  'agencies:scorecard': (ctx, input) => agencyScorecard(ctx.app.store.db, input, ctx.app.clock.today()),
  'agencies:scorecardPdf': async (ctx, input) => {
    const db = ctx.app.store.db;
    const today = ctx.app.clock.today();
    ctx.records.push(`scorecard:${input.kind}:${input.fromMonth}:${input.toMonth}`);
    ctx.detail = `agency scorecard, ${input.kind}, ${input.fromMonth} to ${input.toMonth}`;
    const bytes = await scorecardPdf(
      agencyScorecard(db, input, today),
      hospitalIdentity(db),
      today,
      userOf(ctx).fullName,
    );
    return offerBytes(
      ctx,
      {
        fileName: `agency-scorecard-${input.kind}-${input.fromMonth}-${input.toMonth}.pdf`,
        mimeType: 'application/pdf',
      },
      bytes,
    );
  },
  'agencies:scorecardCsv': async (ctx, input) => {
    ctx.records.push(`scorecard:${input.kind}:${input.fromMonth}:${input.toMonth}`);
    ctx.detail = `agency scorecard, ${input.kind}, ${input.fromMonth} to ${input.toMonth}`;
    const csv = scorecardCsv(agencyScorecard(ctx.app.store.db, input, ctx.app.clock.today()));
    return offerBytes(
      ctx,
      { fileName: `agency-scorecard-${input.kind}-${input.fromMonth}-${input.toMonth}.csv`, mimeType: 'text/csv' },
      csv,
    );
  },
};
