/** The case page's Korean words for the API's codes (terms from shared/domain/GLOSSARY.md), in one place. */
export const CONSENT_PURPOSES = {
  service: '개인정보 수집·이용',
  employer_sharing: '제3자 제공(채용기업)',
  marketing: '마케팅 정보 수신',
} as const;
export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;

export const SESSION_CHANNELS = {
  in_center: '내방',
  phone: '전화',
  online: '온라인',
  mobile_outreach: '찾아가는 이동상담',
  partner_institution: '기관 협약상담',
} as const;

export const PLANNED_SERVICES = {
  counseling: '직업상담',
  group_program: '집단상담',
  training: '직업교육훈련',
  internship: '새일여성인턴',
  job_matching: '취업알선',
  job_fair: '취업박람회',
  startup_support: '창업 지원',
} as const;

export const DROPOUT_REASONS = {
  employed: '조기취업',
  health: '건강',
  childcare: '육아',
  family_care: '가족 돌봄',
  personal: '개인 사정',
  lost_contact: '연락 두절',
  other: '기타',
} as const;

export const INTERNSHIP_END_REASONS = {
  completed: '수료(기간 만료)',
  quit: '중도 그만둠',
  dismissed: '해고',
  other: '기타',
} as const;
export const SUBSIDY_KINDS = { monthly: '월 인턴지원금', retention_bonus: '고용유지지원금' } as const;
export const SUBSIDY_RECIPIENTS = { employer: '기업', worker: '인턴 본인' } as const;

export const EMPLOYMENT_TYPES = {
  regular: '정규직',
  contract: '계약직',
  part_time: '시간제',
  daily: '일용직',
  other: '기타',
} as const;
export const PLACEMENT_CHANNELS = { center: '센터 알선', self: '본인 취업' } as const;
export const PLACEMENT_STATUS = { active: '재직 중', ended: '퇴사', voided: '취소됨(잘못 입력)' } as const;
export const EMPLOYMENT_END_REASONS = {
  resigned: '자진 퇴사',
  dismissed: '해고',
  contract_ended: '계약 만료',
  business_closed: '폐업',
  other: '기타',
} as const;
export const OCCUPATION_GROUPS = {
  '0': '0 경영·사무·금융·보험',
  '1': '1 연구·공학기술',
  '2': '2 교육·법률·사회복지·경찰·소방·군인',
  '3': '3 보건·의료',
  '4': '4 예술·디자인·방송·스포츠',
  '5': '5 미용·여행·숙박·음식·경비·청소',
  '6': '6 영업·판매·운전·운송',
  '7': '7 건설·채굴',
  '8': '8 설치·정비·생산',
  '9': '9 농림어업',
} as const;

export const FOLLOW_UP_CHANNELS = {
  phone: '전화',
  visit: '방문',
  online: '온라인',
  in_center: '내방',
  message: '문자·메신저',
} as const;
export const FOLLOW_UP_OUTCOMES = {
  employed_same_employer: '같은 업체 근무 중',
  employed_other_employer: '다른 업체 취업',
  not_employed: '미취업',
  unreachable: '연락 안 됨',
} as const;
export const FOLLOW_UP_SUPPORT = {
  counseling: '상담',
  gift_or_celebration: '축하·격려 선물',
  employer_mediation: '기업과 조율',
  referral: '타 기관 연계',
} as const;

export const FUNDING_SOURCES = { national: '국비', provincial: '도비', municipal: '시·군비', other: '기타' } as const;

export const EDUCATION = {
  middle_school: '중학교 졸업 이하',
  high_school: '고등학교 졸업',
  college: '전문대학 졸업',
  university: '대학교 졸업',
  graduate: '대학원 졸업',
  other: '기타',
} as const;
export const CAREER_BREAK_REASONS = {
  marriage: '결혼',
  pregnancy_childbirth: '임신·출산',
  childcare: '육아',
  family_care: '가족 돌봄',
  other: '기타',
} as const;
export const DESIRED_EMPLOYMENT_TYPES = {
  regular: '정규직',
  contract: '계약직',
  part_time: '시간제',
  any: '상관없음',
} as const;
/** 시·도, by their official names (the API's `region`): the one list in components/regions.ts. */
export { KOREAN_REGIONS as REGIONS } from '../../components/regions';

/** antd Select/Checkbox options from one of the maps above. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const won = (amount: number | undefined | null) =>
  typeof amount === 'number' ? `${amount.toLocaleString('ko-KR')}원` : '—';

/** Tag tones with dark text on a light background (contrast ≥ 4.5:1; antd's preset green and blue fall short). */
export const TONES = {
  good: { color: '#1e5e26', background: '#e3f6e5', borderColor: '#1e5e26' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#a8071a' },
  info: { color: '#0b3d91', background: '#e6f0ff', borderColor: '#0b3d91' },
} as const;
