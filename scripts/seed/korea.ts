import { KOREAN_REGIONS } from '@saeil/contracts';

/**
 * What the synthetic cases are drawn from. Centers per 시·도 follow roughly where the ~159
 * 여성새로일하기센터 are (most in 경기 and 서울); names by surname frequency (통계청 인구총조사).
 */
export const CENTERS_PER_REGION: Record<(typeof KOREAN_REGIONS)[number], number> = {
  서울특별시: 28,
  부산광역시: 9,
  대구광역시: 7,
  인천광역시: 8,
  광주광역시: 4,
  대전광역시: 4,
  울산광역시: 3,
  세종특별자치시: 1,
  경기도: 35,
  강원특별자치도: 8,
  충청북도: 7,
  충청남도: 9,
  전북특별자치도: 8,
  전라남도: 9,
  경상북도: 10,
  경상남도: 11,
  제주특별자치도: 2,
};

export const SURNAMES = [
  ['김', 21.5],
  ['이', 14.7],
  ['박', 8.4],
  ['최', 4.7],
  ['정', 4.3],
  ['강', 2.4],
  ['조', 2.1],
  ['윤', 2.1],
  ['장', 2.0],
  ['임', 1.7],
  ['한', 1.5],
  ['오', 1.5],
  ['서', 1.5],
  ['신', 1.4],
  ['권', 1.4],
  ['황', 1.4],
  ['안', 1.4],
  ['송', 1.3],
  ['전', 1.3],
  ['홍', 1.1],
] as const;

export const GIVEN_NAMES = [
  '영희',
  '미경',
  '은정',
  '지영',
  '수진',
  '현정',
  '미영',
  '정희',
  '선영',
  '은영',
  '혜진',
  '지현',
  '수정',
  '미정',
  '윤정',
  '경희',
  '민정',
  '소영',
  '지은',
  '혜영',
  '은주',
  '미숙',
  '정미',
  '현주',
  '유진',
  '서연',
  '지혜',
  '보람',
  '나래',
  '다은',
  '수연',
  '하나',
  '은지',
  '민지',
  '예진',
  '소희',
  '진영',
  '혜란',
  '명숙',
  '순자',
] as const;

export const CAREER_BREAKS = [
  ['childcare', 40],
  ['pregnancy_childbirth', 25],
  ['marriage', 15],
  ['family_care', 10],
  ['other', 10],
] as const;
export const EDUCATION = [
  ['high_school', 35],
  ['college', 25],
  ['university', 33],
  ['graduate', 4],
  ['middle_school', 3],
] as const;

export const OCCUPATIONS = [
  '회계사무원',
  '일반사무원',
  '영업지원',
  '판매원',
  '보육교사',
  '간호조무사',
  '요양보호사',
  '조리사',
  '학원강사',
  '고객상담원',
  '웹디자이너',
] as const;

export const CHILDCARE_NEEDS = [
  '초등학생 자녀 1명, 오후 3시 이후 돌봄 필요',
  '미취학 자녀 2명, 어린이집 하원 후 돌봄 필요',
  '중학생 자녀, 돌봄 부담 적음',
] as const;

export const COUNSELING_TOPICS = [
  '초기상담',
  '이력서 작성',
  '자기소개서 첨삭',
  '면접 준비',
  '직업훈련 안내',
  '구인처 연계',
  '취업 후 적응',
] as const;
export const COUNSELING_CHANNELS_WEIGHTED = [
  ['in_center', 55],
  ['phone', 30],
  ['online', 15],
] as const;

export const COURSE_FIELDS = [
  ['간호조무사', '간호조무사 재취업 인력양성'],
  ['사무행정', '전산회계 실무자 양성'],
  ['사회복지', '사회복지 행정 실무'],
  ['요양보호', '요양보호사 양성과정'],
  ['온라인마케팅', '온라인 쇼핑몰 운영 실무'],
  ['조리', '단체급식 조리 실무'],
  ['교육', '방과후 돌봄 지도사'],
] as const;
export const TRAINING_PROVIDERS = [
  '새일직업전문학교',
  '한국능력개발원',
  '미래여성인력개발센터',
  '희망직업훈련원',
] as const;

/** KECO codes (first digit = 대분류), so the occupation group is derived, never typed twice. */
export const JOBS = [
  ['0231', '회계 사무원'],
  ['0261', '일반 사무원'],
  ['0291', '고객 상담원'],
  ['2431', '보육교사'],
  ['4211', '요양보호사'],
  ['3011', '간호조무사'],
  ['5511', '매장 판매원'],
  ['7011', '한식 조리사'],
  ['2141', '방과후 강사'],
  ['8211', '포장원'],
] as const;
export const EMPLOYER_PREFIXES = [
  '(주)한빛',
  '(주)새봄',
  '(주)다온',
  '행복',
  '푸른',
  '(사)늘품',
  '(주)미소',
  '희망',
  '(주)온누리',
  '하나',
] as const;
export const EMPLOYER_SUFFIXES = [
  '세무회계',
  '어린이집',
  '요양원',
  '푸드',
  '유통',
  '의원',
  '복지관',
  '디자인',
  '물산',
  '교육',
] as const;

export const EMPLOYMENT_END_REASONS_WEIGHTED = [
  ['resigned', 60],
  ['contract_ended', 20],
  ['dismissed', 10],
  ['business_closed', 5],
  ['other', 5],
] as const;
export const FOLLOW_UP_OUTCOMES_WEIGHTED = [
  ['employed_same_employer', 82],
  ['employed_other_employer', 4],
  ['not_employed', 5],
  ['unreachable', 9],
] as const;
export const FOLLOW_UP_DIFFICULTIES = ['육아와 병행 어려움', '직장 내 인간관계', '업무 적응', '출퇴근 거리'] as const;
export const CLOSURE_REASONS = ['사후관리 종료', '연락 두절', '본인 요청으로 서비스 종료', '타 지역 이주'] as const;
