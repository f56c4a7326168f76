import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { ErrorCode } from '../../lib/errors.js';
import type { OperationLimits } from '../../policies/limits.js';
import type { PrincipalKind } from '../../policies/principal.js';
import type { GatewayContext } from '../context.js';

export interface LimitsOptions {
  limits: Record<PrincipalKind, OperationLimits>;
}

/**
 * Refuses an operation bigger than its principal kind may send (depth, aliases, directives, tokens,
 * cost), before anything runs, with QUERY_TOO_COMPLEX. The checks are GraphQL Armor's, run per
 * principal kind; a document's finding for a kind is kept (Apollo Server hands the same parsed
 * document for the same query), so a hot query is checked once per kind, not once per request.
 */
export function useLimits({ limits }: LimitsOptions): ApolloServerPlugin<GatewayContext> {
  const rulesByKind = new Map(
    Object.entries(limits).map(([kind, limit]) => [kind as PrincipalKind, armorRules(limit)] as const),
  );
  const findings = new WeakMap<DocumentNode, Map<PrincipalKind, GraphQLError | null>>();
  const findingFor = (schema: GraphQLSchema, document: DocumentNode, source: string, kind: PrincipalKind) => {
    let byKind = findings.get(document);
    if (!byKind) findings.set(document, (byKind = new Map()));
    if (!byKind.has(kind)) {
      const [error] = [...tokenErrors(source, limits[kind].tokens), ...armorErrors(schema, document, rulesByKind.get(kind)!)];
      byKind.set(kind, error ? tooComplex(error.message, kind) : null);
    }
    return byKind.get(kind);
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, source }) {
          const error = findingFor(schema, document, source, contextValue.principal.kind);
          if (error) throw error;
        },
      };
    },
  };
}

function armorRules(limit: OperationLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: true };
  return [
    maxDepthRule({ ...common, n: limit.depth, ignoreIntrospection: true }),
    // Armor lets `__typename` aliases through by default: each is still a field the gateway answers.
    maxAliasesRule({ ...common, n: limit.aliases, allowList: [] }),
    maxDirectivesRule({ ...common, n: limit.directives }),
    costLimitRule({ ...common, maxCost: limit.cost, ignoreIntrospection: true }),
  ] as ValidationRule[];
}

/** Armor's rules throw their first finding rather than report it. */
function armorErrors(schema: GraphQLSchema, document: DocumentNode, rules: ValidationRule[]): readonly GraphQLError[] {
  try {
    return validate(schema, document, rules);
  } catch (error) {
    return [error as GraphQLError];
  }
}

function tokenErrors(source: string, n: number): GraphQLError[] {
  try {
    new MaxTokensParserWLexer(source, { n, exposeLimits: true }).parseDocument();
    return [];
  } catch (error) {
    return [error as GraphQLError];
  }
}

function tooComplex(message: string, kind: PrincipalKind): GraphQLError {
  return new GraphQLError(`${message.replace(/^Syntax Error: /, '')} (limit for ${kind} callers)`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}
