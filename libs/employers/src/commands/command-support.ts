import { ValidateBy } from 'class-validator';
import { isValidBusinessRegistrationNumber } from '../domain/business-registration-number';

/** 사업자등록번호 with a valid check digit (a 400 on the field, before any command runs). */
export const IsBusinessRegistrationNumber = () =>
  ValidateBy({
    name: 'isBusinessRegistrationNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidBusinessRegistrationNumber(value),
      defaultMessage: () =>
        'businessRegistrationNumber must be a valid 사업자등록번호 (XXX-XX-XXXXX with a matching check digit)',
    },
  });
