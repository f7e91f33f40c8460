import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { HoldCouncilMeetingDto } from './hold-council-meeting.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class HoldCouncilMeetingCommand {
  constructor(
    readonly input: HoldCouncilMeetingDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const holdCouncilMeeting: CommandDefinition<HoldCouncilMeetingDto> = {
  type: 'HoldCouncilMeeting',
  dto: HoldCouncilMeetingDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new HoldCouncilMeetingCommand(dto, metadata),
};
