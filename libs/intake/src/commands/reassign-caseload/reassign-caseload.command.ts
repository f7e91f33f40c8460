import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { ReassignCaseloadDto } from './reassign-caseload.dto';

export class ReassignCaseloadCommand {
  constructor(
    readonly input: ReassignCaseloadDto,
    readonly metadata: EventMetadata,
  ) {}
}

/**
 * A supervisor moves a counselor's open cases (all, or those she selects) to one or several
 * counselors of her center: each case by its own AssignCounselor. The cases are found at her
 * center only, so naming another center's counselor moves nothing.
 */
export const reassignCaseload: CommandDefinition<ReassignCaseloadDto> = {
  type: 'ReassignCaseload',
  dto: ReassignCaseloadDto,
  access: { roles: ['supervisor'] },
  references: [{ kind: 'counselor', field: 'toCounselorIds', within: { centerField: 'centerId' } }],
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new ReassignCaseloadCommand(dto, metadata),
};
