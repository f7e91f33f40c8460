import { contractOf, EventData, labelOf, SaeilEventType } from '@saeil/contracts';

/** How one event type reads on a woman's timeline: a sentence, or not at all ('not-hers': its payload names no client, so no timeline holds it). */
type Description<T extends SaeilEventType> = ((data: EventData<T>) => string) | 'not-hers';

const CONSENTS: Record<string, string> = {
  service: '개인정보 수집·이용',
  employer_sharing: '제3자 제공(채용기업)',
  marketing: '마케팅 정보 수신',
};
const ERASURE_REASONS: Record<string, string> = {
  client_request: '본인 요청',
  retention_period_ended: '보유기간 경과',
};
const won = (n: unknown) => (typeof n === 'number' ? `${n.toLocaleString('ko-KR')}원` : '');
/**
 * An account named in a summary, written as a mark the timeline query replaces with the account's
 * display name when read (`nameAccounts`): a renamed counselor shows her new name, and no UUID is
 * shown where a name is known.
 */
export const accountMark = (id: unknown) => `{account:${String(id)}}`;
const ACCOUNT_MARK = /\{account:([^{}]{1,64})\}/g;

/** The summary with each account mark replaced by her display name (or the id itself, for an id that is no account). */
export function nameAccounts(summary: string, names: ReadonlyMap<string, string>): string {
  return summary.replace(ACCOUNT_MARK, (_, id: string) => names.get(id) ?? id);
}

/** The account ids a summary marks. */
export function accountsMarked(summary: string): string[] {
  return [...summary.matchAll(ACCOUNT_MARK)].map((m) => m[1]);
}

/**
 * What each event means for a counselor reading a case's history, in plain Korean, for every
 * published event: a new event type does not compile until it is given its line here (a sentence,
 * or 'not-hers' for an event whose payload names no woman, which timeline.spec.ts checks against
 * the payload schemas).
 */
