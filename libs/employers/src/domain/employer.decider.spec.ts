import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { RuleViolation, ValidationFailed } from '@saeil/core';
import { deciderSpec } from '../../../../tests/support/decider-spec';
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

const { given, when } = deciderSpec(employerDecider, { checkEvent: assertMatchesContract });
const registered = () => when(register).events();

describe('employer decider: registration', () => {
  it('given a new number, when registered, then EmployerRegistered carries the formatted number, industry and size', () => {
    when(register).then([
      {
        type: 'EmployerRegistered',
        data: {
          employerId,
          centerId: 'center-jinju',
          businessRegistrationNumber: '220-81-62517',
          name: '(주)진주주얼리',
          industry: '귀금속 및 장신용품 제조업',
          size: 'small',
        },
      },
    ]);
  });

  it('given the number is registered, when registered again, then EMPLOYER_ALREADY_REGISTERED naming the employer', () => {
    given(...registered())
      .when({ ...register, centerId: 'center-naju' })
      .thenRefuses('EMPLOYER_ALREADY_REGISTERED', expect.objectContaining({ employerId, name: '(주)진주주얼리' }));
  });

  it('refuses a number whose check digit fails with a 400 on businessRegistrationNumber', () => {
    const error = when({ ...register, businessRegistrationNumber: '220-81-62518' }).thenRefuses('VALIDATION_FAILED');
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fields.map((f) => f.field)).toEqual(['businessRegistrationNumber']);
  });
});

describe('employer decider: post-management services', () => {
  it('given a registered employer, when a gender-equality training is given, then EmployerServiceProvided with participants', () => {
    given(...registered())
      .when(training)
      .then([
        {
          type: 'EmployerServiceProvided',
          data: {
            employerId,
            centerId: 'center-jinju',
            service: 'gender_equality_training',
            providedOn: '2026-04-15',
            participants: 24,
            note: '직장 내 양성평등 특강',
          },
        },
      ]);
  });

  it('records a consulting without participants or note', () => {
    expect(
      given(...registered())
        .when({ ...training, service: 'consulting', participants: undefined, note: undefined })
        .events()[0].data,
    ).toEqual({
      employerId,
      centerId: 'center-jinju',
      service: 'consulting',
      providedOn: '2026-04-15',
    });
  });

  it('refuses an unknown employer (404), a future date, and zero participants', () => {
    when(training).thenRefuses('NOT_FOUND');
    given(...registered())
      .when({ ...training, providedOn: '2026-04-21' })
      .thenRefuses('DATE_IN_FUTURE');
    expect(
      given(...registered())
        .when({ ...training, participants: 0 })
        .thenRefuses('PARTICIPANTS_INVALID'),
    ).toBeInstanceOf(RuleViolation);
  });
});
