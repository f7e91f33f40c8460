import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { buildAsyncApi } from './asyncapi';
import { DECLARED_EVENT_TYPES, EVENT_CONTRACTS } from './registry';

describe('AsyncAPI document and event contracts', () => {
  it('docs/asyncapi.yaml is what the contracts in code generate (run npm run docs:asyncapi after changing an event)', () => {
    const committed = parse(readFileSync(path.resolve(__dirname, '../../../docs/asyncapi.yaml'), 'utf8'));
    expect(committed).toEqual(buildAsyncApi());
  });

  it('every event type a context declares has exactly one contract, in that context', () => {
    for (const [context, types] of DECLARED_EVENT_TYPES) {
      for (const type of types)
        expect(EVENT_CONTRACTS.filter((c) => c.type === type).map((c) => c.context)).toEqual([context]);
    }
    expect(new Set(EVENT_CONTRACTS.map((c) => c.type)).size).toBe(EVENT_CONTRACTS.length);
    const declaredTypes = DECLARED_EVENT_TYPES.flatMap(([, types]) => types);
    expect(EVENT_CONTRACTS.map((c) => c.type).sort()).toEqual([...declaredTypes].sort());
  });

  it('every payload schema is a valid JSON schema that forbids unknown properties', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    for (const contract of EVENT_CONTRACTS) {
      expect(() => ajv.compile(contract.payload)).not.toThrow();
      expect(contract.payload).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('one channel per context, addressed by the topic the relay publishes to', () => {
    const doc = buildAsyncApi() as { channels: Record<string, { address: string; messages: Record<string, unknown> }> };
    expect(doc.channels.intakeEvents.address).toBe('saeil.intake.events.v1');
    for (const [context, types] of DECLARED_EVENT_TYPES) {
      if (types.length === 0) continue;
      expect(doc.channels[`${context}Events`].address).toBe(`saeil.${context}.events.v1`);
      expect(Object.keys(doc.channels[`${context}Events`].messages).sort()).toEqual([...types].sort());
    }
  });
});
