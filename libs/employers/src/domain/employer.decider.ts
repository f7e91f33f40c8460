import { NotFound, requireNotInFuture, RuleViolation, ValidationFailed } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { EmployerEvent, EmployerService, EmployerSize } from '@saeil/contracts';
import { normalizeBusinessRegistrationNumber } from './business-registration-number';

export interface RegisterEmployer {
  type: 'RegisterEmployer';
  /** Derived from the business registration number: the stream of a number can only begin once. */
  employerId: string;
  centerId: string;
  businessRegistrationNumber: string;
  name: string;
  industry: string;
  size: EmployerSize;
}

export interface ProvideEmployerService {
  type: 'ProvideEmployerService';
  employerId: string;
  centerId: string;
  service: EmployerService;
  providedOn: string;
  participants?: number;
  note?: string;
  /** Today in Korea (injected so tests control it). */
  today: string;
}

export type EmployerCommand = RegisterEmployer | ProvideEmployerService;

export interface EmployerState {
  registered: boolean;
  name?: string;
  businessRegistrationNumber?: string;
}

/** An employer (stream `employer-<employerId>`) and the post-management services it received. */
export const employerDecider: Decider<EmployerCommand, EmployerState, EmployerEvent> = {
  initialState: () => ({ registered: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'EmployerRegistered':
        return {
          registered: true,
          name: event.data.name,
          businessRegistrationNumber: event.data.businessRegistrationNumber,
        };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterEmployer': {
        const businessRegistrationNumber = normalizeBusinessRegistrationNumber(command.businessRegistrationNumber);
        if (!businessRegistrationNumber) {
          throw new ValidationFailed([
            {
              field: 'businessRegistrationNumber',
              code: 'isBusinessRegistrationNumber',
              message: '사업자등록번호가 올바르지 않습니다 (XXX-XX-XXXXX, 검증번호 불일치).',
            },
          ]);
        }
        if (state.registered) {
          throw new RuleViolation(
            'EMPLOYER_ALREADY_REGISTERED',
            `사업자등록번호 ${businessRegistrationNumber}(${state.name})은(는) 이미 등록된 기업입니다.`,
            {
              employerId: command.employerId,
              name: state.name,
            },
          );
        }
        const { employerId, centerId, name, industry, size } = command;
        return [
          {
            type: 'EmployerRegistered',
            data: {
              employerId,
              centerId,
              businessRegistrationNumber,
              name: name.trim(),
              industry: industry.trim(),
              size,
            },
          },
        ];
      }
      case 'ProvideEmployerService': {
        if (!state.registered) throw new NotFound('구인업체', command.employerId);
        requireNotInFuture('providedOn', command.providedOn, command.today);
        if (
          command.participants !== undefined &&
          !(Number.isInteger(command.participants) && command.participants >= 1)
        ) {
          throw new RuleViolation('PARTICIPANTS_INVALID', '참여 인원은 1명 이상이어야 합니다.', {
            participants: command.participants,
          });
        }
        const { employerId, centerId, service, providedOn, participants } = command;
        const note = command.note?.trim();
        return [
          {
            type: 'EmployerServiceProvided',
            data: {
              employerId,
              centerId,
              service,
              providedOn,
              ...(participants !== undefined ? { participants } : {}),
              ...(note ? { note } : {}),
            },
          },
        ];
      }
    }
  },
};
