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

/** The roles that read cases (the API's CASE_READERS): the caseload and case pages are theirs. */
export const CASE_READERS: readonly Principal['role'][] = ['counselor', 'supervisor', 'regional_supervisor'];

/** The roles that record (the API's CASE_WORKERS): intake and the center's activities are theirs. */
export const CASE_WORKERS: readonly Principal['role'][] = ['counselor', 'supervisor'];

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

/** Each stage's tag: a light background with dark text (contrast ≥ 4.5:1; antd's preset colours fall short). */
const STAGE_TONES: Record<string, { color: string; background: string }> = {
  intake: { color: '#0b3d91', background: '#e6f0ff' },
  counseling: { color: '#00535a', background: '#e0f5f5' },
  in_training: { color: '#5b2a86', background: '#f3e8ff' },
  interning: { color: '#6b4200', background: '#fff4d6' },
  employed: { color: '#1e5e26', background: '#e3f6e5' },
  closed: { color: '#3d3d3d', background: '#f0f0f0' },
};

export function stageTagStyle(status: string): { color: string; background: string; borderColor: string } {
  const tone = STAGE_TONES[status] ?? STAGE_TONES.closed;
  return { ...tone, borderColor: tone.color };
}
