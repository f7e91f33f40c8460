import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrapAs } from '../../api/errors';
import type { CaseloadPage, TimelinePage } from '../../api/schemas';

export const caseKeys = {
  all: ['case'] as const,
  summary: (clientId: string) => [...caseKeys.all, clientId, 'summary'] as const,
  timeline: (clientId: string) => [...caseKeys.all, clientId, 'timeline'] as const,
};

/** Her case header: her caseload row (the API answers it only within the caller's reach). */
export const caseSummaryQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.summary(clientId),
    queryFn: async () => {
      const page = unwrapAs<CaseloadPage>(await api.GET('/caseload', { params: { query: { clientId, ...minPositionParam() } } }))
      return page.items[0] ?? null;
    },
  });

export const caseTimelineQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.timeline(clientId),
    queryFn: async () =>
      unwrapAs<TimelinePage>(await api.GET('/cases/{clientId}/timeline', { params: { path: { clientId }, query: { pageSize: 100, ...minPositionParam() } } }))
  });
