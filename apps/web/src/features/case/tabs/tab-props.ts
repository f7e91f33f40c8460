import type { CaseloadItem, TimelineEntry } from '../../../api/schemas';
import type { CaseSearch } from '../case-search';

/** What every tab of the case page gets: her case, the URL's view of it, and her timeline. */
export interface CaseTabProps {
  clientId: string;
  summary: CaseloadItem;
  search: CaseSearch;
  setSearch: (next: CaseSearch) => void;
  timeline: TimelineEntry[];
}
