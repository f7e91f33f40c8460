import dayjs from 'dayjs';

/** Korean words for the statistics' keys (libs/contracts: employment types, KECO 대분류). */
export const EMPLOYMENT_TYPE_NAMES: Record<string, string> = {
  regular: '정규직',
  contract: '계약직',
  part_time: '시간제',
  daily: '일용직',
  other: '기타',
};

export const OCCUPATION_GROUP_NAMES: Record<string, string> = {
  '0': '경영·사무·금융·보험직',
  '1': '연구직 및 공학기술직',
  '2': '교육·법률·사회복지·경찰·소방직 및 군인',
  '3': '보건·의료직',
  '4': '예술·디자인·방송·스포츠직',
  '5': '미용·여행·숙박·음식·경비·청소직',
  '6': '영업·판매·운전·운송직',
  '7': '건설·채굴직',
  '8': '설치·정비·생산직',
  '9': '농림어업직',
};

export const FUNDING_SOURCE_NAMES: Record<string, string> = {
  national: '국비',
  provincial: '시·도비',
  municipal: '시·군·구비',
  other: '기타',
  unsplit: '재원 구분 없음',
};

/** '2026-03' → '2026년 3월'; '2026-Q1' → '2026년 1분기'. */
export function periodLabel(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}년 ${quarter[2]}분기`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}년 ${Number(month[2])}월`;
  return key;
}

/** The last whole month before today ('2026-11' in December 2026): the month a report is due for. */
export function lastMonth(on = dayjs()): string {
  return on.subtract(1, 'month').format('YYYY-MM');
}

export function isReportPeriod(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(value);
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();
}
