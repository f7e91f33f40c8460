import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { NotFound, RuleViolation, ValidationFailed } from '@saeil/core';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { employerDecider, ProvideEmployerService, RegisterEmployer } from './employer.decider';

const employerId = '3f2b8c1a-9d4e-5a6b-8c7d-0e1f2a3b4c5d';
const register: RegisterEmployer = {
  type: 'RegisterEmployer',
  employerId,
  centerId: 'center-jinju',
  businessRegistrationNumber: '2208162517',
  name: ' (주)진주주얼리 ',
  industry: '귀금속 및 장신용품 제조업',
  size: 'small',
};
const training: ProvideEmployerService = {
  type: 'ProvideEmployerService',
  employerId,
  centerId: 'center-jinju',
  service: 'gender_equality_training',
  providedOn: '2026-04-15',
  participants: 24,
  note: '직장 내 양성평등 특강',
  today: '2026-04-20',
};

const { when, refusal } = deciderSpec(employerDecider, { checkEvent: assertMatchesContract });
const registered = () => when(register);

describe('employer decider: registration', () => {
  it('given a new number, when registered, then EmployerRegistered carries the formatted number, industry and size', () => {
    expect(when(register)).toEqual([
      {
        type: 'EmployerRegistered',
        data: { employerId, centerId: 'center-jinju', businessRegistrationNumber: '220-81-62517', name: '(주)진주주얼리', industry: '귀금속 및 장신용품 제조업', size: 'small' },
      },
    ]);
  });

  it('given the number is registered, when registered again, then EMPLOYER_ALREADY_REGISTERED naming the employer', () => {
    expect(refusal({ ...register, centerId: 'center-naju' }, registered())).toMatchObject({ code: 'EMPLOYER_ALREADY_REGISTERED', details: { employerId, name: '(주)진주주얼리' } });
  });

  it('refuses a number whose check digit fails with a 400 on businessRegistrationNumber', () => {
    const error = refusal({ ...register, businessRegistrationNumber: '220-81-62518' });
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fields.map((f) => f.field)).toEqual(['businessRegistrationNumber']);
  });
});

describe('employer decider: post-management services', () => {
  it('given a registered employer, when a gender-equality training is given, then EmployerServiceProvided with participants', () => {
    expect(when(training, registered())).toEqual([
      {
        type: 'EmployerServiceProvided',
        data: { employerId, centerId: 'center-jinju', service: 'gender_equality_training', providedOn: '2026-04-15', participants: 24, note: '직장 내 양성평등 특강' },
      },
    ]);
  });

  it('records a consulting without participants or note', () => {
    expect(when({ ...training, service: 'consulting', participants: undefined, note: undefined }, registered())[0].data).toEqual({
      employerId,
      centerId: 'center-jinju',
      service: 'consulting',
      providedOn: '2026-04-15',
    });
  });

  it('refuses an unknown employer (404), a future date, and zero participants', () => {
    expect(refusal(training)).toBeInstanceOf(NotFound);
    expect(refusal({ ...training, providedOn: '2026-04-21' }, registered()).code).toBe('DATE_IN_FUTURE');
    expect(refusal({ ...training, participants: 0 }, registered())).toBeInstanceOf(RuleViolation);
    expect(refusal({ ...training, participants: 0 }, registered()).code).toBe('PARTICIPANTS_INVALID');
  });
});
