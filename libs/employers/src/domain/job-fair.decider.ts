import { requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { JobFairHeld } from '@saeil/contracts';

export interface HoldJobFair {
  type: 'HoldJobFair';
  jobFairId: string;
  centerId: string;
  name: string;
  heldOn: string;
  companies: number;
  applicants: number;
  hires: number;
  today: string;
}

export interface JobFairState {
  held: boolean;
}

/** A job fair (stream `job-fair-<jobFairId>`), recorded once it was held. */
export const jobFairDecider: Decider<HoldJobFair, JobFairState, JobFairHeld> = {
  initialState: () => ({ held: false }),

  evolve(state, event) {
    return event.type === 'JobFairHeld' ? { held: true } : state;
  },

  decide(c, state) {
    if (state.held)
      throw new RuleViolation('JOB_FAIR_ALREADY_RECORDED', '이미 기록된 취업박람회입니다.', { jobFairId: c.jobFairId });
    requireNotInFuture('heldOn', c.heldOn, c.today);
    for (const field of ['companies', 'applicants', 'hires'] as const) {
      if (!(Number.isInteger(c[field]) && c[field] >= 0))
        throw new RuleViolation('COUNT_INVALID', `${field}은(는) 0 이상의 정수여야 합니다.`, {
          field,
          value: c[field],
        });
    }
    if (c.hires > c.applicants) {
      throw new RuleViolation(
        'HIRES_EXCEED_APPLICANTS',
        `채용 인원(${c.hires})이 구직자 수(${c.applicants})보다 많을 수 없습니다.`,
        { hires: c.hires, applicants: c.applicants },
      );
    }
    const { jobFairId, centerId, heldOn, companies, applicants, hires } = c;
    return [
      { type: 'JobFairHeld', data: { jobFairId, centerId, name: c.name.trim(), heldOn, companies, applicants, hires } },
    ];
  },
};
