import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppendResult, EventStore, handleCommand } from '@saeil/event-store';
import { clientStreamId, INTAKE_CONTEXT } from '@saeil/contracts';
import { clientDecider } from '../../domain/client.decider';
import { RegisterClientCommand } from './register-client.command';

export interface RegisterClientResult {
  clientId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

@CommandHandler(RegisterClientCommand)
export class RegisterClientHandler implements ICommandHandler<RegisterClientCommand, RegisterClientResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RegisterClientCommand): Promise<RegisterClientResult> {
    const clientId = randomUUID();
    const result: AppendResult = await handleCommand(this.store, clientDecider, {
      streamId: clientStreamId(clientId),
      context: INTAKE_CONTEXT,
      command: { type: 'RegisterClient', clientId, ...input, today: metadata.occurredAt.slice(0, 10) },
      metadata,
      idempotency: metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType: 'RegisterClient', request: input } : undefined,
    });
    return {
      clientId: result.streamId.replace(/^client-/, ''),
      streamVersion: result.streamVersion,
      position: result.globalPosition,
      duplicate: result.duplicate,
    };
  }
}
