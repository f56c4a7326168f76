import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { entityTag } from '../../lib/invalidation/message.js';
import { encodeCursor, readPageArgs } from '../../lib/subgraph/pagination.js';
import type { Consent, Customer, PaymentMethod } from './adapter.js';
import { readConsentChanges, readSegment } from './arguments.js';
import type { CrmContext } from './context.js';
import { internalReads, stepMutations } from './step-resolvers.js';

interface CustomersArgs {
  first?: number | null;
  after?: string | null;
  segment?: string | null;
}

interface UpdateConsentArgs {
  customerId: string;
  consent: { [K in keyof Consent]?: boolean | null };
}

export const resolvers: GraphQLResolverMap<CrmContext> = {
  Query: {
    customer: (_: unknown, { id }: { id: string }, { loaders }: CrmContext) => loaders.customers.load(id),

    async customers(_: unknown, args: CustomersArgs, { adapter }: CrmContext) {
      const { offset, limit } = readPageArgs(args);
      const segment = readSegment(args.segment);
      const page = await adapter.customers({ offset, limit, segment });
      const end = offset + page.customers.length;
      return {
        nodes: page.customers,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: end < page.totalCount, endCursor: page.customers.length > 0 ? encodeCursor(end) : null },
      };
    },

    ...internalReads,
  },

  Mutation: {
    async updateConsent(_: unknown, { customerId, consent }: UpdateConsentArgs, { adapter, loaders, invalidations }: CrmContext) {
      const updated = await adapter.updateConsent(customerId, readConsentChanges(consent));
      if (!updated) return null;
      loaders.customers.clear(customerId).prime(customerId, updated);
      await invalidations.publish([entityTag('Customer', updated.id)]);
      return updated;
    },

    ...stepMutations,
  },

  Customer: {
    __resolveReference: (reference: { id: string }, { loaders }: CrmContext) => loaders.customers.load(reference.id),
    name: (customer: Customer) => `${customer.firstName} ${customer.lastName}`,
  },

  PaymentMethod: {
    expires: (method: PaymentMethod) => `${String(method.expiryMonth).padStart(2, '0')}/${method.expiryYear}`,
    display: (method: PaymentMethod) => `${method.brand} •••• ${method.last4}`,
  },
};
