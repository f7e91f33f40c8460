/** The center screens' words, from the glossary (shared/domain/GLOSSARY.md). */
export const ACTIVITY_KINDS = [
  'course',
  'group_program',
  'outreach',
  'employer',
  'agreement',
  'job_fair',
  'council_meeting',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const KIND_LABELS: Record<ActivityKind, { tab: string; create: string; empty: string }> = {
  course: {
    tab: '직업교육훈련 과정',
    create: '과정 개설',
    empty: '개설한 직업교육훈련 과정이 없습니다. ‘과정 개설’로 첫 과정을 만드세요.',
  },
  group_program: {
    tab: '집단상담',
    create: '집단상담 프로그램 개설',
    empty: '집단상담 프로그램이 없습니다. ‘집단상담 프로그램 개설’로 만드세요.',
  },
  outreach: { tab: '찾아가는 이동상담', create: '이동상담 기록', empty: '기록한 찾아가는 이동상담이 없습니다.' },
  employer: {
    tab: '구인업체',
    create: '구인업체 등록',
    empty: '등록한 구인업체가 없습니다. ‘구인업체 등록’으로 등록하세요.',
  },
  agreement: { tab: '협약', create: '협약 체결', empty: '체결한 협약이 없습니다.' },
  job_fair: { tab: '취업박람회', create: '취업박람회 기록', empty: '기록한 취업박람회가 없습니다.' },
  council_meeting: { tab: '협의체 회의', create: '협의체 회의 기록', empty: '기록한 협의체 회의가 없습니다.' },
};

export const EMPLOYER_SIZES = [
  { value: 'micro', label: '소상공인' },
  { value: 'small', label: '소기업' },
  { value: 'medium', label: '중기업' },
  { value: 'large', label: '대기업' },
] as const;

export const EMPLOYER_SERVICES = [
  { value: 'gender_equality_training', label: '양성평등 교육' },
  { value: 'consulting', label: '컨설팅' },
  { value: 'workplace_improvement', label: '근무환경 개선 지원' },
] as const;

export const AGREEMENT_KINDS = [
  { value: 'women_friendly_company', label: '여성친화기업 협약' },
  { value: 'institution_mou', label: '업무협약 (기관)' },
] as const;

export const labelOf = (list: readonly { value: string; label: string }[], value: unknown) =>
  list.find((i) => i.value === value)?.label ?? String(value ?? '—');
