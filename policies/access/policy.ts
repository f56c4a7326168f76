import type { ShieldRule } from './rule-kinds.js';

/**
 * Field-level access, as graphql-shield reads it: rules by type, then by field, `'*'` standing for
 * every field of the type that no other entry names. A field no rule names falls to `fallbackRule`.
 */
export interface AccessPolicy {
  rules: Record<string, Record<string, ShieldRule>>;
  fallbackRule: ShieldRule;
}
