import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrapAs } from '../../api/errors';
import type { CaseloadPage } from '../../api/schemas';
import { daysFromToday } from '../../components/format';
import type { CaseloadSearch } from './caseload-search';

export const CASELOAD_PAGE_SIZE = 20;

export const caseloadKeys = {
  all: ['caseload'] as const,
  list: (owner: string, search: CaseloadSearch) => [...caseloadKeys.all, owner, search] as const,
};

/** A counselor sees her own cases; a supervisor her center's. */
export type CaseloadOwner = { counselorId: string } | { centerId: string };

export const caseloadQuery = (owner: CaseloadOwner, search: CaseloadSearch) =>
  queryOptions({
    queryKey: caseloadKeys.list(JSON.stringify(owner), search),
    queryFn: async () =>
      unwrapAs<CaseloadPage>(
        await api.GET('/caseload', {
          params: {
            query: {
              ...owner,
              status: search.status,
              q: search.q,
              nextActionDueBefore:
                search.due === 'overdue' ? daysFromToday(-1) : search.due === 'week' ? daysFromToday(7) : undefined,
              sort: search.sort,
              page: search.page ?? 1,
              pageSize: CASELOAD_PAGE_SIZE,
              ...minPositionParam(),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
