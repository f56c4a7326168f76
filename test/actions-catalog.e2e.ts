import { describe, expect, it } from 'vitest';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { negotiatedDiscountsOf } from '../vendors/seed/negotiated-discounts.js';
import { seedData } from '../vendors/seed/index.js';
import { useOrchestration } from './support/orchestration-stack.js';
import { effectList, effectsInForce } from './support/vendor-effects.js';

/**
 * `launchPromotion` (PIM badge + commerce discount + CRM campaign) and `changePrice` over the real
 * subgraphs and simulators, each guardrail refusing with no vendor write. Which product breaks which
 * guardrail is found with dry runs, the way an agent would ask.
 */
const database = await scratchDatabaseOrSkip('test/actions-catalog.e2e.ts');

const LAUNCH = `mutation Launch($productIds: [ID!]!, $percent: Float!, $key: String!, $dryRun: Boolean) {
  launchPromotion(name: "Winter sale", productIds: $productIds, percent: $percent, region: "EU", segment: "vip", badge: "SALE",
    validUntil: "2099-12-31", idempotencyKey: $key, dryRun: $dryRun) {
    id status error
    guardrails { guardrail decision subject limit value }
    steps { name status }
  }
}`;

const CHANGE = `mutation Change($sku: String!, $amount: Float!, $key: String!, $dryRun: Boolean) {
  changePrice(sku: $sku, region: "EU", amount: $amount, idempotencyKey: $key, dryRun: $dryRun, reason: "competitor moved") {
    id status error
    guardrails { guardrail decision subject limit value }
  }
}`;

const pricingBot: Principal = { kind: 'agent', id: 'pricing-bot', scopes: ['pricing:write', 'promotions:launch'] };
type Verdict = { guardrail: string; decision: string; subject: string; limit: string; value: string };

