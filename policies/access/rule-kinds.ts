import { rule, type and } from 'graphql-shield';
import type { IRule } from 'graphql-shield';
import type { Principal } from '../principal.js';

/** What every access rule can see of the request: who is asking. */
export interface PolicyContext {
  principal: Principal;
}

/** Any shield rule: ours, `allow`/`deny`, or a logic rule over others. */
export type ShieldRule = Parameters<typeof and>[0];
type Args = Record<string, unknown>;
type Verdict = boolean | string;

interface RuleTraits {
  /** Decided from the principal and the field's arguments alone: checked before the query plan. */
  beforePlanning: boolean;
  /** Fields of the parent object the rule reads (fetched for it even when the client did not ask). */
  needs: string[];
}

const traits = new WeakMap<object, RuleTraits>();

/**
 * Shield refuses two rule objects of one name, and a rule's name is its cache key, so a name
 * stands for one rule: asking again (e.g. `holds('pii:read')` in two places) returns the first.
 */
const byName = new Map<string, IRule>();
function once(name: string, create: () => IRule): IRule {
  let existing = byName.get(name);
  if (!existing) byName.set(name, (existing = create()));
  return existing;
}

/**
 * A rule of the principal (and the field's arguments) only. The gateway decides it before planning,
 * so a field it denies is never fetched from any vendor.
 */
export function requestRule(name: string, decide: (principal: Principal, args: Args) => Verdict): IRule {
  return once(name, () => {
    // Without arguments to read, one answer per request is right (`contextual`); with them, one per arguments.
    const cache = decide.length < 2 ? 'contextual' : (_parent: unknown, args: Args) => JSON.stringify(args);
    const created = rule(name, { cache })((_parent: unknown, args: Args, ctx: PolicyContext) => decide(ctx.principal, args));
    traits.set(created, { beforePlanning: true, needs: [] });
    return created;
  });
}

/**
 * A rule that reads the parent object: only the fields listed in `needs`, which is all it is shown.
 * The gateway applies it to the result, once the data is there.
 */
export function dataRule<P extends Record<string, unknown>>(
  name: string,
  needs: (keyof P & string)[],
  decide: (principal: Principal, parent: P, args: Args) => Verdict,
): IRule {
  return once(name, () => {
    // One answer per value of what the rule reads: keyed by the needed fields, not the whole parent.
    const cache = (parent: P | undefined, args: Args) => JSON.stringify([needs.map((field) => parent?.[field]), args]);
    const created = rule(name, { cache })((parent: P | undefined, args: Args, ctx: PolicyContext) =>
      decide(ctx.principal, Object.fromEntries(needs.map((field) => [field, parent?.[field]])) as P, args),
    );
    traits.set(created, { beforePlanning: false, needs });
    return created;
  });
}

/** Traits of any rule: shield's `allow`/`deny` and logic rules (`and`, `or`, `not`, `chain`, `race`) included. */
export function traitsOf(shieldRule: ShieldRule): RuleTraits {
  const own = traits.get(shieldRule);
  if (own) return own;
  if ('getRules' in shieldRule) {
    const children = (shieldRule as { getRules(): ShieldRule[] }).getRules().map(traitsOf);
    return {
      beforePlanning: children.every((child) => child.beforePlanning),
      needs: [...new Set(children.flatMap((child) => child.needs))],
    };
  }
  // allow, deny, and plain shield rules of no kind of ours: a plain rule may read anything, so it waits for data.
  const constant = (shieldRule as { name?: string }).name;
  return { beforePlanning: constant === 'true' || constant === 'false', needs: [] };
}

const LOGIC_NAMES: Record<string, string> = {
  RuleAnd: 'and',
  RuleOr: 'or',
  RuleNot: 'not',
  RuleChain: 'chain',
  RuleRace: 'race',
};

/** A readable name for any rule: `or(isCustomerSelf, hasScope(pii:read))`. */
export function describeRule(shieldRule: ShieldRule): string {
  const className = shieldRule.constructor.name;
  if (className === 'RuleTrue') return 'allow';
  if (className === 'RuleFalse') return 'deny';
  const logic = LOGIC_NAMES[className];
  if (logic && 'getRules' in shieldRule) {
    return `${logic}(${(shieldRule as { getRules(): ShieldRule[] }).getRules().map(describeRule).join(', ')})`;
  }
  return (shieldRule as { name: string }).name;
}

/** Shield's normalized options, as `rule.resolve` takes them. */
export type ShieldOptions = Parameters<ShieldRule['resolve']>[4];
