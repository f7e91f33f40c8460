export class ListPlacementsQuery {
  constructor(readonly clientId: string) {}
}
