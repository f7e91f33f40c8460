import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '@saeil/contracts';
import type { FundingSource } from '@saeil/contracts';

export interface FundingSourceName {
  source: FundingSource;
  /** The name Korean budgets use everywhere: 국비, 시·도비, 시·군·구비, 기타. */
  label: string;
  /**
   * What the center's own budget documents call it: 전라남도's 시·도비 is 도비 and 나주시's
   * 시·군·구비 is 시비; Seoul's are 시비 and 구비. Null where the region has no such level
   * (세종, and 제주 whose 시 are not self-governing).
   */
  localName: string | null;
}

/** Regions with one tier of local government only: no 시·군·구비. */
const SINGLE_TIER = ['세종특별자치시', '제주특별자치도'];

/**
 * The funding sources named for a center: by the kind of its 시·도 (특별시·광역시·특별자치시 → 시비,
 * 도·특별자치도 → 도비) and, when the centers directory gives it, its 시·군·구 (…시 → 시비, …군 → 군비,
 * …구 → 구비). A center whose region is unknown gets the general labels.
 */
export function fundingSourceNames(region: string | undefined, municipality?: string): FundingSourceName[] {
  const metropolitan = region !== undefined && /(특별시|광역시|특별자치시)$/.test(region);
  const province = region !== undefined && /도$/.test(region);
  const local = (source: FundingSource): string | null => {
    switch (source) {
      case 'national':
      case 'other':
        return FUNDING_SOURCE_LABELS[source];
      case 'provincial':
        return metropolitan ? '시비' : province ? '도비' : null;
      case 'municipal': {
        if (!metropolitan && !province) return null;
        if (SINGLE_TIER.includes(region as string)) return null;
        const suffix = municipality?.match(/(시|군|구)$/)?.[1];
        if (suffix) return `${suffix}비`;
        return metropolitan ? '구비' : '시·군비';
      }
    }
  };
  return FUNDING_SOURCES.map((source) => ({ source, label: FUNDING_SOURCE_LABELS[source], localName: local(source) }));
}
