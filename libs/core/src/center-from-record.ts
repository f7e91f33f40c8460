/**
 * metadata.centerId of a command whose center only its record knows: her case's center, the
 * program's, the agreement's. A CommandDefinition without `centerOf` gets this from both doors
 * (HTTP and the Kafka command topic), and its handler replaces it with the record's center once
 * it has read the record. It never reaches an event: EventStore.append refuses an empty centerId.
 */
export const CENTER_FROM_RECORD = '';
