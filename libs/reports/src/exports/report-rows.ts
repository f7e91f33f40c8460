import { LABELLED_CODES, labelOf } from '@saeil/contracts';
import type {
  LabelledEnumeration,
  MinistryReportFigures,
  MinistryRetentionBreakdown,
  MinistryRetentionFigures,
  SuppressedFigure,
} from '@saeil/contracts';

type Figure = number | string | null | SuppressedFigure;

/** One line of the CSV and XLSX exports: 구분 / 항목 / 세부 / 값 (and, for a center's own staff, her exact figure beside it). */
export interface ReportRow {
  section: string;
  item: string;
  detail: string;
  value: Figure;
  /** The exact figure (the center's own view); absent in what the Ministry sees. */
  exact?: Figure;
}

export const REPORT_HEADERS = ['구분', '항목', '세부', '값'] as const;
/** The center's own view: what the Ministry will see, and her exact figure, each column saying which it is. */
export const REPORT_HEADERS_WITH_EXACT = [
  '구분',
  '항목',
  '세부',
  '값 (성평등가족부 제출)',
  '센터 실제 값 (센터 내부용)',
] as const;

/** Names the report's ids stand for: a center id → its name in config/centers.json. */
export interface ReportNames {
  centerName(centerId: string): string | undefined;
}
const NO_NAMES: ReportNames = { centerName: () => undefined };
/** How a suppressed figure reads in an export (the number is never there). */
export const SUPPRESSED_TEXT = '비공개';
/** How a rate without a denominator reads (no one to measure: not 0 %). */
export const NOT_APPLICABLE_TEXT = '-';

/** A frozen version's facts, shown at the top of its export. */
export interface SubmissionFacts {
  version: number;
  submittedOn: string;
  contentHash: string;
}

const LEVEL_NAMES = { center: '센터', region: '시·도', nation: '전국' } as const;

const RETENTION_ITEMS: Array<[keyof MinistryRetentionFigures, string]> = [
  ['eligible', '대상자'],
  ['sameEmployer', '동일 사업장 고용유지'],
  ['otherEmployer', '타 사업장 취업'],
  ['notEmployed', '미취업'],
  ['unreachable', '연락두절'],
  ['unverified', '미확인'],
  ['retentionRate', '고용유지율(%)'],
  ['anyEmployerRate', '취업유지율(전체 사업장, %)'],
  ['unverifiedShare', '미확인 비율(%)'],
];

const DIMENSION_NAMES = {
  center: '센터별',
  region: '시·도별',
  program: '사후관리 프로그램별',
  employmentType: '고용형태별',
  occupationGroup: '직종별',
  placementMonth: '취업월별',
} as const;

function retentionRows(section: string, detail: string, milestones: readonly MinistryRetentionFigures[]): ReportRow[] {
  return milestones.flatMap((m) =>
    RETENTION_ITEMS.map(([field, name]) => ({
      section,
      item: `${m.n}개월 ${name}`,
      detail,
      value: m[field] as ReportRow['value'],
    })),
  );
}

/** In the enumeration's own order (정규직, 계약직, …), codes it does not know after them; each labelled. */
function recordRows(
  section: string,
  item: string,
  record: Record<string, number | SuppressedFigure>,
  enumeration: LabelledEnumeration,
): ReportRow[] {
  const known = LABELLED_CODES[enumeration].filter((code) => code in record);
  const others = Object.keys(record)
    .filter((code) => !known.includes(code))
    .sort();
  return [...known, ...others].map((code) => ({
    section,
    item,
    detail: labelOf(enumeration, code),
    value: record[code],
  }));
}

/** What a breakdown row's key stands for, in words: a center's name, a 고용형태, a month. */
function breakdownLabel(dimension: MinistryRetentionBreakdown['dimension'], key: string, names: ReportNames): string {
  switch (dimension) {
    case 'center':
      return names.centerName(key) ?? key;
    case 'region':
      return key;
    case 'program':
      return key === 'none' ? '사후관리 프로그램 없음' : `사후관리 프로그램 ${key}`;
    case 'employmentType':
      return labelOf('employmentType', key);
    case 'occupationGroup':
      return labelOf('occupationGroup', key);
    case 'placementMonth': {
      const month = /^(\d{4})-(\d{2})$/.exec(key);
      return month ? `${month[1]}년 ${Number(month[2])}월` : key;
    }
    default: {
      const _exhaustive: never = dimension;
      return _exhaustive;
    }
  }
}

/**
 * The report as rows, in a fixed order, with Korean labels: what the CSV and XLSX exports write.
 * A figure keeps its published form here (suppressed stays suppressed); the writers decide how
 * it reads.
 */
