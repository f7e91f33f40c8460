/** The supervisor's follow-up list, in the URL: whose queue and which group (a home number links here). */
export type FollowUpGroup = 'overdue' | 'dueThisWeek' | 'upcoming';
export interface FollowUpListSearch {
  counselorId?: string;
  group?: FollowUpGroup;
}

export const GROUP_LABELS: Record<FollowUpGroup, string> = {
  overdue: '기한 지남',
  dueThisWeek: '이번 주',
  upcoming: '다가오는 일정',
};

export function followUpListSearch(search: Record<string, unknown>): FollowUpListSearch {
  const out: FollowUpListSearch = {};
  if (typeof search.counselorId === 'string' && /^[\w.@-]{1,100}$/.test(search.counselorId))
    out.counselorId = search.counselorId;
  if (search.group === 'overdue' || search.group === 'dueThisWeek' || search.group === 'upcoming')
    out.group = search.group;
  return out;
}
