import { ValidationFailed } from '@saeil/core';
import type { ReportPeriodFigures } from '@saeil/contracts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

function lastDayOf(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one (28, 29, 30 or 31).
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A report period from its key: `2026-03` is March 2026, `2026-Q1` January–March 2026. Days are
 * calendar days, both inclusive (the statistics port's convention).
 */
export function parseReportPeriod(key: string): ReportPeriodFigures {
  const month = MONTH.exec(key);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return { key, kind: 'month', from: `${month[1]}-${month[2]}-01`, to: lastDayOf(year, m) };
  }
  const quarter = QUARTER.exec(key);
  if (quarter) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return {
      key,
      kind: 'quarter',
      from: `${quarter[1]}-${String(first).padStart(2, '0')}-01`,
      to: lastDayOf(year, first + 2),
    };
  }
  throw new ValidationFailed([
    {
      field: 'period',
      code: 'reportPeriod',
      message: `보고 기간은 YYYY-MM (월) 또는 YYYY-Qn (분기) 형식이어야 합니다: ${key}`,
    },
  ]);
}
