import type { CaseStatus } from '../api/schemas';
import type { Principal } from '../api/session';

/** Glossary terms (shared/domain/GLOSSARY.md) as the screens say them. */
export const ROLE_NAMES: Record<Principal['role'], string> = {
  counselor: '상담사',
  supervisor: '센터장',
  regional_supervisor: '광역새일센터 관리자',
  ministry_analyst: '성평등가족부 분석가',
  administrator: '시스템 관리자',
};

/** The service chain as the stage indicator shows it: 접수 → 상담 → 훈련 → 인턴 → 취업 → 종결. */
export const STAGES: { status: CaseStatus; label: string }[] = [
  { status: 'intake', label: '접수' },
  { status: 'counseling', label: '상담' },
  { status: 'in_training', label: '훈련' },
  { status: 'interning', label: '인턴' },
  { status: 'employed', label: '취업' },
  { status: 'closed', label: '종결' },
];

export function stageLabel(status: string): string {
  return STAGES.find((s) => s.status === status)?.label ?? status;
}

export const STAGE_COLORS: Record<string, string> = {
  intake: 'blue',
  counseling: 'cyan',
  in_training: 'purple',
  interning: 'gold',
  employed: 'green',
  closed: 'default',
};
