/**
 * The Korean words for the codes the contracts enumerate, as a counselor, a supervisor or the
 * Ministry reads them (terms from the glossary). One dictionary for the server: the timeline,
 * the Ministry report's exports and anything else that shows a code to a person import it from
 * here. Each map is typed by its enumeration, so a new code without a label does not compile.
 */
import { AGREEMENT_KINDS, type AgreementKind } from './employers.events';
import { COUNSELING_CHANNELS, type CounselingChannel } from './counseling.events';
import {
  OCCUPATION_GROUPS,
  PLACEMENT_CHANNELS,
  PLACEMENT_EMPLOYMENT_TYPES,
  type PlacementChannel,
  type PlacementEmploymentType,
} from './placement.events';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_OUTCOMES, type FollowUpChannel, type FollowUpOutcome } from './retention.events';

/** 개별상담 경로 (glossary: 내방, 전화, 온라인, 찾아가는 이동상담, 기관 협약상담). */
export const COUNSELING_CHANNEL_LABELS: Readonly<Record<CounselingChannel, string>> = {
  in_center: '내방',
  phone: '전화',
  online: '온라인',
  mobile_outreach: '찾아가는 이동상담',
  partner_institution: '기관 협약상담',
};

/** 고용형태 of a job. */
export const EMPLOYMENT_TYPE_LABELS: Readonly<Record<PlacementEmploymentType, string>> = {
  regular: '정규직',
  contract: '계약직',
  part_time: '시간제',
  daily: '일용직',
  other: '기타',
};

/** 취업 경로: referred by the center (취업연계·알선) or found on her own. */
export const PLACEMENT_CHANNEL_LABELS: Readonly<Record<PlacementChannel, string>> = {
  center: '센터 취업연계',
  self: '자력 취업',
};

/** 협약 종류. */
export const AGREEMENT_KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  women_friendly_company: '여성친화기업 협약',
  institution_mou: '기관 업무협약',
};

/** 사후관리 연락 방법. */
export const FOLLOW_UP_CHANNEL_LABELS: Readonly<Record<FollowUpChannel, string>> = {
  phone: '전화',
  visit: '방문',
  online: '온라인',
  in_center: '내방',
  message: '문자·메신저',
};

/** 사후관리 결과. */
export const FOLLOW_UP_OUTCOME_LABELS: Readonly<Record<FollowUpOutcome, string>> = {
  employed_same_employer: '같은 업체 근무 중',
  employed_other_employer: '다른 업체 취업',
  not_employed: '미취업',
  unreachable: '연락 안 됨',
};

/** Monthly wage bands (KRW, lower bound inclusive); the bands themselves are libs/statistics' WAGE_BANDS. */
export const WAGE_BAND_LABELS = {
  under_2m: '200만원 미만',
  '2m_3m': '200만~300만원 미만',
  '3m_4m': '300만~400만원 미만',
  '4m_and_over': '400만원 이상',
} as const;

/** 한국고용직업분류(KECO) 대분류: the labels are the contract's own (OCCUPATION_GROUPS). */
export const OCCUPATION_GROUP_LABELS: Readonly<Record<keyof typeof OCCUPATION_GROUPS, string>> = OCCUPATION_GROUPS;

/** Every enumeration a figure can be broken down by, with its labels. */
export const CODE_LABELS = {
  counselingChannel: COUNSELING_CHANNEL_LABELS,
  employmentType: EMPLOYMENT_TYPE_LABELS,
  placementChannel: PLACEMENT_CHANNEL_LABELS,
  agreementKind: AGREEMENT_KIND_LABELS,
  followUpChannel: FOLLOW_UP_CHANNEL_LABELS,
  followUpOutcome: FOLLOW_UP_OUTCOME_LABELS,
  wageBand: WAGE_BAND_LABELS,
  occupationGroup: OCCUPATION_GROUP_LABELS,
} as const;
export type LabelledEnumeration = keyof typeof CODE_LABELS;

/** The enumerations' codes, to check that every code has its label (labels.spec.ts). */
export const LABELLED_CODES: Readonly<Record<LabelledEnumeration, readonly string[]>> = {
  counselingChannel: COUNSELING_CHANNELS,
  employmentType: PLACEMENT_EMPLOYMENT_TYPES,
  placementChannel: PLACEMENT_CHANNELS,
  agreementKind: AGREEMENT_KINDS,
  followUpChannel: FOLLOW_UP_CHANNELS,
  followUpOutcome: FOLLOW_UP_OUTCOMES,
  wageBand: Object.keys(WAGE_BAND_LABELS),
  occupationGroup: Object.keys(OCCUPATION_GROUPS),
};

/** A code's Korean label; a code the dictionary does not know is shown as it is, never dropped. */
export function labelOf(enumeration: LabelledEnumeration, code: string): string {
  return (CODE_LABELS[enumeration] as Readonly<Record<string, string>>)[code] ?? code;
}
