import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { CampaignRequest, GoodwillCreditRequest } from './adapter.js';
import type { CrmContext } from './context.js';
import { readCampaign, readGoodwillCredit } from './step-arguments.js';

/**
 * The steps of orchestrated actions and their compensations: internal (signed calls only), keyed by
 * their reference at the CRM. Campaigns and credits are in no answer anyone caches, so they publish nothing.
 */
export const stepMutations = {
  createCampaign(_: unknown, args: CampaignRequest, context: CrmContext) {
    requireInternalCall(context, 'createCampaign');
    return context.adapter.createCampaign(readCampaign(args));
  },
  async cancelCampaign(_: unknown, args: { reference: string }, context: CrmContext) {
    requireInternalCall(context, 'cancelCampaign');
    const reference = readReference(args.reference);
    return { reference, undone: await context.adapter.cancelCampaign(reference) };
  },
  async grantGoodwillCredit(_: unknown, args: GoodwillCreditRequest, context: CrmContext) {
    requireInternalCall(context, 'grantGoodwillCredit');
    const credit = await context.adapter.grantGoodwillCredit(readGoodwillCredit(args));
    if (!credit) throw badUserInput(`The CRM has no customer "${args.customerId}"`, { reason: 'UNKNOWN_CUSTOMER' });
    return credit;
  },
  async revokeGoodwillCredit(_: unknown, args: { reference: string }, context: CrmContext) {
    requireInternalCall(context, 'revokeGoodwillCredit');
    const reference = readReference(args.reference);
    return { reference, undone: await context.adapter.revokeGoodwillCredit(reference) };
  },
};

/** What the orchestrator's guardrails read: internal like the steps, and never cached. */
export const internalReads = {
  negotiatedDiscounts(_: unknown, args: { sku: string }, context: CrmContext) {
    requireInternalCall(context, 'negotiatedDiscounts');
    return context.adapter.negotiatedDiscounts(args.sku, new Date().toISOString().slice(0, 10));
  },
};
