import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MinistryReportFigures } from '@saeil/contracts';
import type { ReportExactFigures } from '../../report/build-ministry-report';
import { ReportGenerator } from '../../report/report-generator';
import { PreviewReportQuery } from './preview-report.query';

export interface PreviewAnswer {
  report: MinistryReportFigures;
  /** Only when asked for (the center's own view). */
  exact?: ReportExactFigures;
}

@QueryHandler(PreviewReportQuery)
export class PreviewReportHandler implements IQueryHandler<PreviewReportQuery, PreviewAnswer> {
  constructor(private readonly generator: ReportGenerator) {}

  async execute({ scope, period, asOfPosition, withExact }: PreviewReportQuery): Promise<PreviewAnswer> {
    if (!withExact) return { report: await this.generator.generate(scope, period, asOfPosition) };
    return this.generator.generateWithExact(scope, period, asOfPosition);
  }
}