export const DESCRIPTIONS: { [T in SaeilEventType]: Description<T> } = {
  ClientRegistered: (d) => `구직등록 (${d.region ?? '지역 미기재'})`,
  ConsentGiven: (d) => `${CONSENTS[d.purpose] ?? d.purpose} 동의 (서식 ${d.version})`,
  ConsentWithdrawn: (d) => `${CONSENTS[d.purpose] ?? d.purpose} 동의 철회`,
  // A changed identity comes sealed (`personal`): named here, never shown.
  ClientProfileUpdated: (d) =>
    `프로필 수정: ${[...(d.personal ? ['개인정보(이름·생년월일·연락처)'] : []), ...Object.keys(d.changes ?? {})].join(', ')}`,
  CounselorAssigned: (d) =>
    d.fromCenterId !== d.centerId
      ? `센터 이관: ${d.fromCenterId} → ${d.centerId} (담당 ${accountMark(d.counselorId)})`
      : `담당자 변경: ${accountMark(d.fromCounselorId)} → ${accountMark(d.counselorId)}`,
  CaseClosed: (d) => `사례 종결: ${d.reason}`,
  CaseReopened: (d) => `사례 재개: ${d.reason}`,
  ClientDataErased: (d) => `개인정보 파기 (${ERASURE_REASONS[d.reason] ?? d.reason ?? '사유 미기재'})`,
  CounselingSessionRecorded: (d) =>
    `개별상담 (${labelOf('counselingChannel', d.channel)}${d.place ? ` · ${d.place}` : ''}, ${d.durationMinutes}분): ${d.topic}`,
  EmploymentPlanSet: (d) => `취업지원계획 수립 — 다음 단계: ${d.nextAction?.description} (${d.nextAction?.dueOn}까지)`,
  EmploymentPlanRevised: (d) => `취업지원계획 수정 (${d.revision}차): ${d.reason}`,
  GroupSessionHeld: (d) => `집단상담 ${d.sessionNo}회차 참석${d.topic ? `: ${d.topic}` : ''}`,
  OutreachEventHeld: (d) => `찾아가는 이동상담 참여 (${d.place})`,
  TrainingEnrolled: (d) => `직업교육훈련 수강 신청: ${d.courseTitle} (${d.field})`,
  TrainingAttendanceRecorded: (d) =>
    `훈련 출석 ${d.date}: ${d.present ? '출석' : '결석'}${d.correction ? ' (정정)' : ''}`,
  TrainingCompleted: (d) => `직업교육훈련 수료: ${d.courseTitle}`,
  TrainingDroppedOut: (d) => `직업교육훈련 중도탈락 (${d.reason})`,
  TrainingCertificateObtained: (d) => `자격증 취득: ${d.certificate}`,
  InternshipStarted: (d) => `새일여성인턴 시작: ${d.employerName} (${d.startOn} ~ ${d.plannedEndOn})`,
  InternshipEnded: (d) => `새일여성인턴 종료 (${d.reason})`,
  InternshipConverted: (d) =>
    `인턴 정규 채용 전환: ${d.employerName} ${d.jobTitle} (${labelOf('employmentType', d.employmentType)})`,
  InternshipSubsidyPaid: (d) =>
    `인턴 지원금 ${d.paymentNo}회차 지급 (${d.recipient === 'worker' ? '인턴' : '기업'}, ${won(d.amount)})`,
  EmploymentStarted: (d) =>
    `취업: ${d.employerName} ${d.jobTitle} (${labelOf('employmentType', d.employmentType)}, 주 ${d.weeklyHours}시간, 월 ${won(d.monthlyWage)}, ${labelOf('placementChannel', d.channel)})`,
  EmploymentEnded: (d) => `퇴사 (${d.reason})`,
  PlacementVoided: (d) => `취업 기록 무효 처리: ${d.reason}`,
  StartupStarted: (d) => `창업: ${d.businessName} (${d.industry})`,
  StartupGrantPaid: (d) => `창업 마케팅비 지원 ${won(d.amount)}`,
  FollowUpsScheduled: (d) => `사후관리 일정: ${(d.milestones ?? []).map((m) => `${m.n}개월 ${m.dueOn}`).join(', ')}`,
  FollowUpRecorded: (d) =>
    `${d.n}개월 사후관리 (${labelOf('followUpChannel', d.channel)}, ${d.contactedOn}): ${labelOf('followUpOutcome', d.outcome)}`,
  RetentionBenefitProvided: (d) =>
    `사후관리 프로그램 ${d.n}개월 차 지원: ${d.benefit} (${won(d.unitCost)})${d.overPlan ? ' — 계획 초과 승인' : ''}`,
  FollowUpDue: 'not-hers',
  FollowUpOverdue: 'not-hers',
  FollowUpsCancelled: 'not-hers',
  FollowUpsClosedByEmploymentEnd: 'not-hers',
  GroupProgramCreated: 'not-hers',
  TrainingCourseCreated: 'not-hers',
  EmployerRegistered: 'not-hers',
  EmployerServiceProvided: 'not-hers',
  AgreementSigned: 'not-hers',
  AgreementRenewed: 'not-hers',
  AgreementEnded: 'not-hers',
  JobFairHeld: 'not-hers',
  CouncilMeetingHeld: 'not-hers',
  RetentionProgramDefined: 'not-hers',
  RetentionProgramAmended: 'not-hers',
  BudgetPlanDefined: 'not-hers',
  BudgetPlanAmended: 'not-hers',
  BudgetExecutionRecorded: 'not-hers',
  KpiPlanDefined: 'not-hers',
  KpiActualEntered: 'not-hers',
  MinistryReportSubmitted: 'not-hers',
};

const isKnownType = (type: string): type is SaeilEventType => Object.hasOwn(DESCRIPTIONS, type);

/**
 * The timeline's line for one stored event. Its payload is the current version of its contract
 * (upcast when read), so it is read as that type; an unknown type (a newer writer's) shows its
 * name, never fails the projection.
 */
export function describeEvent(type: string, data: unknown): string {
  if (!isKnownType(type)) return type;
  const description = DESCRIPTIONS[type] as Description<typeof type>;
  if (typeof description === 'function') return (description as (payload: unknown) => string)(data);
  return (contractOf(type)?.summary ?? type).split(' — ')[0]; // not about a woman: never on a timeline, named plainly all the same
}
