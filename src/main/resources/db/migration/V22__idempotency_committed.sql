-- A key whose request committed its change is marked so in that very transaction (state
-- COMMITTED, with the record it changed), before its answer is stored. A process killed between
-- the commit and storing the answer leaves a COMMITTED key, never an IN_FLIGHT one: a retry is
-- then answered from the record instead of running the request a second time.
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_state_check;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_state_check
    CHECK (state IN ('IN_FLIGHT', 'COMMITTED', 'COMPLETED'));
ALTER TABLE idempotency_keys ADD COLUMN committed_resource varchar(100);
ALTER TABLE idempotency_keys ADD COLUMN committed_id uuid;
ALTER TABLE idempotency_keys ADD COLUMN committed_action varchar(100);
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_completed_check;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_completed_check
    CHECK (state <> 'COMPLETED' OR response_status IS NOT NULL);
