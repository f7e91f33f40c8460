import { ACTIVITY_KINDS, type ActivityKind } from './terms';

/** 센터 활동's view in the URL: which list, which center (a regional supervisor picks one), the page. */
export interface CenterSearch {
  kind?: ActivityKind;
  centerId?: string;
  page?: number;
}

export function centerSearch(search: Record<string, unknown>): CenterSearch {
  const out: CenterSearch = {};
  if ((ACTIVITY_KINDS as readonly unknown[]).includes(search.kind)) out.kind = search.kind as ActivityKind;
  if (typeof search.centerId === 'string' && /^[\w-]{1,64}$/.test(search.centerId)) out.centerId = search.centerId;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}
