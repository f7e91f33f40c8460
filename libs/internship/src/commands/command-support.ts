import { ApiProperty } from '@nestjs/swagger';
import { NotFound } from '@saeil/core';
import { EventMetadata, EventStore, handleCommand } from '@saeil/event-store';
import { INTERNSHIP_CONTEXT, InternshipStartedV1, internshipStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import type { QueryRunner } from 'typeorm';
import { InternshipCommand, internshipDecider } from '../domain/internship.decider';

export class InternshipResult extends CommandResult {
  @ApiProperty()
  internshipId: string;
  @ApiProperty()
  clientId: string;
}

type WithoutContext<C> = C extends unknown ? Omit<C, 'internshipId' | 'case' | 'today'> : never;

/**
 * For commands on an existing internship: read it (404 when unknown) to find whose it is, load
 * her case, then decide and append at the version read, acting for the center of her case and
 * guarded by it.
 */
export async function decideOnInternship(
  store: EventStore,
  /** The validated DTO: its id, and the request an idempotency key is checked against. */
  input: { internshipId: string },
  command: WithoutContext<Exclude<InternshipCommand, { type: 'StartInternship' }>>,
  metadata: EventMetadata,
  /** Today in Korea, from the caller's injected Clock (SAEIL_CLOCK_TODAY pins it). */
  today: string,
  inTransaction?: (runner: QueryRunner) => Promise<void>,
): Promise<InternshipResult> {
  const streamId = internshipStreamId(input.internshipId);
  const history = await store.readStream(streamId);
  if (history.length === 0) throw new NotFound('새일여성인턴', input.internshipId);
  const { clientId } = history[0].data as unknown as InternshipStartedV1;
  const loaded = await loadCase(store, clientId);
  const result = await handleCommand(store, internshipDecider, {
    streamId,
    context: INTERNSHIP_CONTEXT,
    command: { ...command, internshipId: input.internshipId, case: loaded.state, today } as InternshipCommand,
    metadata: actingFor(metadata, loaded.state.centerId),
    idempotency: idempotencyOf(metadata, command.type, input),
    history,
    guards: [loaded.guard],
    inTransaction,
  });
  return { internshipId: input.internshipId, clientId, ...commandResult(result) };
}
