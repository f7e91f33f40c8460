import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { HoldJobFair, jobFairDecider } from './job-fair.decider';

const fair: HoldJobFair = {
  type: 'HoldJobFair',
  jobFairId: '8d7c6b5a-4938-4271-9605-f4e3d2c1b0a9',
  centerId: 'center-jinju',
  name: ' 2026 진주시 여성 취업박람회 ',
  heldOn: '2026-04-23',
  companies: 32,
  applicants: 410,
  hires: 57,
  today: '2026-04-30',
};

const { when, refusal } = deciderSpec(jobFairDecider, { checkEvent: assertMatchesContract });

describe('job fair decider', () => {
  it('given nothing recorded, when a fair was held, then JobFairHeld carries companies, applicants and hires', () => {
    expect(when(fair)).toEqual([
      { type: 'JobFairHeld', data: { jobFairId: fair.jobFairId, centerId: 'center-jinju', name: '2026 진주시 여성 취업박람회', heldOn: '2026-04-23', companies: 32, applicants: 410, hires: 57 } },
    ]);
  });

  it('accepts hires equal to applicants and a fair with no hires', () => {
    expect(jobFairDecider.decide({ ...fair, hires: 410 }, { held: false })).toHaveLength(1);
    expect(jobFairDecider.decide({ ...fair, hires: 0 }, { held: false })).toHaveLength(1);
  });

  it('refuses more hires than applicants (HIRES_EXCEED_APPLICANTS)', () => {
    expect(refusal({ ...fair, hires: 411 })).toMatchObject({ code: 'HIRES_EXCEED_APPLICANTS', details: { hires: 411, applicants: 410 } });
  });

  it('refuses negative or fractional counts, a future date, and recording the fair twice', () => {
    expect(refusal({ ...fair, companies: -1 })).toMatchObject({ code: 'COUNT_INVALID', details: { field: 'companies' } });
    expect(refusal({ ...fair, applicants: 1.5 }).code).toBe('COUNT_INVALID');
    expect(refusal({ ...fair, heldOn: '2026-05-01' }).code).toBe('DATE_IN_FUTURE');
    expect(refusal(fair, when(fair)).code).toBe('JOB_FAIR_ALREADY_RECORDED');
  });
});
