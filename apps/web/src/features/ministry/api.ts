import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type NationalPicture = components['schemas']['NationalPictureResponse'];
export type RegionPicture = components['schemas']['RegionPictureResponse'];
export type RegionRow = components['schemas']['RegionRowResponse'];
export type CenterRow = components['schemas']['CenterRowResponse'];
export type Indicators = components['schemas']['IndicatorsResponse'];
export type TrendPoint = components['schemas']['TrendPointResponse'];
export type DashboardVersion = components['schemas']['DashboardVersionResponse'];
export type PeriodSummary = components['schemas']['PeriodSummaryResponse'];

export const dashboardKeys = {
  all: ['ministry-dashboard'] as const,
  periods: () => [...dashboardKeys.all, 'periods'] as const,
  nation: (period: string) => [...dashboardKeys.all, 'nation', period] as const,
  region: (region: string, period: string) => [...dashboardKeys.all, 'region', region, period] as const,
  trend: (kind: string, level: string, id?: string) => [...dashboardKeys.all, 'trend', kind, level, id ?? ''] as const,
  versions: (level: string, id: string | undefined, period: string) =>
    [...dashboardKeys.all, 'versions', level, id ?? '', period] as const,
};

export const periodsQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.periods(),
    queryFn: async () => unwrap(await api.GET('/ministry-dashboard/periods')),
  });

export const nationQuery = (period: string) =>
  queryOptions({
    queryKey: dashboardKeys.nation(period),
    queryFn: async () => unwrap(await api.GET('/ministry-dashboard/nation', { params: { query: { period } } })),
    enabled: !!period,
  });

export const regionQuery = (region: string, period: string) =>
  queryOptions({
    queryKey: dashboardKeys.region(region, period),
    queryFn: async () =>
      unwrap(
        await api.GET('/ministry-dashboard/regions/{region}', { params: { path: { region }, query: { period } } }),
      ),
    enabled: !!period,
  });

export const trendQuery = (kind: 'month' | 'quarter', level: 'nation' | 'region' | 'center', id?: string) =>
  queryOptions({
    queryKey: dashboardKeys.trend(kind, level, id),
    queryFn: async () =>
      unwrap(
        await api.GET('/ministry-dashboard/trends', { params: { query: { kind, level, ...(id ? { id } : {}) } } }),
      ),
  });

export const versionsQuery = (level: 'nation' | 'region' | 'center', id: string | undefined, period: string) =>
  queryOptions({
    queryKey: dashboardKeys.versions(level, id, period),
    queryFn: async () =>
      unwrap(
        await api.GET('/ministry-dashboard/versions', { params: { query: { level, period, ...(id ? { id } : {}) } } }),
      ),
    enabled: !!period,
  });

/** Downloads need the bearer token: fetched as a Blob, then saved through an object URL (not a plain link). */
export async function downloadTable(period: string, format: 'csv' | 'xlsx', region?: string): Promise<void> {
  const result = await api.GET('/ministry-dashboard/export', {
    params: { query: { period, format, ...(region ? { region } : {}) } },
    parseAs: 'blob',
  });
  const blob = unwrap(result) as unknown as Blob;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `성과현황-${region ?? '전국'}-${period}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
