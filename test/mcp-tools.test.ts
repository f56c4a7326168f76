import { readFileSync } from 'node:fs';
import { buildSchema, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditedFieldsOf } from '../gateway/audit/audited-fields.js';
import { agentTools } from '../gateway/mcp/agent-tools.js';
import { originCheck } from '../gateway/mcp/origin-check.js';
import { createToolCatalog } from '../gateway/mcp/tool-catalog.js';
import { toolInputSchema } from '../gateway/mcp/tool-input-schema.js';
import { createCallableCheck, type DeniedFields } from '../gateway/operations/callable.js';
import { loadOperations, type OperationRegistry } from '../gateway/operations/registry.js';
import { accessPolicy } from '../policies/access/permissions.js';
import type { Principal } from '../policies/principal.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';

const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
let schema: GraphQLSchema;
let registry: OperationRegistry;
let deniedFields: DeniedFields;
beforeAll(async () => {
  schema = await loadApiSchema(sdl);
  registry = loadOperations();
  deniedFields = createCallableCheck(schema, accessPolicy);
});

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('a tool input schema', () => {
  it('spells out enums, defaults, lists and input objects, described by their arguments', () => {
    const input = toolInputSchema(schema, operationOf('query Q($status: ActionStatus, $first: Int = 3, $skus: [String!]!) { actions(status: $status, first: $first) { id } stock(skus: $skus, region: "EU") { sku } }'));
    expect(input).toMatchObject({
      type: 'object',
      required: ['skus'],
      additionalProperties: false,
      properties: {
        status: { type: 'string', enum: expect.arrayContaining(['DRY_RUN', 'COMPLETED']), description: 'Only actions in this status; all when omitted.' },
        first: { type: 'integer', default: 3, description: 'How many, 1 to 200.' },
        skus: { type: 'array', items: { type: 'string' } },
      },
    });
  });
});

describe('the tools of the registered operations', () => {
  it('has one per operation, with the operation as its description and hints from what it does', () => {
    const tools = agentTools(registry, schema, auditedFieldsOf(sdl));
    expect([...tools.keys()]).toEqual(registry.operations.map((operation) => operation.name));
    expect(tools.get('PlaceOrder')).toMatchObject({ auditedAction: 'placeOrder', tool: { title: 'Place order', annotations: { idempotentHint: true } } });
    expect(tools.get('AddCartItem')).toMatchObject({ auditedAction: 'cart.addItem', tool: { annotations: { readOnlyHint: false, idempotentHint: false } } });
    expect(tools.get('CheckStock')).toMatchObject({ auditedAction: null, tool: { annotations: { readOnlyHint: true } } });
  });
});

describe('the tool catalog', () => {
  it('offers only the operations the loaded supergraph can run', async () => {
    const foreign = buildSchema('type Query { stock(skus: [String!]!, region: String!): [Stock] } type Stock { sku: String! available: Int! inStock: Boolean! complete: Boolean! sources: [Source!]! } type Source { source: String! locationId: String! available: Int! }');
    const catalog = createToolCatalog({ registry, onSchema: (listener) => listener(foreign), policy: null, audited: new Map() });
    expect((await catalog.visibleTo({ kind: 'agent', id: 'a', scopes: [] })).map(({ tool }) => tool.name)).toEqual(['CheckStock']);
    expect(await catalog.lookup({ kind: 'agent', id: 'a', scopes: [] }, 'PlaceOrder')).toBeUndefined();
  });
});

describe('who may call a registered operation', () => {
  const placeOrder = () => registry.byName.get('PlaceOrder')!;
  const denied = async (principal: Principal, name: string) => (await deniedFields(principal, registry.byName.get(name)!)).map((decision) => decision.rule);

  it('allows an agent holding the scope, for the customer it acts for', async () => {
    expect(await deniedFields({ kind: 'agent', id: 'a', scopes: ['orders:place'], onBehalfOf: 'C0001' }, placeOrder())).toEqual([]);
    expect(await deniedFields({ kind: 'agent', id: 'a', scopes: ['orders:place'] }, placeOrder())).toEqual([]);
    expect(await deniedFields({ kind: 'customer', id: 'C0001' }, placeOrder())).toEqual([]);
  });

  it('denies an agent without the scope, naming the rule', async () => {
    expect(await denied({ kind: 'agent', id: 'a', scopes: ['cart:write'], onBehalfOf: 'C0001' }, 'PlaceOrder')).toEqual(['actsForArgumentCustomer(orders:place)']);
    expect(await denied({ kind: 'agent', id: 'a', scopes: [] }, 'CustomerOverview')).toEqual(['mayLookUpCustomer']);
  });

  it('never hides an operation for rules that need the data', async () => {
    // cart and orders are decided on the customer the answer holds: the tool is shown, those fields may be withheld.
    expect(await denied({ kind: 'agent', id: 'a', scopes: ['customers:read'], onBehalfOf: 'C0001' }, 'CustomerOverview')).toEqual([]);
  });
});

describe('the Origin check', () => {
  const check = originCheck({ allowedOrigins: ['https://console.example'], publicUrl: 'https://api.example/' });
  const outcome = (origin?: string) => {
    let status = 0;
    let passed = false;
    const req = { get: (name: string) => (name === 'origin' ? origin : undefined) };
    const res = { status: (code: number) => ((status = code), { json: () => undefined }) };
    check(req as never, res as never, () => (passed = true));
    return passed ? 'passed' : status;
  };

  it('lets through clients without an Origin, this machine, the public URL and configured origins', () => {
    expect([undefined, 'http://localhost:6274', 'http://127.0.0.1:3000', 'https://api.example', 'https://console.example'].map(outcome)).toEqual(Array(5).fill('passed'));
  });

  it('refuses any other origin with 403', () => {
    expect(['https://evil.example', 'http://localhost.evil.example', 'null'].map(outcome)).toEqual([403, 403, 403]);
  });
});
