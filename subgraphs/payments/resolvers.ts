import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { AuthorizationRequest, Payment } from './adapter.js';
import { readAuthorization } from './arguments.js';
import type { PaymentsContext } from './context.js';

/** `Payment` as the schema shows it: its provider's id is its `id`. */
function present(payment: Payment) {
  return { ...payment, id: payment.providerId };
}

export const resolvers: GraphQLResolverMap<PaymentsContext> = {
  Mutation: {
    async authorizePayment(_: unknown, args: AuthorizationRequest, context: PaymentsContext) {
      requireInternalCall(context, 'authorizePayment');
      const payment = await context.adapter.authorize(readAuthorization(args));
      if (payment.status === 'DECLINED') {
        throw badUserInput(`The payment was declined: ${payment.declineMessage ?? 'the card was refused'}`, { reason: 'DECLINED' });
      }
      return present(payment);
    },

    async capturePayment(_: unknown, args: { reference: string }, context: PaymentsContext) {
      requireInternalCall(context, 'capturePayment');
      const reference = readReference(args.reference);
      const payment = await context.adapter.capture(reference);
      if (!payment) throw badUserInput(`No payment was authorized under "${reference}"`, { reason: 'UNKNOWN_PAYMENT' });
      if (payment.status !== 'CAPTURED') {
        throw badUserInput(`The payment under "${reference}" is ${payment.status} and cannot be captured`, { reason: 'NOT_CAPTURABLE', status: payment.status });
      }
      return present(payment);
    },

    async voidPayment(_: unknown, args: { reference: string }, context: PaymentsContext) {
      requireInternalCall(context, 'voidPayment');
      const reference = readReference(args.reference);
      return { reference, undone: await context.adapter.void(reference) };
    },
  },
};
