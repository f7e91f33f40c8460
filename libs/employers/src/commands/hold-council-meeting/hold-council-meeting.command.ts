import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { HoldCouncilMeetingDto } from './hold-council-meeting.dto';

export class HoldCouncilMeetingCommand {
  constructor(
    readonly input: HoldCouncilMeetingDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const holdCouncilMeeting: CommandDefinition<HoldCouncilMeetingDto> = {
  type: 'HoldCouncilMeeting',
  dto: HoldCouncilMeetingDto,
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new HoldCouncilMeetingCommand(dto, metadata),
};