export function reportRows(
  report: MinistryReportFigures,
  submission?: SubmissionFacts,
  names: ReportNames = NO_NAMES,
): ReportRow[] {
  const info = '보고서 정보';
  const scopeName =
    report.scopeId === null
      ? '전국'
      : report.level === 'center'
        ? (names.centerName(report.scopeId) ?? report.scopeId)
        : report.scopeId;
  const rows: ReportRow[] = [
    { section: info, item: '보고 수준', detail: '', value: LEVEL_NAMES[report.level] },
    { section: info, item: '대상', detail: '', value: scopeName },
    {
      section: info,
      item: '보고 기간',
      detail: report.period.kind === 'month' ? '월' : '분기',
      value: `${report.period.key} (${report.period.from} ~ ${report.period.to})`,
    },
    // The number a report is regenerated as of (asOfPosition): the same number gives the same figures.
    { section: info, item: '기준 시점', detail: '기록 번호', value: report.asOfPosition },
    { section: info, item: '고용유지 기준일', detail: '', value: report.asOfDate },
    {
      section: info,
      item: '고용유지 집계 대상',
      detail: '',
      value:
        report.retentionCohort === 'milestone_date' ? '기간 중 도래한 1·2·3개월 사후관리 시점' : '기간 중 취업한 사람',
    },
    { section: info, item: '비공개 기준 (명 미만)', detail: '', value: report.suppressionThreshold },
  ];
  if (submission) {
    rows.push(
      { section: info, item: '제출 판', detail: '', value: submission.version },
      { section: info, item: '제출일', detail: '', value: submission.submittedOn },
      { section: info, item: '내용 해시 (SHA-256)', detail: '', value: submission.contentHash },
    );
  }
  rows.push(...retentionRows('고용유지 (사후관리)', '전체', report.retention));
  for (const breakdown of report.retentionBreakdowns) {
    for (const row of breakdown.rows)
      rows.push(
        ...retentionRows(
          `고용유지 (${DIMENSION_NAMES[breakdown.dimension]})`,
          breakdownLabel(breakdown.dimension, row.key, names),
          row.milestones,
        ),
      );
  }

  const e = report.employment;
  const work = '취업';
  rows.push(
    { section: work, item: '구직등록 인원', detail: '', value: e.clientsRegistered },
    { section: work, item: '취업자 수', detail: '', value: e.employedClients },
    { section: work, item: '취업 건수', detail: '', value: e.placements },
    ...recordRows(work, '고용형태별 취업 건수', e.placementsByEmploymentType, 'employmentType'),
    ...recordRows(work, '직종별 취업 건수', e.placementsByOccupationGroup, 'occupationGroup'),
    ...recordRows(work, '임금대별 취업 건수', e.placementsByWageBand, 'wageBand'),
    ...recordRows(work, '경로별 취업 건수', e.placementsByChannel, 'placementChannel'),
    { section: work, item: '직업교육훈련 수료 인원', detail: '', value: e.trainingCompleters },
    { section: work, item: '수료 후 취업 인원', detail: '', value: e.trainingCompletersEmployed },
    { section: work, item: '수료 후 취업률(%)', detail: '', value: e.trainingEmploymentRate },
    { section: work, item: '새일여성인턴 정규직 전환', detail: '', value: e.internshipConversions },
    { section: work, item: '창업 건수', detail: '', value: e.startups },
  );

  const a = report.activity;
  const act = '활동';
  rows.push(
    ...recordRows(act, '경로별 개별상담 건수', a.counselingSessionsByChannel, 'counselingChannel'),
    { section: act, item: '집단상담 참여 연인원', detail: '', value: a.groupProgramAttendances },
    { section: act, item: '찾아가는 이동상담 횟수', detail: '', value: a.outreachEvents },
    { section: act, item: '찾아가는 이동상담 참여 인원', detail: '', value: a.outreachContacts },
    { section: act, item: '협약 체결 건수', detail: '', value: a.agreementsSigned },
    ...recordRows(act, '유형별 협약 체결 건수', a.agreementsByKind, 'agreementKind'),
    { section: act, item: '협의체 회의 개최 횟수', detail: '', value: a.councilMeetings },
    { section: act, item: '취업박람회 개최 횟수', detail: '', value: a.jobFairs },
    { section: act, item: '사후관리 수혜자 수', detail: '', value: a.retentionBeneficiaries },
  );

  for (const plan of report.kpi) {
    const section = `성과지표 (${names.centerName(plan.centerId) ?? plan.centerId})`;
    for (const i of plan.indicators) {
      const item = `${plan.name} · ${i.name} (${i.unit})`;
      rows.push(
        { section, item, detail: '목표 (전체 기간)', value: i.termTarget },
        { section, item, detail: '실적 (누적)', value: i.actual },
        { section, item, detail: '달성률(%)', value: i.achievement },
      );
      if (i.weight !== undefined) rows.push({ section, item, detail: '가중치', value: i.weight });
    }
    rows.push({ section, item: plan.name, detail: '종합 달성률(%)', value: plan.overall });
  }
  return rows;
}

/**
 * The center's own view: each row of what the Ministry will see with her exact figure beside it.
 * Both reports are rowed the same way, so a row is matched by its 구분, 항목 and 세부.
 */
export function reportRowsWithExact(
  published: MinistryReportFigures,
  exact: MinistryReportFigures,
  names: ReportNames = NO_NAMES,
): ReportRow[] {
  const key = (r: ReportRow) => `${r.section}\u0000${r.item}\u0000${r.detail}`;
  const exactByKey = new Map(reportRows(exact, undefined, names).map((r) => [key(r), r.value]));
  return reportRows(published, undefined, names).map((r) => ({
    ...r,
    exact: exactByKey.has(key(r)) ? exactByKey.get(key(r))! : r.value,
  }));
}

/** Whether the rows are the center's own view (a fifth column). */
export const withExact = (rows: readonly ReportRow[]): boolean => rows.some((r) => r.exact !== undefined);

/** The text a figure shows as in an export cell (numbers stay numbers for XLSX). */
export function exportCell(value: ReportRow['value']): number | string {
  if (value === null) return NOT_APPLICABLE_TEXT;
  if (typeof value === 'object') return SUPPRESSED_TEXT;
  return value;
}
