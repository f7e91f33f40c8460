import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { groupProgramStreamId } from '@saeil/contracts';
import type { GroupProgramCreatedV1, GroupSessionHeldV1 } from '@saeil/contracts';
import { GetGroupProgramQuery } from './get-group-program.query';

export interface GroupSessionView {
  sessionNo: number;
  heldOn: string;
  topic?: string;
  attendeeClientIds: string[];
  registeredAttendees: number;
  walkIns: number;
  participants: number;
}

export interface GroupProgramView extends GroupProgramCreatedV1 {
  /** By session number. */
  sessions: GroupSessionView[];
  attendance: {
    sessionsHeld: number;
    /** 연인원: participants summed over sessions (registered attendees and walk-ins). */
    participations: number;
    walkIns: number;
    /** Distinct registered clients who attended at least one session. */
    distinctClients: number;
  };
}

/** A group program with its sessions and attendance, folded from its stream. */
@QueryHandler(GetGroupProgramQuery)
export class GetGroupProgramHandler implements IQueryHandler<GetGroupProgramQuery, GroupProgramView> {
  constructor(private readonly store: EventStore) {}

  async execute({ programId }: GetGroupProgramQuery): Promise<GroupProgramView> {
    const events = await this.store.readStream(groupProgramStreamId(programId));
    const created = events.find((e) => e.type === 'GroupProgramCreated');
    if (!created) throw new NotFound('집단상담 프로그램', programId);
    const sessions = events
      .filter((e) => e.type === 'GroupSessionHeld')
      .map((e) => e.data as unknown as GroupSessionHeldV1)
      .sort((a, b) => a.sessionNo - b.sessionNo)
      .map((s) => ({
        sessionNo: s.sessionNo,
        heldOn: s.heldOn,
        ...(s.topic ? { topic: s.topic } : {}),
        attendeeClientIds: s.attendeeClientIds,
        registeredAttendees: s.attendeeClientIds.length,
        walkIns: s.walkInCount,
        participants: s.attendeeClientIds.length + s.walkInCount,
      }));
    return {
      ...(created.data as unknown as GroupProgramCreatedV1),
      sessions,
      attendance: {
        sessionsHeld: sessions.length,
        participations: sessions.reduce((n, s) => n + s.participants, 0),
        walkIns: sessions.reduce((n, s) => n + s.walkIns, 0),
        distinctClients: new Set(sessions.flatMap((s) => s.attendeeClientIds)).size,
      },
    };
  }
}
