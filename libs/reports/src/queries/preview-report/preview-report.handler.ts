import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MinistryReportFigures } from '@saeil/contracts';
import { ReportGenerator } from '../../report/report-generator';
import { PreviewReportQuery } from './preview-report.query';

@QueryHandler(PreviewReportQuery)
export class PreviewReportHandler implements IQueryHandler<PreviewReportQuery, MinistryReportFigures> {
  constructor(private readonly generator: ReportGenerator) {}

  execute({ scope, period, asOfPosition }: PreviewReportQuery): Promise<MinistryReportFigures> {
    return this.generator.generate(scope, period, asOfPosition);
  }
}
