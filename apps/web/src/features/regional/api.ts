import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrap } from '../../api/errors';

type Level = 'center' | 'region';

export const centersQuery = (region: string) =>
  queryOptions({
    queryKey: ['statistics', 'centers', region] as const,
    queryFn: async () =>
      unwrap(await api.GET('/statistics/centers', { params: { query: { level: 'region', id: region } } })),
  });

export const employmentQuery = (level: Level, id: string, from: string, to: string, by?: 'center') =>
  queryOptions({
    queryKey: ['statistics', 'employment', level, id, from, to, by] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/statistics/employment', {
          params: { query: { level, id, from, to, ...(by ? { by } : {}), ...minPositionParam() } },
        }),
      ),
  });
