import { Kind, visit, type DocumentNode, type FieldNode, type SelectionNode, type SelectionSetNode } from 'graphql';

export interface DocumentEdits {
  /** Fields to drop: denied before planning, never fetched. */
  prune: Set<FieldNode>;
  /** Fields to add, unaliased, to a selection set (for rules that read the parent, and `__typename`). */
  add: Map<SelectionSetNode, Set<string>>;
}

/**
 * The document the gateway plans and fetches: the client's, less the denied fields, plus what the
 * result pass needs. A selection set left empty keeps `__typename`, so the document stays valid.
 */
export function rewriteDocument(document: DocumentNode, edits: DocumentEdits): DocumentNode {
  if (edits.prune.size === 0 && edits.add.size === 0) return document;
  const pending: (Set<string> | undefined)[] = [];
  return visit(document, {
    Field: (node) => (edits.prune.has(node) ? null : undefined),
    SelectionSet: {
      enter: (node) => void pending.push(edits.add.get(node)),
      leave(node) {
        const additions = pending.pop();
        const keys = new Set(node.selections.map(responseKeyOf));
        const missing = [...(additions ?? [])].filter((name) => !keys.has(name));
        if (node.selections.length === 0) missing.push('__typename');
        if (missing.length === 0) return undefined;
        return { ...node, selections: [...node.selections, ...missing.map(field)] };
      },
    },
  });
}

/** A field the client already uses as a response key under another name is not added: the rule then fails closed. */
function responseKeyOf(selection: SelectionNode): string | undefined {
  return selection.kind === Kind.FIELD ? (selection.alias?.value ?? selection.name.value) : undefined;
}

function field(name: string): FieldNode {
  return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } };
}
