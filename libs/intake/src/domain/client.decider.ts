import { RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/event-store';
import type { IntakeEvent } from '@saeil/contracts';

export interface RegisterClient {
  type: 'RegisterClient';
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string;
  birthDate: string;
  phone: string;
  /** The day the command is decided, for age checks (injected so tests control it). */
  today: string;
}

export type ClientCommand = RegisterClient;

export interface ClientState {
  registered: boolean;
}

const MIN_AGE = 15;
const MAX_AGE = 100;

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Intake's client lifecycle, as pure functions (no Nest, no database). */
export const clientDecider: Decider<ClientCommand, ClientState, IntakeEvent> = {
  initialState: () => ({ registered: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'ClientRegistered':
        return { ...state, registered: true };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterClient': {
        if (state.registered) throw new RuleViolation('CLIENT_ALREADY_REGISTERED', '이미 등록된 구직자입니다.');
        const age = ageOn(command.birthDate, command.today);
        if (age < MIN_AGE || age > MAX_AGE) {
          throw new RuleViolation('BIRTH_DATE_IMPLAUSIBLE', `생년월일이 올바르지 않습니다 (만 ${MIN_AGE}–${MAX_AGE}세만 등록할 수 있습니다).`, { age });
        }
        const { clientId, centerId, counselorId, name, birthDate, phone } = command;
        return [{ type: 'ClientRegistered', data: { clientId, centerId, counselorId, name: name.trim(), birthDate, phone } }];
      }
    }
  },
};
