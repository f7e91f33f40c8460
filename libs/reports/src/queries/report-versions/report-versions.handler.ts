import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { ministryReportStreamId, MinistryReportSubmittedV1 } from '@saeil/contracts';
import { EventStore } from '@saeil/event-store';
import { parseReportPeriod } from '../../domain/report-period';
import { ReportVersionsQuery } from './report-versions.query';

/** A frozen version with where it was written. */
export interface SubmittedVersion extends MinistryReportSubmittedV1 {
  /** Global position of the submission event. */
  position: number;
  recordedAt: string;
}

@QueryHandler(ReportVersionsQuery)
export class ReportVersionsHandler implements IQueryHandler<ReportVersionsQuery, SubmittedVersion[]> {
  constructor(private readonly store: EventStore) {}

  async execute({ scope, period }: ReportVersionsQuery): Promise<SubmittedVersion[]> {
    const key = parseReportPeriod(period).key;
    const streamId = ministryReportStreamId(scope.level, scope.scopeId, key);
    const events = (await this.store.readStream(streamId)).filter((e) => e.type === 'MinistryReportSubmitted');
    if (events.length === 0) throw new NotFound('제출된 보고서', streamId);
    return events.map((e) => ({
      ...(e.data as unknown as MinistryReportSubmittedV1),
      position: e.globalPosition,
      recordedAt: e.recordedAt,
    }));
  }
}
