import type { Indicators } from './api';

/** A figure as the API gives it: a number, null (nothing to count) or suppressed. */
export type Cell = number | null | { suppressed: true } | undefined;

export const isSuppressed = (c: Cell): c is { suppressed: true } =>
  typeof c === 'object' && c !== null && c.suppressed === true;

/** Never 0 for a hidden cell: the words say it is hidden and why. */
export const SUPPRESSED_TEXT = '비공개 (5명 미만)';

export const METRICS = [
  { key: 'clientsRegistered', label: '구직 등록', unit: 'count' },
  { key: 'employedClients', label: '취업자', unit: 'count' },
  { key: 'placements', label: '취업 건수', unit: 'count' },
  { key: 'retention1', label: '1개월 고용유지율', unit: 'rate' },
  { key: 'retention2', label: '2개월 고용유지율', unit: 'rate' },
  { key: 'retention3', label: '3개월 고용유지율', unit: 'rate' },
  { key: 'trainingEmploymentRate', label: '훈련 후 취업률', unit: 'rate' },
  { key: 'kpiAchievement', label: '성과지표 달성률', unit: 'rate' },
] as const;
export type MetricKey = (typeof METRICS)[number]['key'];

export function metricOf(indicators: Indicators | null | undefined, metric: MetricKey): Cell {
  if (!indicators) return undefined;
  switch (metric) {
    case 'retention1':
      return indicators.retention[0]?.rate as Cell;
    case 'retention2':
      return indicators.retention[1]?.rate as Cell;
    case 'retention3':
      return indicators.retention[2]?.rate as Cell;
    default:
      return indicators[metric] as Cell;
  }
}

export const metricLabel = (metric: MetricKey) => METRICS.find((m) => m.key === metric)!.label;
const isRate = (metric: MetricKey) => METRICS.find((m) => m.key === metric)!.unit === 'rate';

/** "61.0%", "1,204명" / "1,204건", "비공개 (5명 미만)", "—" (nothing to count), "미제출" (no report). */
export function formatMetric(cell: Cell, metric: MetricKey): string {
  if (cell === undefined) return '미제출';
  if (isSuppressed(cell)) return SUPPRESSED_TEXT;
  if (cell === null) return '—';
  if (isRate(metric)) return `${cell.toFixed(1)}%`;
  return `${cell.toLocaleString('ko-KR')}${metric === 'placements' ? '건' : '명'}`;
}

/** For sorting a ranked table: numbers first (largest first), then suppressed, then nothing. */
export function rankValue(cell: Cell): number {
  if (typeof cell === 'number') return cell;
  if (isSuppressed(cell)) return -1;
  return -2;
}

export const SOURCE_TEXT: Record<string, string> = {
  report: '자체 보고',
  sumOfCenters: '센터 보고 합산',
  sumOfRegions: '시·도 합산',
  none: '미제출',
};

/** `2026-03` → 2026년 3월, `2026-Q1` → 2026년 1분기. */
export function periodLabel(period: string): string {
  const [year, part] = period.split('-');
  return part.startsWith('Q') ? `${year}년 ${part.slice(1)}분기` : `${year}년 ${Number(part)}월`;
}
