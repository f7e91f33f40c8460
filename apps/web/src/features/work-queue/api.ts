import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrapAs } from '../../api/errors';
import type { CaseloadPage, FollowUpQueue } from '../../api/schemas';
import { daysFromToday } from '../../components/format';

export const workQueueKeys = {
  all: ['work-queue'] as const,
  followUps: (counselorId: string) => [...workQueueKeys.all, 'follow-ups', counselorId] as const,
  newlyAssigned: (counselorId: string) => [...workQueueKeys.all, 'newly-assigned', counselorId] as const,
  nextActions: (counselorId: string) => [...workQueueKeys.all, 'next-actions', counselorId] as const,
};

export const followUpQueueQuery = (counselorId: string) =>
  queryOptions({
    queryKey: workQueueKeys.followUps(counselorId),
    queryFn: async () =>
      unwrapAs<FollowUpQueue>(
        await api.GET('/follow-ups/queue', { params: { query: { counselorId, ...minPositionParam() } } }),
      ),
  });

/** Cases still at 접수 (no counseling yet): assigned to her and waiting for a first contact. */
export const newlyAssignedQuery = (counselorId: string) =>
  queryOptions({
    queryKey: workQueueKeys.newlyAssigned(counselorId),
    queryFn: async () =>
      unwrapAs<CaseloadPage>(
        await api.GET('/caseload', {
          params: { query: { counselorId, status: 'intake', sort: 'registered', pageSize: 10, ...minPositionParam() } },
        }),
      ),
  });

/** Next actions due within a week (and those already past), soonest first. */
export const nextActionsQuery = (counselorId: string) =>
  queryOptions({
    queryKey: workQueueKeys.nextActions(counselorId),
    queryFn: async () =>
      unwrapAs<CaseloadPage>(
        await api.GET('/caseload', {
          params: {
            query: {
              counselorId,
              nextActionDueBefore: daysFromToday(7),
              sort: 'nextActionDue',
              pageSize: 20,
              ...minPositionParam(),
            },
          },
        }),
      ),
  });
