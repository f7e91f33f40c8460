import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { contractOf } from '@saeil/contracts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/**
 * For tests: throws when an event's payload does not match its published contract (deciders'
 * specs call this on what they produce, so code and docs/asyncapi.yaml cannot drift apart).
 */
export function assertMatchesContract(event: { type: string; data: unknown }): void {
  const contract = contractOf(event.type);
  if (!contract) throw new Error(`no contract for event type ${event.type} (add it to libs/contracts/src/registry.ts)`);
  let validate = compiled.get(event.type);
  if (!validate) {
    validate = ajv.compile(contract.payload);
    compiled.set(event.type, validate);
  }
  if (!validate(event.data)) {
    throw new Error(
      `${event.type} does not match its contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(event.data)}`,
    );
  }
}
