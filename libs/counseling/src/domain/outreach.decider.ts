import { requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { OutreachEvent } from '@saeil/contracts';
import { Participant, requireParticipants } from './participants';

export interface RecordOutreachEvent {
  type: 'RecordOutreachEvent';
  outreachId: string;
  centerId: string;
  place: string;
  heldOn: string;
  counselorIds: string[];
  walkInContacts: number;
  /** Registered clients counselled there, with their cases as read for the decision. */
  registeredClients: Participant[];
  notes?: string;
  today: string;
}

export type OutreachCommand = RecordOutreachEvent;

export interface OutreachState {
  recorded: boolean;
}

/**
 * One mobile outreach event (찾아가는 이동상담). An event that reached nobody still counts as
 * held (the KPI is the number of outreach events), so zero contacts is allowed. Pure.
 */
export const outreachDecider: Decider<OutreachCommand, OutreachState, OutreachEvent> = {
  initialState: () => ({ recorded: false }),

  evolve(state, event) {
    return event.type === 'OutreachEventHeld' ? { recorded: true } : state;
  },

  decide(command, state) {
    if (state.recorded) throw new RuleViolation('OUTREACH_ALREADY_RECORDED', '이미 기록된 이동상담입니다.');
    const place = command.place.trim();
    if (!place) throw new RuleViolation('PLACE_REQUIRED', '이동상담 장소(아파트 단지, 역, 기관 등)를 입력하세요.');
    requireNotInFuture('heldOn', command.heldOn, command.today);
    const counselorIds = [...new Set(command.counselorIds)];
    requireParticipants(command.registeredClients, 'UNKNOWN_CLIENT');
    const notes = command.notes?.trim() || undefined;
    return [
      {
        type: 'OutreachEventHeld',
        data: {
          outreachId: command.outreachId,
          centerId: command.centerId,
          place,
          heldOn: command.heldOn,
          counselorIds,
          walkInContacts: command.walkInContacts,
          registeredClientIds: command.registeredClients.map((c) => c.clientId),
          ...(notes ? { notes } : {}),
        },
      },
    ];
  },
};
