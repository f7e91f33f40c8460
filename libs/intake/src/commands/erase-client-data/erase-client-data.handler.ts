import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { SaeilConfig } from '@saeil/config';
import { EventStore } from '@saeil/event-store';
import { PrivacyVault } from '@saeil/privacy';
import { idempotencyOf } from '@saeil/runtime';
import { eraseClientData, ErasureResult } from '../../erasure/erase-client-data';
import { EraseClientDataCommand } from './erase-client-data.command';

/** 개인정보 파기 on request (HTTP or the Kafka command topic): see eraseClientData. */
@CommandHandler(EraseClientDataCommand)
export class EraseClientDataHandler implements ICommandHandler<EraseClientDataCommand, ErasureResult> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PrivacyVault,
    private readonly config: SaeilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: EraseClientDataCommand): Promise<ErasureResult> {
    const { clientId, reason, note } = input;
    return eraseClientData(this.store, this.vault, {
      clientId,
      reason,
      note,
      metadata,
      today: this.clock.today(),
      retentionDays: this.config.PERSONAL_DATA_RETENTION_DAYS,
      idempotency: idempotencyOf(metadata, 'EraseClientData', input),
    });
  }
}
