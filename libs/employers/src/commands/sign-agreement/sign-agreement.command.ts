import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { SignAgreementDto } from './sign-agreement.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class SignAgreementCommand {
  constructor(
    readonly input: SignAgreementDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const signAgreement: CommandDefinition<SignAgreementDto> = {
  type: 'SignAgreement',
  dto: SignAgreementDto,
  access: { roles: [...CASE_WORKERS] },
  references: [{ kind: 'employer', field: 'employerId' }],
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.signedOn),
  build: (dto, metadata) => new SignAgreementCommand(dto, metadata),
};
