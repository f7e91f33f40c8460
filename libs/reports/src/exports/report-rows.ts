import type { MinistryReportFigures, MinistryRetentionFigures, SuppressedFigure } from '@saeil/contracts';

/** One line of the CSV and XLSX exports: 구분 / 항목 / 세부 / 값. */
export interface ReportRow {
  section: string;
  item: string;
  detail: string;
  value: number | string | null | SuppressedFigure;
}

export const REPORT_HEADERS = ['구분', '항목', '세부', '값'] as const;
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
  return milestones.flatMap((m) => RETENTION_ITEMS.map(([field, name]) => ({ section, item: `${m.n}개월 ${name}`, detail, value: m[field] as ReportRow['value'] })));
}

function recordRows(section: string, item: string, record: Record<string, number | SuppressedFigure>): ReportRow[] {
  return Object.keys(record)
    .sort()
    .map((key) => ({ section, item, detail: key, value: record[key] }));
}

/**
 * The report as rows, in a fixed order, with Korean labels: what the CSV and XLSX exports write.
 * A figure keeps its published form here (suppressed stays suppressed); the writers decide how
 * it reads.
 */
export function reportRows(report: MinistryReportFigures, submission?: SubmissionFacts): ReportRow[] {
  const info = '보고서 정보';
  const rows: ReportRow[] = [
    { section: info, item: '보고 수준', detail: '', value: LEVEL_NAMES[report.level] },
    { section: info, item: '대상', detail: '', value: report.scopeId ?? '전국' },
    { section: info, item: '보고 기간', detail: report.period.kind === 'month' ? '월' : '분기', value: `${report.period.key} (${report.period.from} ~ ${report.period.to})` },
    { section: info, item: '기준 위치 (이벤트 저장소)', detail: '', value: report.asOfPosition },
    { section: info, item: '고용유지 기준일', detail: '', value: report.asOfDate },
    { section: info, item: '고용유지 집계 대상', detail: '', value: report.retentionCohort === 'milestone_date' ? '기간 중 도래한 1·2·3개월 사후관리 시점' : '기간 중 취업한 사람' },
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
    for (const row of breakdown.rows) rows.push(...retentionRows(`고용유지 (${DIMENSION_NAMES[breakdown.dimension]})`, row.key, row.milestones));
  }

  const e = report.employment;
  const work = '취업';
  rows.push(
    { section: work, item: '구직등록 인원', detail: '', value: e.clientsRegistered },
    { section: work, item: '취업자 수', detail: '', value: e.employedClients },
    { section: work, item: '취업 건수', detail: '', value: e.placements },
    ...recordRows(work, '고용형태별 취업 건수', e.placementsByEmploymentType),
    ...recordRows(work, '직종별 취업 건수', e.placementsByOccupationGroup),
    ...recordRows(work, '임금대별 취업 건수', e.placementsByWageBand),
    ...recordRows(work, '경로별 취업 건수', e.placementsByChannel),
    { section: work, item: '직업교육훈련 수료 인원', detail: '', value: e.trainingCompleters },
    { section: work, item: '수료 후 취업 인원', detail: '', value: e.trainingCompletersEmployed },
    { section: work, item: '수료 후 취업률(%)', detail: '', value: e.trainingEmploymentRate },
    { section: work, item: '새일여성인턴 정규직 전환', detail: '', value: e.internshipConversions },
    { section: work, item: '창업 건수', detail: '', value: e.startups },
  );

  const a = report.activity;
  const act = '활동';
  rows.push(
    ...recordRows(act, '경로별 개별상담 건수', a.counselingSessionsByChannel),
    { section: act, item: '집단상담 참여 연인원', detail: '', value: a.groupProgramAttendances },
    { section: act, item: '찾아가는 이동상담 횟수', detail: '', value: a.outreachEvents },
    { section: act, item: '찾아가는 이동상담 참여 인원', detail: '', value: a.outreachContacts },
    { section: act, item: '협약 체결 건수', detail: '', value: a.agreementsSigned },
    ...recordRows(act, '유형별 협약 체결 건수', a.agreementsByKind),
    { section: act, item: '협의체 회의 개최 횟수', detail: '', value: a.councilMeetings },
    { section: act, item: '취업박람회 개최 횟수', detail: '', value: a.jobFairs },
    { section: act, item: '사후관리 수혜자 수', detail: '', value: a.retentionBeneficiaries },
  );

  for (const plan of report.kpi) {
    const section = `성과지표 (${plan.centerId})`;
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

/** The text a figure shows as in an export cell (numbers stay numbers for XLSX). */
export function exportCell(value: ReportRow['value']): number | string {
  if (value === null) return NOT_APPLICABLE_TEXT;
  if (typeof value === 'object') return SUPPRESSED_TEXT;
  return value;
}
