import dayjs from 'dayjs';
import 'dayjs/locale/ko';
import centers from '../../../../config/centers.json';

dayjs.locale('ko');

/** 2026-03-05 or an ISO instant → "2026년 3월 5일". */
export function koreanDate(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).format('YYYY년 M월 D일');
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function daysFromToday(days: number): string {
  return dayjs().add(days, 'day').format('YYYY-MM-DD');
}

/** 만 나이 from her birth date, else from the birth year (the only part kept once she is erased). */
export function ageOf(
  birthDate: string | null | undefined,
  birthYear: number | null | undefined,
  on = dayjs(),
): string {
  if (birthDate) return `만 ${on.diff(dayjs(birthDate), 'year')}세`;
  if (birthYear) return `${on.year() - birthYear}세 무렵`;
  return '—';
}

const directory = (centers as { centers: Record<string, { name: string; level?: string; region?: string }> }).centers;

/** The center's Korean name from config/centers.json (the same directory the statistics roll up by). */
export function centerName(centerId: string | null | undefined): string {
  if (!centerId) return '—';
  return directory[centerId]?.name ?? centerId;
}

/** The center's 시·도 (config/centers.json), or undefined for a center it does not list. */
export function centerRegion(centerId: string | null | undefined): string | undefined {
  return centerId ? directory[centerId]?.region : undefined;
}

/** The basic centers of a 시·도 (a regional supervisor's reach), by name. */
export function centersOfRegion(region: string): { centerId: string; name: string }[] {
  return Object.entries(directory)
    .filter(([, c]) => c.region === region && c.level !== 'regional')
    .map(([centerId, c]) => ({ centerId, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ko'));
}
