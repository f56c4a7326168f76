import { isObjectType, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../../lib/config.js';
import type { AccessPolicy } from '../../policies/access/policy.js';

/**
 * What the policy names that the supergraph lacks. A policy binds only to the supergraph it was
 * written for: each type and field it guards must be there, or its rules guard nothing.
 */
export function policyMismatches(schema: GraphQLSchema, policy: AccessPolicy): string[] {
  return Object.entries(policy.rules).flatMap(([typeName, fields]) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [`rules name type ${typeName}, which the supergraph does not have`];
    return Object.keys(fields)
      .filter((field) => field !== '*' && !(field in type.getFields()))
      .map((field) => `rules name ${typeName}.${field}, which the supergraph does not have`);
  });
}

/** Fails closed: the gateway does not start on a supergraph its policy was not written for. */
export function assertPolicyBinds(schema: GraphQLSchema, policy: AccessPolicy): void {
  const mismatches = policyMismatches(schema, policy);
  if (mismatches.length === 0) return;
  // Missing types say most about which supergraph this is: they come first.
  const byType = (m: string) => (m.startsWith('rules name type ') ? 0 : 1);
  const shown = mismatches.sort((a, b) => byType(a) - byType(b)).slice(0, 5);
  if (mismatches.length > shown.length) shown.push(`… and ${mismatches.length - shown.length} more`);
  throw new ConfigError([
    `the access policy was not written for this supergraph:\n${shown.map((m) => `      ${m}`).join('\n')}\n` +
      '    start with --policy off (ACCESS_POLICY=off) to run without access control, ' +
      'or --policy FILE with a policy written for this supergraph',
  ]);
}
