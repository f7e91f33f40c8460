import type { CaseStatus } from '../../api/schemas';
import { STAGES } from '../../components/domain-terms';

/** 내 사례's view, all in the URL (a link reproduces it): each part is a removable chip. */
export interface CaseloadSearch {
  status?: CaseStatus;
  q?: string;
  /** Next action due: already past ('overdue') or within 7 days ('week'). */
  due?: 'overdue' | 'week';
  sort?: 'registered' | 'lastContact' | 'nextActionDue';
  page?: number;
  /** A regional supervisor's choice of a center of her region (others see their own). */
  centerId?: string;
}

const SORTS = ['registered', 'lastContact', 'nextActionDue'] as const;

/** A hand-edited or stale URL never breaks the screen: what is not understood is dropped. */
export function caseloadSearch(search: Record<string, unknown>): CaseloadSearch {
  const out: CaseloadSearch = {};
  if (STAGES.some((s) => s.status === search.status)) out.status = search.status as CaseStatus;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.trim().slice(0, 50);
  if (typeof search.q === 'number') out.q = String(search.q);
  if (search.due === 'overdue' || search.due === 'week') out.due = search.due;
  if ((SORTS as readonly unknown[]).includes(search.sort)) out.sort = search.sort as CaseloadSearch['sort'];
  if (typeof search.centerId === 'string' && /^[\w-]{1,64}$/.test(search.centerId)) out.centerId = search.centerId;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}
