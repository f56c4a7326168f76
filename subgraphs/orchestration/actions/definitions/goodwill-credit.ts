import { goodwillCreditGuardrails } from '../../../../policies/guardrails/actions.js';
import type { AgentMoneyFacts } from '../../../../policies/guardrails/agent-money.js';
import { crm } from '../../domain/step-operations.js';
import { readAmount, readCurrency, readText } from '../arguments.js';
import { agentMoneyReservation } from '../atomic-claims.js';
import { step, type ActionDefinition } from '../definition.js';
import { mayCreditCustomer } from '../permits.js';

export interface GoodwillCreditInput {
  customerId: string;
  amount: number;
  currency: string;
  /** What the CRM records as the credit's reason. */
  note: string;
}

interface GoodwillCreditFacts {
  agentMoney: AgentMoneyFacts | null;
}

/** Customer service: a credit on the customer's account, above a threshold only once a staff member approves. */
export const issueGoodwillCredit: ActionDefinition<GoodwillCreditInput, GoodwillCreditFacts> = {
  name: 'issueGoodwillCredit',
  mayAwaitApproval: true,
  atomic: [agentMoneyReservation],

  readInput: (args) => ({
    customerId: readText('customerId', args.customerId),
    amount: readAmount('amount', args.amount),
    currency: readCurrency(args.currency),
    note: typeof args.reason === 'string' && args.reason.trim() ? args.reason.trim() : 'Goodwill credit',
  }),

  mayRun: (principal, input) => mayCreditCustomer(principal, input.customerId),

  readFacts: async ({ amount, currency }, reads) => ({ agentMoney: await reads.agentMoney({ amount, currency }) }),

  guardrails: ({ customerId, amount, currency }, { agentMoney }, limits) => goodwillCreditGuardrails({ customerId, credit: { amount, currency }, agentMoney }, limits),

  plan: ({ customerId, amount, currency, note }, _facts, reference) => [
    step('issue-credit', reference, (ref) => [crm.grantGoodwillCredit({ customerId, amount, currency, reason: note, reference: ref }), crm.revokeGoodwillCredit({ reference: ref })]),
  ],
};
