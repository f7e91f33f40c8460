import { requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { CouncilMeetingHeld } from '@saeil/contracts';

export interface HoldCouncilMeeting {
  type: 'HoldCouncilMeeting';
  meetingId: string;
  centerId: string;
  heldOn: string;
  title: string;
  attendees?: string[];
  today: string;
}

export interface CouncilMeetingState {
  held: boolean;
}

/** A council meeting (협의체 회의, stream `council-meeting-<meetingId>`), recorded once it was held. */
export const councilMeetingDecider: Decider<HoldCouncilMeeting, CouncilMeetingState, CouncilMeetingHeld> = {
  initialState: () => ({ held: false }),

  evolve(state, event) {
    return event.type === 'CouncilMeetingHeld' ? { held: true } : state;
  },

  decide(c, state) {
    if (state.held)
      throw new RuleViolation('COUNCIL_MEETING_ALREADY_RECORDED', '이미 기록된 협의체 회의입니다.', {
        meetingId: c.meetingId,
      });
    requireNotInFuture('heldOn', c.heldOn, c.today);
    const title = c.title.trim();
    if (!title) throw new RuleViolation('TITLE_REQUIRED', '회의명을 입력하세요.');
    // The same member listed twice is one attendance.
    const attendees = c.attendees ? [...new Set(c.attendees.map((a) => a.trim()).filter((a) => a !== ''))] : undefined;
    return [
      {
        type: 'CouncilMeetingHeld',
        data: {
          meetingId: c.meetingId,
          centerId: c.centerId,
          heldOn: c.heldOn,
          title,
          ...(attendees && attendees.length > 0 ? { attendees } : {}),
        },
      },
    ];
  },
};
