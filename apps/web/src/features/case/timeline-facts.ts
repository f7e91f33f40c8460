import type { TimelineEntry } from '../../api/schemas';
import { CONSENT_PURPOSES, type ConsentPurpose } from './terms';

/**
 * Facts of her case that the API answers only in her timeline today (no GET for her consents,
 * trainings or internships yet): read from its entries' types and Korean summaries. When those
 * reads exist, this file is what gives way.
 */
export interface ConsentState {
  purpose: ConsentPurpose;
  given: boolean;
  version?: string;
  on?: string;
}

const oldestFirst = (entries: TimelineEntry[]) => [...entries].sort((a, b) => a.position - b.position);

export function consentStates(entries: TimelineEntry[]): ConsentState[] {
  const states = new Map<ConsentPurpose, ConsentState>();
  for (const entry of oldestFirst(entries)) {
    if (entry.type !== 'ConsentGiven' && entry.type !== 'ConsentWithdrawn') continue;
    const purpose = (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).find((p) =>
      entry.summary.startsWith(CONSENT_PURPOSES[p]),
    );
    if (!purpose) continue;
    const version = /서식 ([^)]+)\)/.exec(entry.summary)?.[1];
    states.set(purpose, { purpose, given: entry.type === 'ConsentGiven', version, on: entry.occurredAt.slice(0, 10) });
  }
  return (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).map(
    (purpose) => states.get(purpose) ?? { purpose, given: false },
  );
}

/** Entries of some event types, oldest first (a tab's list of what happened). */
export function entriesOf(entries: TimelineEntry[], types: string[]): TimelineEntry[] {
  return oldestFirst(entries).filter((entry) => types.includes(entry.type));
}

export const TRAINING_EVENTS = [
  'TrainingEnrolled',
  'TrainingAttendanceRecorded',
  'TrainingCompleted',
  'TrainingDroppedOut',
  'TrainingCertificateObtained',
];
export const INTERNSHIP_EVENTS = [
  'InternshipStarted',
  'InternshipSubsidyPaid',
  'InternshipEnded',
  'InternshipConverted',
];

/** The subsidy payment numbers already paid (from '인턴 지원금 N회차 지급'). */
export function paidSubsidies(entries: TimelineEntry[]): number[] {
  return entriesOf(entries, ['InternshipSubsidyPaid'])
    .map((entry) => Number(/(\d+)회차/.exec(entry.summary)?.[1]))
    .filter((n) => Number.isInteger(n));
}

/** The follow-up milestones recorded (from 'N개월 사후관리 (…)'), with their sentence. */
export function recordedFollowUps(entries: TimelineEntry[]): { n: number; summary: string; on: string }[] {
  return entriesOf(entries, ['FollowUpRecorded']).map((entry) => ({
    n: Number(/^(\d)개월/.exec(entry.summary)?.[1]),
    summary: entry.summary,
    on: entry.occurredAt.slice(0, 10),
  }));
}
