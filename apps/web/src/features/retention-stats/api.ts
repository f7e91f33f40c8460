import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type RetentionStatistics = components['schemas']['RetentionStatisticsResponse'];
export type RetentionFigures = components['schemas']['RetentionFiguresResponse'];
type Level = 'center' | 'region' | 'nation';
type By = 'center' | 'region' | 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth';

export interface RetentionAsk {
  level: Level;
  id?: string;
  from: string;
  to: string;
  asOfDate: string;
  by?: By;
}

export const retentionQuery = (ask: RetentionAsk) =>
  queryOptions({
    queryKey: ['statistics', 'retention', ask] as const,
    queryFn: async () =>
      unwrap(await api.GET('/statistics/retention', { params: { query: { ...ask, ...minPositionParam() } } })),
  });

export const programsForNames = (centerId: string) =>
  queryOptions({
    queryKey: ['retention-programs', centerId] as const,
    queryFn: async () =>
      unwrap(await api.GET('/retention-programs', { params: { query: { centerId, ...minPositionParam() } } })),
  });
