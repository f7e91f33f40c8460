import { NotFound, requireInOrder, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { EmploymentStartedV1 } from '@saeil/contracts';
import {
  FollowUpChannel,
  FollowUpEvent,
  FollowUpOutcome,
  FollowUpSupport,
  MilestoneNumber,
  ScheduledMilestone,
} from './events';
import {
  ContactWindowPolicy,
  requireMilestoneNumber,
  scheduleMilestones,
  windowHasClosed,
  windowHasOpened,
} from './milestones';

/** Reaction to EmploymentStarted: her center and counselor come from her case at that time. */
export interface SchedulePlacementFollowUps {
  type: 'SchedulePlacementFollowUps';
  placement: Pick<EmploymentStartedV1, 'clientId' | 'placementId' | 'startOn'>;
  centerId: string;
  counselorId: string;
  window: ContactWindowPolicy;
}

/** From the daily sweep: `today` is the Korean calendar day the sweep runs on. */
export interface MarkFollowUpDue {
  type: 'MarkFollowUpDue';
  placementId: string;
  n: number;
  today: string;
}

export interface MarkFollowUpOverdue {
  type: 'MarkFollowUpOverdue';
  placementId: string;
  n: number;
  today: string;
}

export interface RecordFollowUp {
  type: 'RecordFollowUp';
  placementId: string;
  n: number;
  contactedOn: string;
  channel: FollowUpChannel;
  outcome: FollowUpOutcome;
  difficulties?: string[];
  support: FollowUpSupport[];
  programId?: string;
  /** Today in Korea (injected so tests control it). */
  today: string;
}

/** Reaction to PlacementVoided. */
export interface CancelForVoidedPlacement {
  type: 'CancelForVoidedPlacement';
  placementId: string;
}

/** Reaction to EmploymentEnded. */
export interface CloseForEmploymentEnd {
  type: 'CloseForEmploymentEnd';
  placementId: string;
  endedOn: string;
}

export type FollowUpsCommand =
  | SchedulePlacementFollowUps
  | MarkFollowUpDue
  | MarkFollowUpOverdue
  | RecordFollowUp
  | CancelForVoidedPlacement
  | CloseForEmploymentEnd;

export interface MilestoneFollowUp extends ScheduledMilestone {
  markedDue: boolean;
  markedOverdue: boolean;
  /** Closed because her employment ended before this milestone: no contact is owed any more. */
  closedByEmploymentEnd: boolean;
  recorded?: { contactedOn: string; outcome: FollowUpOutcome };
}

export interface FollowUpsState {
  /** Absent until FollowUpsScheduled. */
  placement?: { clientId: string; placementId: string; centerId: string; counselorId: string; startOn: string };
  milestones: MilestoneFollowUp[];
  /** The placement was voided: it counts nowhere and nobody follows it up. */
  cancelled: boolean;
  /** Set once by FollowUpsClosedByEmploymentEnd. */
  employmentEndedOn?: string;
}

type Scheduled = FollowUpsState & { placement: NonNullable<FollowUpsState['placement']> };

function requireScheduled(state: FollowUpsState, placementId: string): Scheduled {
  if (!state.placement) throw new NotFound('사후관리 일정', placementId);
  return state as Scheduled;
}

function milestoneOf(state: Scheduled, n: number): MilestoneFollowUp {
  const known = requireMilestoneNumber(n);
  const milestone = state.milestones.find((m) => m.n === known);
  if (!milestone)
    throw new RuleViolation('UNKNOWN_MILESTONE', `${n}개월 사후관리는 이 취업에 예정되어 있지 않습니다.`, { n });
  return milestone;
}

/** Whether the sweep may still ask for a contact about this milestone. */
function awaitsContact(state: Scheduled, m: MilestoneFollowUp): boolean {
  return !state.cancelled && !m.recorded && !m.closedByEmploymentEnd;
}

function schedule(c: SchedulePlacementFollowUps, state: FollowUpsState): FollowUpEvent[] {
  // A redelivered EmploymentStarted, or one after a void, schedules nothing a second time.
  if (state.placement || state.cancelled) return [];
  const { clientId, placementId, startOn } = c.placement;
  return [
    {
      type: 'FollowUpsScheduled',
      data: {
        clientId,
        placementId,
        centerId: c.centerId,
        counselorId: c.counselorId,
        startOn,
        milestones: scheduleMilestones(startOn, c.window),
      },
    },
  ];
}

function markDue(c: MarkFollowUpDue, state: FollowUpsState): FollowUpEvent[] {
  const scheduled = requireScheduled(state, c.placementId);
  const m = milestoneOf(scheduled, c.n);
  if (m.markedDue || !awaitsContact(scheduled, m) || !windowHasOpened(m, c.today)) return [];
  return [{ type: 'FollowUpDue', data: { placementId: c.placementId, n: m.n } }];
}

/** Overdue implies due: a sweep that missed the opening still leaves "due, then overdue" on the stream, each once. */
function markOverdue(c: MarkFollowUpOverdue, state: FollowUpsState): FollowUpEvent[] {
  const scheduled = requireScheduled(state, c.placementId);
  const m = milestoneOf(scheduled, c.n);
  if (m.markedOverdue || !awaitsContact(scheduled, m) || !windowHasClosed(m, c.today)) return [];
  const due: FollowUpEvent[] = m.markedDue
    ? []
    : [{ type: 'FollowUpDue', data: { placementId: c.placementId, n: m.n } }];
  return [...due, { type: 'FollowUpOverdue', data: { placementId: c.placementId, n: m.n } }];
}

function cleanList(values: string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);
}

