import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors } from '@saeil/core';
import type { CommandDefinition } from '@saeil/runtime';
import type { Role } from '../domain/roles';
import { RecordKind, ScopedRecords } from './record-scope';
import { Roles } from './roles.decorator';

/** The CommandDefinition a route serves, kept on it so tests (the fuzz) can find the DTO both doors validate. */
export const COMMAND_DEFINITION_KEY = 'saeil:command-definition';

/**
 * Marks a command route: its path ids and body are validated against the command's DTO (both
 * doors' one validation, `IsRecordId` on every record id) after the guard, so the guard leaves an
 * id in a non-canonical form to that validation, which reports it with every other bad field.
 */
export const COMMAND_ROUTE_KEY = 'saeil:command-route';

/**
 * The HTTP route of a command takes who may send it from the command's definition (`access`),
 * the same declaration the Kafka command topic checks: `@CommandRoute(registerClient)`. Its
 * OpenAPI errors come with it: every command can meet a version conflict (409) and a rule (422);
 * its success body is the route's `@ApiAnswer(ResultClass)`. So do its `Idempotency-Key` header
 * and its answer to a duplicate, 200 instead of 201 (`CommandAnswerInterceptor`): the controller
 * only passes the body to `executeFromHttp` and sets what is its own (a `Location`).
 */
export function CommandRoute(definition: Pick<CommandDefinition, 'access'>): ClassDecorator & MethodDecorator {
  const records = (definition.access.records ?? []).map((r) => ({
    kind: r.kind as RecordKind,
    field: r.field,
    enrolledIn: r.enrolledIn,
  }));
  return applyDecorators(
    Roles(...(definition.access.roles as Role[])),
    ScopedRecords(...records),
    SetMetadata(COMMAND_ROUTE_KEY, true),
    SetMetadata(COMMAND_DEFINITION_KEY, definition),
    ApiErrors(409, 422),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat a request safely: the same key returns the first result',
    }),
  );
}
