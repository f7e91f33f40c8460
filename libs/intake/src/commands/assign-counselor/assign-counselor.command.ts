import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { AssignCounselorDto } from './assign-counselor.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class AssignCounselorCommand {
  constructor(
    readonly input: AssignCounselorDto,
    readonly metadata: EventMetadata,
  ) {}
}

/** Acts for the center that holds her case until now (the one handing it over). */
export const assignCounselor: CommandDefinition<AssignCounselorDto> = {
  type: 'AssignCounselor',
  dto: AssignCounselorDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  // a case moved to a center the directory does not list answered 200 and vanished for everyone
  // and the counselor taking it must work at that center (the same one, or the one taking it over)
  references: [
    { kind: 'center', field: 'centerId' },
    { kind: 'counselor', field: 'counselorId', within: { centerField: 'centerId' } },
  ],
  build: (dto, metadata) => new AssignCounselorCommand(dto, metadata),
};
