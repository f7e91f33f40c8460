export class GetRetentionProgramQuery {
  constructor(
    readonly programId: string,
    readonly minPosition?: number,
  ) {}
}
