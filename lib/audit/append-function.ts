/**
 * `audit.append(entries json)`: appends a group of entries in the one statement it is called in, so that
 * a group costs one round trip and its commit, and the chain head's row stays locked no longer than that.
 * Under the lock it numbers each entry, links it to the one before, and hashes it: SHA-256 over the
 * record's canonical JSON, which the caller computed when the entry was appended, in three parts around
 * `prevHash` and `seq` (see `canonicalAround`). An entry whose (action_id, step) is in the log already, or
 * came earlier in the group, is not written again: its row gives `earlier`, the record written then.
 */
export const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION audit.append(entries json)
RETURNS TABLE (record_seq bigint, record_prev_hash text, record_hash text, earlier json)
LANGUAGE plpgsql AS $$
DECLARE
  head audit.chain_head;
  entry record;
  found_row audit.records;
BEGIN
  SELECT * INTO head FROM audit.chain_head FOR UPDATE;
  FOR entry IN
    SELECT * FROM json_to_recordset(entries) AS e(
      id uuid, time timestamptz, trace_id text, principal text, on_behalf_of text, reason text, operation_name text,
      operation_hash text, action text, action_id text, step text, idempotency_key text, variables json, decisions json,
      steps json, outcome text, hashed_before text, hashed_between text, hashed_after text)
  LOOP
    IF entry.action_id IS NOT NULL THEN
      SELECT * INTO found_row FROM audit.records r WHERE r.action_id = entry.action_id AND coalesce(r.step, '') = coalesce(entry.step, '');
      IF FOUND THEN
        record_seq := found_row.seq;
        record_prev_hash := found_row.prev_hash;
        record_hash := found_row.hash;
        earlier := to_json(found_row);
        RETURN NEXT;
        CONTINUE;
      END IF;
    END IF;
    record_seq := head.seq + 1;
    record_prev_hash := head.hash;
    record_hash := encode(sha256(convert_to(
      entry.hashed_before || to_json(record_prev_hash)::text || entry.hashed_between || record_seq::text || entry.hashed_after, 'UTF8')), 'hex');
    earlier := NULL;
    INSERT INTO audit.records (seq, id, time, trace_id, principal, on_behalf_of, reason, operation_name, operation_hash, action,
      action_id, step, idempotency_key, variables, decisions, steps, outcome, prev_hash, hash)
    VALUES (record_seq, entry.id, entry.time, entry.trace_id, entry.principal, entry.on_behalf_of, entry.reason, entry.operation_name,
      entry.operation_hash, entry.action, entry.action_id, entry.step, entry.idempotency_key, entry.variables, entry.decisions,
      entry.steps, entry.outcome, record_prev_hash, record_hash);
    head.seq := record_seq;
    head.hash := record_hash;
    RETURN NEXT;
  END LOOP;
  UPDATE audit.chain_head SET seq = head.seq, hash = head.hash;
END $$;
`;
