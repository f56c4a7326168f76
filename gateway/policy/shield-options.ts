import { responsePathAsArray } from 'graphql';
import { deny } from 'graphql-shield';
import type { ShieldOptions } from '../../policies/access/rule-kinds.js';
import { forbidden } from './forbidden.js';
import type { RuleIndex } from './rule-index.js';

/**
 * Shield's options, normalized once: every denial becomes our FORBIDDEN error at the field's path,
 * and a rule that throws denies (its error is not passed to the client).
 */
export function shieldOptionsFor(index: RuleIndex): ShieldOptions {
  return {
    debug: false,
    allowExternalErrors: false,
    fallbackRule: deny,
    hashFunction: ({ parent, args }) => JSON.stringify([parent, args]),
    fallbackError: (_error, _parent, _args, _context, info) => {
      const coordinate = `${info.parentType.name}.${info.fieldName}`;
      return forbidden(coordinate, index.get(coordinate)?.name ?? 'deny', responsePathAsArray(info.path));
    },
  };
}
