-- Each running service process (pod) keeps a row here alive every second on a connection of its
-- own (platform/persistence/PodPresence). An idempotency key in flight names the process that
-- claimed it: when that process stops keeping its row alive (killed, crashed, cut off), the key is
-- known to be orphaned within seconds and a retry of the same request takes it over, instead of
-- waiting for crm.idempotency.in-flight-timeout.
CREATE TABLE service_instances (
    id          uuid        PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL
);

ALTER TABLE idempotency_keys ADD COLUMN claimed_by uuid;
