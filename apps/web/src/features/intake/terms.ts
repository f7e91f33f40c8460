/** Intake's words, from the glossary (shared/domain/GLOSSARY.md): one place for the screen's Korean. */
export const CAREER_BREAK_REASONS = [
  { value: 'marriage', label: '결혼' },
  { value: 'pregnancy_childbirth', label: '임신·출산' },
  { value: 'childcare', label: '육아' },
  { value: 'family_care', label: '가족돌봄' },
  { value: 'other', label: '기타' },
] as const;

export const EMPLOYMENT_TYPES = [
  { value: 'regular', label: '정규직' },
  { value: 'contract', label: '계약직' },
  { value: 'part_time', label: '시간제' },
  { value: 'any', label: '무관' },
] as const;

export const EDUCATION = [
  { value: 'middle_school', label: '중학교 졸업 이하' },
  { value: 'high_school', label: '고등학교 졸업' },
  { value: 'college', label: '전문대학 졸업' },
  { value: 'university', label: '대학교 졸업' },
  { value: 'graduate', label: '대학원 졸업' },
  { value: 'other', label: '기타' },
] as const;

/** 시·도, by their official names (the API's `region`): the one list in components/regions.ts. */
export { KOREAN_REGIONS as REGIONS } from '../../components/regions';

export const CONSENT_PURPOSES = [
  {
    value: 'service',
    label: '개인정보 수집·이용 (상담·취업지원)',
    hint: '이 동의가 있어야 상담, 훈련, 취업 기록을 남길 수 있습니다.',
  },
  {
    value: 'employer_sharing',
    label: '개인정보 제3자 제공 (채용기업)',
    hint: '구인업체에 이력을 보내 취업을 연계할 때 필요합니다.',
  },
  { value: 'marketing', label: '행사·프로그램 안내 수신', hint: '선택 사항입니다.' },
] as const;

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]['value'];

/** The form version counselors sign with today (the API records which one she signed). */
export const CURRENT_CONSENT_FORM = '2026-01';
