/** Topic and consumer-group names, in one place. */
export class Topics {
  constructor(readonly prefix = '') {}

  /** Events of one bounded context, e.g. `saeil.intake.events.v1`, keyed by stream id. */
  events(context: string): string {
    return `${this.prefix}saeil.${context}.events.v1`;
  }

  /** Events a projection gave up on, with the error in the headers. */
  deadLetter(): string {
    return `${this.prefix}saeil.deadletter.v1`;
  }

  commands(): string {
    return `${this.prefix}saeil.commands.v1`;
  }

  commandReplies(): string {
    return `${this.prefix}saeil.command-replies.v1`;
  }

  commandDeadLetter(): string {
    return `${this.prefix}saeil.commands.deadletter.v1`;
  }

  /**
   * The 접속기록's head checkpoints (anchors), one partition, kept forever: verification compares
   * the database's chain against them, so they live where the database's owner cannot rewrite them.
   */
  accessLogAnchors(): string {
    return `${this.prefix}saeil.access-log.anchors.v1`;
  }

  projectionGroup(projection: string): string {
    return `${this.prefix}saeil.projection.${projection}`;
  }
}
