import type { ActionDefinition } from './definition.js';
import { changePrice } from './definitions/change-price.js';
import { issueGoodwillCredit } from './definitions/goodwill-credit.js';
import { launchPromotion } from './definitions/launch-promotion.js';
import { placeOrder } from './definitions/place-order.js';
import type { ActionName } from './model.js';

/** Every orchestrated action by name: each is one DBOS workflow of that name. */
export const ACTIONS: Record<ActionName, ActionDefinition<any, any>> = { placeOrder, launchPromotion, changePrice, issueGoodwillCredit };
