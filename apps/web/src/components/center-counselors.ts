import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Principal } from '../api/session';

/**
 * The counselor accounts a form may name (counselorId is an account): she herself first, then her
 * center's counselors who carry follow-ups, with their names — read without opening any woman's
 * data. A colleague with no follow-up yet is not listed (staff cannot list accounts).
 */
export function useCenterCounselorOptions(principal: Principal | null | undefined): { value: string; label: string }[] {
  const centerId = principal?.centerId;
  const colleagues = useQuery({
    queryKey: ['center-counselors', centerId],
    enabled: Boolean(centerId),
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/follow-ups/queue/by-counselor', { params: { query: { centerId: centerId! } } })),
  });
  if (!principal) return [];
  return [
    { value: principal.accountId, label: `${principal.displayName} (나)` },
    ...(colleagues.data?.counselors ?? [])
      .filter((c) => c.counselorId !== principal.accountId)
      .map((c) => ({ value: c.counselorId, label: c.counselorName ?? c.counselorId })),
  ];
}
