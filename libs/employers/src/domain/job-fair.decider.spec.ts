import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
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

const { given, when } = deciderSpec(jobFairDecider, { checkEvent: assertMatchesContract });

describe('job fair decider', () => {
  it('given nothing recorded, when a fair was held, then JobFairHeld carries companies, applicants and hires', () => {
    when(fair).then([
      {
        type: 'JobFairHeld',
        data: {
          jobFairId: fair.jobFairId,
          centerId: 'center-jinju',
          name: '2026 진주시 여성 취업박람회',
          heldOn: '2026-04-23',
          companies: 32,
          applicants: 410,
          hires: 57,
        },
      },
    ]);
  });

  it('accepts hires equal to applicants and a fair with no hires', () => {
    expect(when({ ...fair, hires: 410 }).events()).toHaveLength(1);
    expect(when({ ...fair, hires: 0 }).events()).toHaveLength(1);
  });

  it('refuses more hires than applicants (HIRES_EXCEED_APPLICANTS)', () => {
    when({ ...fair, hires: 411 }).thenRefuses(
      'HIRES_EXCEED_APPLICANTS',
      expect.objectContaining({ hires: 411, applicants: 410 }),
    );
  });

  it('refuses negative or fractional counts, a future date, and recording the fair twice', () => {
    when({ ...fair, companies: -1 }).thenRefuses('COUNT_INVALID', expect.objectContaining({ field: 'companies' }));
    when({ ...fair, applicants: 1.5 }).thenRefuses('COUNT_INVALID');
    when({ ...fair, heldOn: '2026-05-01' }).thenRefuses('DATE_IN_FUTURE');
    given(...when(fair).events())
      .when(fair)
      .thenRefuses('JOB_FAIR_ALREADY_RECORDED');
  });
});
