import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { ministryReportStreamId, MinistryReportSubmittedV1, REPORTS_CONTEXT } from '@saeil/contracts';
import { EventStore, handleCommand } from '@saeil/event-store';
import { commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { contentHash } from '../domain/canonical';
import { ministryReportDecider, requirePeriodEnded } from '../domain/ministry-report.decider';
import { parseReportPeriod } from '../domain/report-period';
import { reportScope } from '../domain/report-scope';
import { ReportGenerator } from '../report/report-generator';
import { SubmitMinistryReportCommand } from './submit-ministry-report.command';

export class SubmitMinistryReportResult extends CommandResult {
  @ApiProperty()
  reportId: string;
  @ApiProperty()
  version: number;
  @ApiProperty()
  asOfPosition: number;
  @ApiProperty()
  contentHash: string;
}

@CommandHandler(SubmitMinistryReportCommand)
export class SubmitMinistryReportHandler implements ICommandHandler<
  SubmitMinistryReportCommand,
  SubmitMinistryReportResult
> {
  constructor(
    private readonly store: EventStore,
    private readonly generator: ReportGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: SubmitMinistryReportCommand): Promise<SubmitMinistryReportResult> {
    const scope = reportScope(input.level, input.scopeId);
    const period = parseReportPeriod(input.period);
    const idempotency = idempotencyOf(metadata, 'SubmitMinistryReport', input);
    if (idempotency) {
      const earlier = await this.store.findIdempotentResult(idempotency);
      if (earlier)
        return this.answer(
          earlier,
          (await this.store.readEvent(earlier.globalPosition))!.data as unknown as MinistryReportSubmittedV1,
        );
    }
    const today = this.clock.today();
    // Checked before the figures are read too: no report is generated for a period still running.
    requirePeriodEnded(period.key, period.to, today);
    const figures = await this.generator.generate(scope, input.period, input.asOfPosition);
    const reportId = ministryReportStreamId(scope.level, scope.scopeId, period.key);
    const hash = contentHash(figures);
    const result = await handleCommand(this.store, ministryReportDecider, {
      streamId: reportId,
      context: REPORTS_CONTEXT,
      command: {
        type: 'SubmitMinistryReport',
        reportId,
        level: scope.level,
        scopeId: scope.scopeId,
        period: period.key,
        periodEnds: period.to,
        figures,
        contentHash: hash,
        today,
      },
      metadata,
      idempotency,
    });
    const written = result.duplicate
      ? ((await this.store.readEvent(result.globalPosition))!.data as unknown as MinistryReportSubmittedV1)
      : undefined;
    return this.answer(
      result,
      written ?? { reportId, version: result.streamVersion, asOfPosition: figures.asOfPosition, contentHash: hash },
    );
  }

  private answer(
    result: Parameters<typeof commandResult>[0],
    event: Pick<MinistryReportSubmittedV1, 'reportId' | 'version' | 'asOfPosition' | 'contentHash'>,
  ): SubmitMinistryReportResult {
    return {
      reportId: event.reportId,
      version: event.version,
      asOfPosition: event.asOfPosition,
      contentHash: event.contentHash,
      ...commandResult(result),
    };
  }
}
