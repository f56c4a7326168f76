import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { boundStringInputs, MAX_ID_LENGTH, MAX_STRING_LENGTH } from '../lib/subgraph/input-bounds.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Note @key(fields: "id") { id: ID! text: String }
  input NoteInput { text: String! tags: [String!] }
  type Query { note(id: ID!): Note, notes(first: Int): [Note!]! }
  type Mutation { addNote(note: NoteInput!): Note! }
`);

/** Every resolver records that it ran, so a refused call can be seen not to have reached it. */
const resolved: string[] = [];
function ran<T>(resolver: string, answer: T): T {
  resolved.push(resolver);
  return answer;
}

const schema = boundStringInputs(
  buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        note: (_: unknown, { id }: { id: string }) => ran('note', { id }),
        notes: () => ran('notes', []),
      },
      Mutation: { addNote: (_: unknown, { note }: { note: { text: string } }) => ran('addNote', { id: 'N1', text: note.text }) },
      Note: { __resolveReference: (reference: { id: string }) => ran('Note', reference) },
    },
  }),
);

async function run(source: string, variableValues: Record<string, unknown>) {
  resolved.length = 0;
  const { errors } = await graphql({ schema, source, variableValues });
  return { errors: errors?.map((error) => ({ message: error.message, code: error.extensions.code })), resolved: [...resolved] };
}

const text = (length: number) => 'x'.repeat(length);
const ADD_NOTE = 'mutation ($note: NoteInput!) { addNote(note: $note) { id } }';
const ENTITIES = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Note { id } } }';

describe('input bounds', () => {
  it('takes an ID or a String of exactly its bound, and fields without strings as they are', async () => {
    expect(await run('query ($id: ID!) { note(id: $id) { id } }', { id: text(MAX_ID_LENGTH) })).toEqual({ errors: undefined, resolved: ['note'] });
    expect(await run(ADD_NOTE, { note: { text: text(MAX_STRING_LENGTH), tags: [text(MAX_STRING_LENGTH)] } })).toMatchObject({ resolved: ['addNote'] });
    expect(await run('{ notes(first: 5) { id } }', {})).toMatchObject({ errors: undefined, resolved: ['notes'] });
  });

  it('refuses a longer ID argument before its resolver runs, naming the argument', async () => {
    expect(await run('query ($id: ID!) { note(id: $id) { id } }', { id: text(MAX_ID_LENGTH + 1) })).toEqual({
      errors: [{ message: `"id" must be at most ${MAX_ID_LENGTH} characters, got ${MAX_ID_LENGTH + 1}`, code: 'BAD_USER_INPUT' }],
      resolved: [],
    });
  });

  it('refuses a longer String in an input object or a list inside it, naming where it stands', async () => {
    const tooLong = text(MAX_STRING_LENGTH + 1);
    expect((await run(ADD_NOTE, { note: { text: tooLong } })).errors?.[0]?.message).toMatch(/^"note\.text" must be at most/);
    const inList = await run(ADD_NOTE, { note: { text: 'fine', tags: ['fine', tooLong] } });
    expect(inList).toEqual({
      errors: [{ message: `"note.tags[1]" must be at most ${MAX_STRING_LENGTH} characters, got ${MAX_STRING_LENGTH + 1}`, code: 'BAD_USER_INPUT' }],
      resolved: [],
    });
  });

  it('reads entity representations as the type they name: a key longer than its field allows resolves nothing', async () => {
    const representations = [{ __typename: 'Note', id: 'N1' }, { __typename: 'Note', id: text(MAX_ID_LENGTH + 1) }];
    expect(await run(ENTITIES, { representations })).toEqual({
      errors: [{ message: `"representations[1].id" must be at most ${MAX_ID_LENGTH} characters, got ${MAX_ID_LENGTH + 1}`, code: 'BAD_USER_INPUT' }],
      resolved: [],
    });
    expect(await run(ENTITIES, { representations: representations.slice(0, 1) })).toEqual({ errors: undefined, resolved: ['Note'] });
  });
});
