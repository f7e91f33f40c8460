import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrap } from '../../api/errors';

export const supervisorKeys = {
  all: ['supervisor'] as const,
  byCounselor: (centerId: string) => [...supervisorKeys.all, 'by-counselor', centerId] as const,
  noNextAction: (centerId: string) => [...supervisorKeys.all, 'no-next-action', centerId] as const,
  queue: (counselorId: string) => [...supervisorKeys.all, 'queue', counselorId] as const,
};

/** Overdue, this week's and upcoming follow-ups counted per counselor of her center. */
export const queueByCounselorQuery = (centerId: string) =>
  queryOptions({
    queryKey: supervisorKeys.byCounselor(centerId),
    queryFn: async () =>
      unwrap(
        await api.GET('/follow-ups/queue/by-counselor', { params: { query: { centerId, ...minPositionParam() } } }),
      ),
  });

/** One counselor's follow-up queue (a supervisor reads her center's counselors'). */
export const counselorQueueQuery = (counselorId: string) =>
  queryOptions({
    queryKey: supervisorKeys.queue(counselorId),
    queryFn: async () =>
      unwrap(await api.GET('/follow-ups/queue', { params: { query: { counselorId, ...minPositionParam() } } })),
  });

export const NO_NEXT_ACTION_SCAN = 200;

/**
 * Open cases not yet employed without a next action. The caseload has no such filter: the 200 cases she looked
 * at least recently (sort=lastContact) are read and those without one kept — the ones most likely
 * to have slipped. The screen says it looked at no more than 200.
 */
export const noNextActionQuery = (centerId: string) =>
  queryOptions({
    queryKey: supervisorKeys.noNextAction(centerId),
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/caseload', {
          params: { query: { centerId, sort: 'lastContact', pageSize: NO_NEXT_ACTION_SCAN, ...minPositionParam() } },
        }),
      );
      // employed or closed: her next action ended on purpose (the follow-ups take over), nothing slipped
      const open = page.items.filter((c) => !c.nextAction && c.status !== 'closed' && c.status !== 'employed');
      return { scanned: page.items.length, total: page.total, items: open };
    },
  });
