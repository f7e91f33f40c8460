export class GetClientQuery {
  constructor(readonly clientId: string) {}
}
