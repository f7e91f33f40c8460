import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { ApiError, unwrap, unwrapAs } from '../../api/errors';
import type { components } from '../../api/schema';
import type { CaseloadPage, FollowUpQueue, TimelinePage } from '../../api/schemas';

type Schemas = components['schemas'];
export type CounselingSessionPage = Schemas['CounselingSessionPageResponse'];
export type EmploymentPlanView = Schemas['EmploymentPlanViewResponse'];
export type PlacementHistory = Schemas['PlacementHistoryResponse'];
export type Placement = Schemas['PlacementResponse'];
export type Course = Schemas['CourseResponse'];

export const caseKeys = {
  all: ['case'] as const,
  /** Everything of her case: what a command on it invalidates. */
  client: (clientId: string) => [...caseKeys.all, clientId] as const,
  summary: (clientId: string) => [...caseKeys.client(clientId), 'summary'] as const,
  timeline: (clientId: string) => [...caseKeys.client(clientId), 'timeline'] as const,
  sessions: (clientId: string) => [...caseKeys.client(clientId), 'sessions'] as const,
  plan: (clientId: string) => [...caseKeys.client(clientId), 'plan'] as const,
  placements: (clientId: string) => [...caseKeys.client(clientId), 'placements'] as const,
  followUps: (clientId: string, counselorId: string) =>
    [...caseKeys.client(clientId), 'follow-ups', counselorId] as const,
  course: (courseId: string) => [...caseKeys.all, 'course', courseId] as const,
  retentionPrograms: (centerId: string) => [...caseKeys.all, 'retention-programs', centerId] as const,
};

/** What a command on her case changes: her case page, the work queue and the caseload. */
export const caseCommandInvalidates = (clientId: string): QueryKey[] => [
  caseKeys.client(clientId),
  ['work-queue'],
  ['caseload'],
];

/** Her case header: her caseload row (the API answers it only within the caller's reach). */
export const caseSummaryQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.summary(clientId),
    queryFn: async () => {
      const page = unwrapAs<CaseloadPage>(
        await api.GET('/caseload', { params: { query: { clientId, ...minPositionParam() } } }),
      );
      return page.items[0] ?? null;
    },
  });

export const caseTimelineQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.timeline(clientId),
    queryFn: async () =>
      unwrapAs<TimelinePage>(
        await api.GET('/cases/{clientId}/timeline', {
          params: { path: { clientId }, query: { pageSize: 100, ...minPositionParam() } },
        }),
      ),
  });

/** Her sessions are read from her counseling stream: always up to date, no minPosition needed. */
export const counselingSessionsQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.sessions(clientId),
    queryFn: async () =>
      unwrap(
        await api.GET('/clients/{clientId}/counseling-sessions', {
          params: { path: { clientId }, query: { pageSize: 50 } },
        }),
      ),
  });

/** Her plan, or null before one is set (the API answers 404 then). */
export const employmentPlanQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.plan(clientId),
    queryFn: async (): Promise<EmploymentPlanView | null> => {
      try {
        return unwrap(await api.GET('/clients/{clientId}/employment-plan', { params: { path: { clientId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code !== 'ACCESS_DENIED') return null;
        throw error;
      }
    },
  });

export const placementsQuery = (clientId: string) =>
  queryOptions({
    queryKey: caseKeys.placements(clientId),
    queryFn: async () => unwrap(await api.GET('/clients/{clientId}/placements', { params: { path: { clientId } } })),
  });

/** Her follow-ups still owed, from her counselor's queue (the milestones with their windows). */
export const caseFollowUpsQuery = (clientId: string, counselorId: string) =>
  queryOptions({
    queryKey: caseKeys.followUps(clientId, counselorId),
    queryFn: async () => {
      const queue = unwrapAs<FollowUpQueue>(
        await api.GET('/follow-ups/queue', { params: { query: { counselorId, ...minPositionParam() } } }),
      );
      const mine = (items: FollowUpQueue['overdue']) => items.filter((item) => item.clientId === clientId);
      return [
        ...mine(queue.overdue).map((item) => ({ ...item, overdue: true })),
        ...mine(queue.dueThisWeek).map((item) => ({ ...item, overdue: false })),
        ...mine(queue.upcoming).map((item) => ({ ...item, overdue: false })),
      ];
    },
  });

export const courseQuery = (courseId: string) =>
  queryOptions({
    queryKey: caseKeys.course(courseId),
    queryFn: async () => unwrap(await api.GET('/courses/{courseId}', { params: { path: { courseId } } })),
    enabled: courseId.length > 0,
  });

/** Her center's 사후관리 프로그램 (newest period first): what a follow-up or a benefit counts toward. */
export const retentionProgramsQuery = (centerId: string) =>
  queryOptions({
    queryKey: caseKeys.retentionPrograms(centerId),
    queryFn: async () =>
      unwrap(await api.GET('/retention-programs', { params: { query: { centerId, ...minPositionParam() } } })),
    staleTime: 60_000,
  });