describe.runIf(database)('catalog actions', () => {
  const stack = useOrchestration(database!);

  const launch = (productIds: string[], percent: number, key: string, dryRun = false) => stack.as(pricingBot, LAUNCH, { productIds, percent, key, dryRun });
  const change = (sku: string, amount: number, key: string, dryRun = false) => stack.as(pricingBot, CHANGE, { sku, amount, key, dryRun });
  const verdictOf = (verdicts: Verdict[], guardrail: string) => verdicts.find((verdict) => verdict.guardrail === guardrail)!;

  /** The first product whose dry run at `percent` gives the decisions asked for. */
  async function productWhere(percent: number, wanted: Record<string, string>): Promise<string> {
    for (const product of seedData().products.slice(0, 150)) {
      const { data } = await launch([product.id], percent, `probe-${product.id}`, true);
      const verdicts: Verdict[] = data!.launchPromotion.guardrails;
      if (Object.entries(wanted).every(([guardrail, decision]) => verdictOf(verdicts, guardrail).decision === decision)) return product.id;
    }
    throw new Error(`no product with ${JSON.stringify(wanted)} at ${percent} %`);
  }

  describe('launchPromotion', () => {
    it('puts the badge, the discount and the campaign in place', async () => {
      const productId = await productWhere(10, { 'max-discount-by-category': 'ALLOW', 'minimum-margin': 'ALLOW', 'safety-stock': 'ALLOW' });
      const { data, errors } = await launch([productId], 10, 'launch');
      expect(errors).toBeUndefined();
      const { id, status, steps } = data!.launchPromotion;
      expect(status).toBe('COMPLETED');
      expect(steps.map((step: { name: string; status: string }) => `${step.name} ${step.status}`)).toEqual(['set-badge-1 DONE', 'create-discount DONE', 'create-campaign DONE']);
      expect(effectList(await stack.domain.effects()).sort()).toEqual(
        [`pim badge ${id}:set-badge-1`, `commerce product-discount ${id}:create-discount`, `crm campaign ${id}:create-campaign`].sort(),
      );
    });

    for (const [guardrail, percent, others] of [
      ['max-discount-by-category', 45, {}],
      ['minimum-margin', 14, { 'max-discount-by-category': 'ALLOW' }],
      ['safety-stock', 5, { 'max-discount-by-category': 'ALLOW', 'minimum-margin': 'ALLOW' }],
    ] as const) {
      it(`is refused by ${guardrail}, naming its limit, with no vendor write`, async () => {
        const productId = await productWhere(percent, { ...others, [guardrail]: 'DENY' });
        const { data: dry } = await launch([productId], percent, `dry-${guardrail}`, true);
        const expected = verdictOf(dry!.launchPromotion.guardrails, guardrail);
        const { data, errors } = await launch([productId], percent, `refused-${guardrail}`);
        expect(data).toBeNull();
        expect(errors![0]!.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail, limit: expected.limit, value: expected.value, subject: productId });
        expect(effectList(await stack.domain.effects())).toEqual([]);
      });
    }

    it('undoes the badge and the discount when the campaign cannot be created', async () => {
      const productId = await productWhere(10, { 'max-discount-by-category': 'ALLOW', 'minimum-margin': 'ALLOW', 'safety-stock': 'ALLOW' });
      await stack.domain.vendors.crm.admin.setFaults({ routes: { 'PATCH /services/data/v59.0/sobjects/Campaign/ExternalId__c/:externalId': { failRate: 1 } } });
      const { data } = await launch([productId], 10, 'launch-fails');
      expect(data!.launchPromotion.steps.map((step: { name: string; status: string }) => `${step.name} ${step.status}`)).toEqual([
        'set-badge-1 COMPENSATED',
        'create-discount COMPENSATED',
        'create-campaign FAILED',
      ]);
      expect(data!.launchPromotion.status).toBe('COMPENSATED');
      expect(effectsInForce(await stack.domain.effects())).toEqual([]);
    });
  });

  describe('changePrice', () => {
    const heldSku = negotiatedDiscountsOf(seedData()).find((discount) => discount.sku && discount.validUntil >= '2030-01-01')!.sku!;
    const freeSku = (index: number) => seedData().products[100 + index]!.variants[0]!.sku;
    /** The floor the minimum margin sets for `sku`, from a dry run. */
    const floorOf = async (sku: string) => {
      const { data } = await change(sku, 999_999, `floor-${sku}`, true);
      return Number(verdictOf(data!.changePrice.guardrails, 'minimum-margin').limit.split(' ')[0]);
    };

    it('sets a price within every guardrail, once', async () => {
      const sku = freeSku(0);
      const amount = (await floorOf(sku)) + 5;
      const { data, errors } = await change(sku, amount, 'change');
      expect(errors).toBeUndefined();
      expect(data!.changePrice.status).toBe('COMPLETED');
      expect(effectList(await stack.domain.effects())).toEqual([`commerce price-change ${data!.changePrice.id}:set-price`]);
    });

    it('refuses a price below cost plus the minimum margin', async () => {
      const sku = freeSku(1);
      const floor = await floorOf(sku);
      const { errors } = await change(sku, floor - 0.01, 'below-cost');
      expect(errors![0]!.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail: 'minimum-margin', limit: `${floor.toFixed(2)} EUR`, value: `${(floor - 0.01).toFixed(2)} EUR` });
      expect(effectList(await stack.domain.effects())).toEqual([]);
    });

    it('refuses an increase while a customer holds a negotiated discount, and lets a decrease through', async () => {
      const floor = await floorOf(heldSku);
      const { data: current } = await change(heldSku, floor, 'probe-current', true);
      const lock = verdictOf(current!.changePrice.guardrails, 'negotiated-discount-price-lock');
      const currentAmount = Number(/above ([\d.]+) EUR/.exec(lock.limit)![1]);
      const { errors } = await change(heldSku, currentAmount + 1, 'raise');
      expect(errors![0]!.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail: 'negotiated-discount-price-lock', subject: heldSku });
      expect(effectList(await stack.domain.effects())).toEqual([]);
      expect(currentAmount - 0.5).toBeGreaterThanOrEqual(floor);
      const { data } = await change(heldSku, currentAmount - 0.5, 'lower');
      expect(data!.changePrice.status).toBe('COMPLETED');
    });

    it('lets only one of two concurrent changes take the last slot of the day', async () => {
      const sku = freeSku(2);
      const floor = await floorOf(sku);
      for (const step of [1, 2]) expect((await change(sku, floor + step, `slot-${step}`)).data!.changePrice.status).toBe('COMPLETED');
      const racing = await Promise.all([change(sku, floor + 3, 'slot-3a'), change(sku, floor + 4, 'slot-3b')]);
      const statuses = racing.map((answer) => answer.data?.changePrice.status ?? answer.errors![0]!.extensions!.guardrail);
      expect(statuses.sort()).toEqual(['COMPLETED', 'price-changes-per-day']);
      const refused = racing.find((answer) => answer.errors)!.errors![0]!.extensions!;
      expect(refused).toMatchObject({ limit: '3 changes per day', value: '3 changes today' });
      expect(effectList(await stack.domain.effects()).filter((effect) => effect.startsWith('commerce price-change'))).toHaveLength(3);
    });

    it('gives the slot of a change that did not take effect back', async () => {
      const sku = freeSku(3);
      const floor = await floorOf(sku);
      await stack.domain.vendors.commerce.admin.setFaults({ routes: { 'POST /price-changes': { failRate: 1 } } });
      expect((await change(sku, floor + 1, 'not-applied')).data!.changePrice.status).toBe('COMPENSATED');
      await stack.domain.vendors.commerce.admin.setFaults({});
      const { data } = await change(sku, floor + 1, 'probe-slots', true);
      expect(verdictOf(data!.changePrice.guardrails, 'price-changes-per-day').value).toBe('0 changes today');
    });
  });
});