function record(c: RecordFollowUp, state: FollowUpsState): FollowUpEvent[] {
  const scheduled = requireScheduled(state, c.placementId);
  if (scheduled.cancelled)
    throw new RuleViolation('FOLLOW_UPS_CANCELLED', '취소된 취업 기록의 사후관리는 기록할 수 없습니다.', {
      placementId: c.placementId,
    });
  const m = milestoneOf(scheduled, c.n);
  if (m.recorded) {
    throw new RuleViolation(
      'FOLLOW_UP_ALREADY_RECORDED',
      `${m.n}개월 사후관리는 이미 기록되었습니다 (${m.recorded.contactedOn}).`,
      { placementId: c.placementId, n: m.n, contactedOn: m.recorded.contactedOn },
    );
  }
  requireNotInFuture('contactedOn', c.contactedOn, c.today);
  requireInOrder('startOn', scheduled.placement.startOn, 'contactedOn', c.contactedOn);
  // A contact before the window is not the milestone's follow-up: at day 10 nobody can say whether
  // she is still employed at month 1, and counting it would inflate the retention rate.
  if (c.contactedOn < m.opensOn) {
    throw new RuleViolation(
      'FOLLOW_UP_BEFORE_WINDOW',
      `${m.n}개월 사후관리는 ${m.opensOn}부터 기록할 수 있습니다 (연락일 ${c.contactedOn}).`,
      { n: m.n, contactedOn: c.contactedOn, opensOn: m.opensOn },
    );
  }
  const difficulties = cleanList(c.difficulties);
  const programId = c.programId?.trim();
  return [
    {
      type: 'FollowUpRecorded',
      data: {
        clientId: scheduled.placement.clientId,
        placementId: c.placementId,
        n: m.n,
        contactedOn: c.contactedOn,
        channel: c.channel,
        outcome: c.outcome,
        ...(difficulties.length > 0 ? { difficulties } : {}),
        support: [...new Set(c.support)],
        ...(programId ? { programId } : {}),
      },
    },
  ];
}

function cancel(c: CancelForVoidedPlacement, state: FollowUpsState): FollowUpEvent[] {
  // Nothing scheduled (a placement from before this context existed) or already cancelled: nothing to do.
  if (!state.placement || state.cancelled) return [];
  return [{ type: 'FollowUpsCancelled', data: { placementId: c.placementId, reason: 'placement_voided' } }];
}

/**
 * The glossary counts a milestone as "not employed" when her employment ended BEFORE it: a
 * milestone dated on the last day of work, or earlier, stays open (she was still employed that
 * day). A milestone already followed up keeps its recorded outcome. The event is emitted even
 * when no milestone is left to close, so the end date is on the stream for the outcomes.
 */
function closeForEnd(c: CloseForEmploymentEnd, state: FollowUpsState): FollowUpEvent[] {
  if (!state.placement || state.cancelled || state.employmentEndedOn !== undefined) return [];
  requireInOrder('startOn', state.placement.startOn, 'endedOn', c.endedOn);
  const closedMilestones = state.milestones.filter((m) => m.dueOn > c.endedOn && !m.recorded).map((m) => m.n);
  return [
    {
      type: 'FollowUpsClosedByEmploymentEnd',
      data: { placementId: c.placementId, endedOn: c.endedOn, closedMilestones },
    },
  ];
}

function updateMilestone(
  state: FollowUpsState,
  n: MilestoneNumber,
  change: Partial<MilestoneFollowUp>,
): FollowUpsState {
  return { ...state, milestones: state.milestones.map((m) => (m.n === n ? { ...m, ...change } : m)) };
}

/** The 1/2/3-month follow-ups of one placement (stream `follow-ups-<placementId>`), as pure functions. */
export const followUpsDecider: Decider<FollowUpsCommand, FollowUpsState, FollowUpEvent> = {
  initialState: () => ({ milestones: [], cancelled: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'FollowUpsScheduled': {
        const { clientId, placementId, centerId, counselorId, startOn, milestones } = event.data;
        return {
          ...state,
          placement: { clientId, placementId, centerId, counselorId, startOn },
          milestones: milestones.map((m) => ({
            ...m,
            markedDue: false,
            markedOverdue: false,
            closedByEmploymentEnd: false,
          })),
        };
      }
      case 'FollowUpDue':
        return updateMilestone(state, event.data.n, { markedDue: true });
      case 'FollowUpOverdue':
        return updateMilestone(state, event.data.n, { markedOverdue: true });
      case 'FollowUpRecorded':
        return updateMilestone(state, event.data.n, {
          recorded: { contactedOn: event.data.contactedOn, outcome: event.data.outcome },
        });
      case 'FollowUpsCancelled':
        return { ...state, cancelled: true };
      case 'FollowUpsClosedByEmploymentEnd': {
        const { endedOn, closedMilestones } = event.data;
        const milestones = state.milestones.map((m) =>
          closedMilestones.includes(m.n) ? { ...m, closedByEmploymentEnd: true } : m,
        );
        return { ...state, milestones, employmentEndedOn: endedOn };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SchedulePlacementFollowUps':
        return schedule(command, state);
      case 'MarkFollowUpDue':
        return markDue(command, state);
      case 'MarkFollowUpOverdue':
        return markOverdue(command, state);
      case 'RecordFollowUp':
        return record(command, state);
      case 'CancelForVoidedPlacement':
        return cancel(command, state);
      case 'CloseForEmploymentEnd':
        return closeForEnd(command, state);
    }
  },
};
