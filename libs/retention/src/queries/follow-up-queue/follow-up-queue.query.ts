import type { FollowUpQueueDto } from './follow-up-queue.dto';

export class FollowUpQueueQuery {
  constructor(
    readonly filter: FollowUpQueueDto,
    /** The centers the caller reaches (null: every center): another center's clients never show. */
    readonly centerIds: string[] | null,
  ) {}
}
