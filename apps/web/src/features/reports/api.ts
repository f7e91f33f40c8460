import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { ApiError, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type ReportLevel = 'center' | 'region';
export type MinistryReport = components['schemas']['MinistryReportResponse'];
export type ReportVersion = components['schemas']['ReportVersionResponse'];

export interface ReportScope {
  level: ReportLevel;
  id: string;
}

export const reportKeys = {
  all: ['ministry-reports'] as const,
  preview: (scope: ReportScope, period: string) => [...reportKeys.all, 'preview', scope, period] as const,
  versions: (scope: ReportScope, period: string) => [...reportKeys.all, 'versions', scope, period] as const,
};

export const previewQuery = (scope: ReportScope, period: string) =>
  queryOptions({
    queryKey: reportKeys.preview(scope, period),
    queryFn: async () =>
      unwrap(
        await api.GET('/ministry-reports/{level}/{period}', {
          params: { path: { level: scope.level, period }, query: { id: scope.id } },
        }),
      ) as MinistryReport,
  });

export const versionsQuery = (scope: ReportScope, period: string) =>
  queryOptions({
    queryKey: reportKeys.versions(scope, period),
    queryFn: async () =>
      unwrap(
        await api.GET('/ministry-reports/{level}/{period}/versions', {
          params: { path: { level: scope.level, period }, query: { id: scope.id } },
        }),
      ) as ReportVersion[],
  });

/** Her center's own figures for the same period and as-of position: exact (a supervisor reads her center unsuppressed). */
export const exactRetentionQuery = (centerId: string, report: MinistryReport) =>
  queryOptions({
    queryKey: ['statistics', 'retention', 'exact', centerId, report.period.key, report.asOfPosition] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/statistics/retention', {
          params: {
            query: {
              level: 'center',
              id: centerId,
              from: report.period.from,
              to: report.period.to,
              asOfDate: report.asOfDate,
              asOfPosition: report.asOfPosition,
              cohort: report.retentionCohort,
              ...minPositionParam(),
            },
          },
        }),
      ),
  });

export const exactEmploymentQuery = (centerId: string, report: MinistryReport) =>
  queryOptions({
    queryKey: ['statistics', 'employment', 'exact', centerId, report.period.key, report.asOfPosition] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/statistics/employment', {
          params: {
            query: {
              level: 'center',
              id: centerId,
              from: report.period.from,
              to: report.period.to,
              asOfPosition: report.asOfPosition,
              ...minPositionParam(),
            },
          },
        }),
      ),
  });

export async function submitReport(scope: ReportScope, period: string, asOfPosition: number, idempotencyKey: string) {
  return unwrap(
    await api.POST('/ministry-reports/{level}/{period}/submissions', {
      params: {
        path: { level: scope.level, period },
        query: { id: scope.id },
        header: { 'Idempotency-Key': idempotencyKey },
      },
      body: { asOfPosition },
    }),
  );
}

export type FileFormat = 'csv' | 'xlsx';

/** A report file (the preview, or a submitted version) with the reason the 접속기록 records; saved through a Blob (the request needs her token). */
export async function downloadReport(
  scope: ReportScope,
  period: string,
  format: FileFormat,
  reason: string,
  version?: number,
): Promise<void> {
  const query = { id: scope.id, format, reason };
  const result =
    version === undefined
      ? await api.GET('/ministry-reports/{level}/{period}', {
          params: { path: { level: scope.level, period }, query },
          parseAs: 'blob',
        })
      : await api.GET('/ministry-reports/{level}/{period}/versions/{version}', {
          params: { path: { level: scope.level, period, version }, query },
          parseAs: 'blob',
        });
  if (!result.response.ok) unwrap(result);
  const blob = result.data as unknown as Blob;
  if (!(blob instanceof Blob)) throw new ApiError(500, 'NO_FILE', '파일을 받지 못했습니다. 다시 시도하세요.');
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const filename = named
    ? decodeURIComponent(named)
    : `saeil-report-${scope.id}-${period}${version ? `-v${version}` : ''}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
