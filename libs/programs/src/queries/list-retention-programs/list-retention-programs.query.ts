export class ListRetentionProgramsQuery {
  constructor(
    readonly centerId: string,
    readonly minPosition?: number,
  ) {}
}
