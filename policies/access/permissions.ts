import { deny } from 'graphql-shield';
import type { AccessPolicy } from './policy.js';
import {
  actsForArgumentCustomer,
  everyone,
  holds,
  mayListCustomers,
  mayLookUpCustomer,
  ownerOr,
  signedIn,
  theCustomerOr,
} from './rules.js';
import { SCOPES } from './scopes.js';

/**
 * Who may read which field, and who may run which action, for the whole supergraph.
 * On a sensitive type, an open field is named one by one (`npm run policy:check` insists);
 * value types reached only through those fields take one rule for all their fields (`'*'`).
 * A field no rule names is denied.
 */
const pricingTeam = holds(SCOPES.pricingRead);

export const SENSITIVE_TYPES = ['Query', 'Mutation', 'Product', 'ProductVariant', 'Customer', 'Cart', 'Order'];

export const accessPolicy: AccessPolicy = {
  fallbackRule: deny,
  rules: {
    Query: {
      products: everyone,
      product: everyone,
      productBySku: everyone,
      categories: everyone,
      promotions: everyone,
      shippingOptions: everyone,
      stock: everyone,
      customer: mayLookUpCustomer,
      customers: mayListCustomers,
      cart: signedIn, // the cart itself then checks its owner
      order: signedIn, // the order itself then checks its owner
      warehouseCapacity: holds(SCOPES.fulfillmentRead),
      actions: holds(SCOPES.actionsRead),
      action: signedIn, // the orchestrator then shows an action to its principal, or to staff
      auditLog: holds(SCOPES.auditRead),
    },
    Mutation: {
      addCartItem: actsForArgumentCustomer(SCOPES.cartWrite),
      removeCartItem: actsForArgumentCustomer(SCOPES.cartWrite),
      updateConsent: actsForArgumentCustomer(SCOPES.consentWrite),
      placeOrder: actsForArgumentCustomer(SCOPES.ordersPlace),
      launchPromotion: holds(SCOPES.promotionsLaunch),
      changePrice: holds(SCOPES.pricingWrite),
      issueGoodwillCredit: holds(SCOPES.creditsIssue),
      approveAction: holds(SCOPES.actionsApprove), // the orchestrator also refuses one's own action
      rejectAction: holds(SCOPES.actionsApprove),
    },
    Product: {
      id: everyone,
      sku: everyone,
      name: everyone,
      description: everyone,
      brand: everyone,
      categories: everyone,
      category: everyone,
      badge: everyone,
      attributes: everyone,
      media: everyone,
      variants: everyone,
      price: everyone,
      availability: everyone,
      deliveryPromise: everyone,
      cost: pricingTeam,
      margin: pricingTeam,
      supplier: pricingTeam,
    },
    ProductVariant: {
      sku: everyone,
      gtin: everyone,
      options: everyone,
      product: everyone,
      availability: everyone,
    },
    Customer: {
      id: everyone, // reaching a customer at all is decided by the field that leads to it
      name: everyone,
      firstName: everyone,
      lastName: everyone,
      segments: everyone,
      loyalty: everyone,
      email: theCustomerOr(SCOPES.piiRead),
      phone: theCustomerOr(SCOPES.piiRead),
      addresses: theCustomerOr(SCOPES.piiRead),
      paymentMethods: theCustomerOr(SCOPES.piiRead),
      consent: theCustomerOr(SCOPES.consentRead),
      cart: theCustomerOr(SCOPES.cartRead),
      orders: theCustomerOr(SCOPES.ordersRead),
    },
    Cart: { '*': ownerOr(SCOPES.cartRead) },
    Order: { '*': ownerOr(SCOPES.ordersRead) },

    CartItem: { '*': everyone },
    OrderLine: { '*': everyone },
    CustomerConnection: { '*': everyone },
    CustomerPageInfo: { '*': everyone },
    Address: { '*': everyone },
    PaymentMethod: { '*': everyone },
    Consent: { '*': everyone },
    Loyalty: { '*': everyone },
    ProductConnection: { '*': everyone },
    PageInfo: { '*': everyone },
    ProductVariantOptions: { '*': everyone },
    ProductAttribute: { '*': everyone },
    Category: { '*': everyone },
    Media: { '*': everyone },
    Money: { '*': everyone },
    Price: { '*': everyone },
    Promotion: { '*': everyone },
    Availability: { '*': everyone },
    SourceAvailability: { '*': everyone },
    DeliveryPromise: { '*': everyone },
    ShippingOption: { '*': everyone },
    CapacityDay: { '*': everyone },
    ActionResult: { '*': everyone },
    ActionPlanStep: { '*': everyone },
    ActionStep: { '*': everyone },
    ActionCompensation: { '*': everyone },
    GuardrailVerdict: { '*': everyone },
    ActionApproval: { '*': everyone },
    AuditLogPage: { '*': everyone },
    AuditLogPageInfo: { '*': everyone },
    AuditRecord: { '*': everyone },
    AuditDecision: { '*': everyone },
  },
};
