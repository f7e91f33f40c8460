export class GetGroupProgramQuery {
  constructor(readonly programId: string) {}
}
