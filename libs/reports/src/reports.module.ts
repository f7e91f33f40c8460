import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { REPORTS_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { ministryStatsReactor } from './feed/ministry-stats.reactor';
import { PreviewReportController } from './queries/preview-report/preview-report.controller';
import { PreviewReportHandler } from './queries/preview-report/preview-report.handler';
import { ReportVersionsController } from './queries/report-versions/report-versions.controller';
import { ReportVersionsHandler } from './queries/report-versions/report-versions.handler';
import { ReportGenerator } from './report/report-generator';
import { submitMinistryReport } from './submit-report/submit-ministry-report.command';
import { SubmitMinistryReportController } from './submit-report/submit-ministry-report.controller';
import { SubmitMinistryReportHandler } from './submit-report/submit-ministry-report.handler';

/**
 * The Ministry report (성과 보고). Figures come only through the StatisticsSource and KpiSource
 * ports, which the statistics and KPI modules provide (exported or global).
 */
@Module({
  imports: [CqrsModule],
  // The versions routes before the preview's `:level/:period`, which would not match them anyway (one more segment).
  controllers: [ReportVersionsController, SubmitMinistryReportController, PreviewReportController],
  providers: [ReportGenerator, SubmitMinistryReportHandler, PreviewReportHandler, ReportVersionsHandler],
})
export class ReportsModule {}

export const reportsModule: SaeilModuleDefinition = {
  name: 'reports',
  contexts: [REPORTS_CONTEXT],
  migrations: [],
  projections: [],
  // In the worker: publishes each submitted report to saeil.ministry.stats.v1 (Kafka mode).
  reactors: [ministryStatsReactor],
  commands: [submitMinistryReport],
  nestModule: ReportsModule,
};
