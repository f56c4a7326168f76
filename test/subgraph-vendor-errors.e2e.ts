import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceAdapter } from '../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../subgraphs/crm/server.js';
import { createCrmSimulator } from '../vendors/crm/simulator.js';
import { graphql } from './support/graphql.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

let crm: StartedSimulator;
/** The same subgraph over the same CRM, once as deployed and once as run by a developer. */
let production: string;
let development: string;

beforeAll(async () => {
  crm = await startSimulator('crm vendor simulator', createCrmSimulator);
  const subgraphIn = async (environment: 'production' | 'development') =>
    (await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: crm.url, environment })))).url;
  [production, development] = await Promise.all([subgraphIn('production'), subgraphIn('development')]);
});

afterEach(() => crm.admin.reset());

const READ = '{ customer(id: "C0001") { id } }';
const CHANGE = 'mutation { updateConsent(customerId: "C0001", consent: { sms: true }) { id } }';

/** The one error a subgraph answers while the CRM answers every call with `status`. */
async function errorWhileCrmAnswers(status: number, document: string, subgraph = production) {
  await crm.admin.setFaults({ failRate: 1, failStatus: status });
  const { errors } = await graphql(subgraph, document);
  expect(errors).toHaveLength(1);
  return errors![0]!;
}

describe('crm subgraph: what a vendor refusal means', () => {
  it.each([
    { status: 400, code: 'BAD_USER_INPUT', message: 'Vendor "crm" refused the input: HTTP 400' },
    { status: 431, code: 'BAD_USER_INPUT', message: 'Vendor "crm" refused the input: HTTP 431' },
    { status: 403, code: 'VENDOR_REFUSED', message: 'Vendor "crm" refused the request: HTTP 403' },
    { status: 429, code: 'VENDOR_UNAVAILABLE', message: 'Vendor "crm" is unavailable: HTTP 429' },
  ])('answers a CRM $status as $code, whether read or changed', async ({ status, code, message }) => {
    for (const document of [READ, CHANGE]) {
      const error = await errorWhileCrmAnswers(status, document);
      expect(error).toMatchObject({ message, extensions: { code, vendor: 'crm' } });
    }
  });
});

describe('crm subgraph: vendor routes in error messages', () => {
  it('names the vendor and the failure but no route outside development', async () => {
    for (const document of [READ, CHANGE]) {
      const { message } = await errorWhileCrmAnswers(503, document);
      expect(message).toBe('Vendor "crm" is unavailable: HTTP 503');
    }
  });

  it('names the route in development', async () => {
    const read = await errorWhileCrmAnswers(503, READ, development);
    expect(read.message).toBe('Vendor "crm" is unavailable: POST /services/data/v59.0/composite/sobjects/Contact/CustomerNumber__c: HTTP 503');
    const change = await errorWhileCrmAnswers(400, CHANGE, development);
    expect(change.message).toBe('Vendor "crm" refused the input: PATCH /services/data/v59.0/sobjects/Contact/CustomerNumber__c/C0001: HTTP 400');
  });
});
