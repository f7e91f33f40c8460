import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import type { ActivityKind } from './terms';

export type CenterActivity = components['schemas']['CenterActivityResponse'];
export type CenterActivitiesPage = components['schemas']['CenterActivitiesPageResponse'];

export const ACTIVITIES_PAGE_SIZE = 20;

export const centerKeys = {
  all: ['center-activities'] as const,
  list: (centerId: string, kind: ActivityKind, page: number) => [...centerKeys.all, centerId, kind, page] as const,
  options: (centerId: string, kind: ActivityKind) => [...centerKeys.all, centerId, kind, 'options'] as const,
};

export const activitiesQuery = (centerId: string, kind: ActivityKind, page: number) =>
  queryOptions({
    queryKey: centerKeys.list(centerId, kind, page),
    queryFn: async () =>
      unwrap(
        await api.GET('/center-activities', {
          params: { query: { centerId, kind, page, pageSize: ACTIVITIES_PAGE_SIZE, ...minPositionParam() } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The center's records of one kind to choose from in a form (e.g. the employer of an agreement). */
export const activityOptionsQuery = (centerId: string, kind: ActivityKind) =>
  queryOptions({
    queryKey: centerKeys.options(centerId, kind),
    queryFn: async () =>
      unwrap(
        await api.GET('/center-activities', {
          params: { query: { centerId, kind, pageSize: 200, ...minPositionParam() } },
        }),
      ).items,
  });

/** The center's women to pick as attendees (names are opened by the API for her center only). */
export const centerClientsQuery = (centerId: string) =>
  queryOptions({
    queryKey: ['caseload', JSON.stringify({ centerId }), 'attendee-options'],
    queryFn: async () =>
      unwrap(await api.GET('/caseload', { params: { query: { centerId, pageSize: 200, ...minPositionParam() } } }))
        .items,
    staleTime: 60_000,
  });

/** Form values → a command body: days as YYYY-MM-DD, blank text left out. */
export function toBody<T extends object>(values: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (dayjs.isDayjs(value)) out[key] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string') {
      if (value.trim()) out[key] = value.trim();
    } else out[key] = value;
  }
  return out;
}
