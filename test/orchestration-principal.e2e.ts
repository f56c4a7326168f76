import { describe, expect, it } from 'vitest';
import { PRINCIPAL_HEADER, PRINCIPAL_SIGNATURE_HEADER, signPrincipalAssertion, verifyPrincipalAssertion } from '../lib/identity/principal-assertion.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { useOrchestration } from './support/orchestration-stack.js';

/**
 * The orchestration subgraph trusts one statement of who asks: the principal the gateway verified,
 * in `x-principal`, signed with INTERNAL_CALL_SECRET. Anything else is anonymous, and anonymous runs no action.
 */
const agent: Principal = { kind: 'agent', id: 'support-bot', scopes: ['cart:read'], onBehalfOf: 'C0001' };
const secret = randomSecret();

describe('principal assertions', () => {
  it('carries the principal, the reason and the trace context, and verifies only with the secret', () => {
    const headers = signPrincipalAssertion({ principal: agent, reason: 'late parcel', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, secret);
    expect(verifyPrincipalAssertion(headers, secret)).toEqual({ principal: agent, reason: 'late parcel', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    // Replays within the tolerance verify again: the assertion says who, and every action is idempotent anyway.
    expect(verifyPrincipalAssertion(headers, secret)).not.toBeNull();
    expect(verifyPrincipalAssertion(headers, randomSecret())).toBeNull();
  });

  it('refuses an assertion someone changed, one that is stale, and anything malformed', () => {
    const headers = signPrincipalAssertion({ principal: agent }, secret);
    const promoted = Buffer.from(JSON.stringify({ principal: { kind: 'staff', id: 'support-bot', roles: ['pricing'] } })).toString('base64url');
    expect(verifyPrincipalAssertion({ ...headers, [PRINCIPAL_HEADER]: promoted }, secret)).toBeNull();
    expect(verifyPrincipalAssertion(headers, secret, () => Date.now() + 61_000)).toBeNull();
    expect(verifyPrincipalAssertion({ [PRINCIPAL_HEADER]: headers[PRINCIPAL_HEADER] }, secret)).toBeNull();
    const notJson = signPrincipalAssertion({ principal: agent }, secret);
    expect(verifyPrincipalAssertion({ ...notJson, [PRINCIPAL_HEADER]: 'bm90IGpzb24' }, secret)).toBeNull();
    const unknownKind = { principal: { kind: 'root', id: 'x' } } as unknown as Parameters<typeof signPrincipalAssertion>[0];
    expect(verifyPrincipalAssertion(signPrincipalAssertion(unknownKind, secret), secret)).toBeNull();
    expect(verifyPrincipalAssertion({}, secret)).toBeNull();
  });
});

const database = await scratchDatabaseOrSkip('test/orchestration-principal.e2e.ts');

describe.runIf(database)('the orchestration subgraph', () => {
  const stack = useOrchestration(database!);

  const DRY_RUN = 'mutation { changePrice(sku: "SKU-10101-01", region: "EU", amount: 10, idempotencyKey: "k", dryRun: true) { status } }';

  it('runs no action, not even a dry run, without a principal the gateway signed', async () => {
    const anonymous = await graphql(stack.orchestration.url, DRY_RUN);
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const claimed = { [PRINCIPAL_HEADER]: Buffer.from(JSON.stringify({ principal: { kind: 'staff', id: 'S1', roles: [] } })).toString('base64url') };
    expect((await graphql(stack.orchestration.url, DRY_RUN, {}, claimed)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const forged = { ...signPrincipalAssertion({ principal: { kind: 'staff', id: 'S1', roles: [] } }, randomSecret()) };
    expect((await graphql(stack.orchestration.url, DRY_RUN, {}, forged)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(forged[PRINCIPAL_SIGNATURE_HEADER]).toBeTruthy();
  });

  it('holds each principal to what it may do', async () => {
    const { as } = stack;
    expect((await as({ kind: 'staff', id: 'S1', roles: ['pricing'] }, DRY_RUN)).data!.changePrice.status).toBe('DRY_RUN');
    // An agent acting for one customer neither prices the catalog nor orders for another customer.
    expect((await as(agent, DRY_RUN)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const otherCustomer = 'mutation { placeOrder(customerId: "C0002", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 1 }], idempotencyKey: "k", dryRun: true) { status } }';
    expect((await as(agent, otherCustomer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await as({ kind: 'customer', id: 'C0002' }, otherCustomer)).data!.placeOrder.status).toBe('DRY_RUN');
    expect((await as(agent, '{ actions { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
