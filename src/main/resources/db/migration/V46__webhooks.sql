-- Webhooks (platform/webhooks): subscriptions, the deliveries fanned out of the change feed, and
-- the log of every attempt. See WebhookDispatcher and WebhookSender for how the rows move.

CREATE TABLE webhook_subscriptions (
    id                          uuid PRIMARY KEY,
    url                         varchar(2048) NOT NULL,
    event_types                 text[]        NOT NULL,
    filter                      varchar(4000),
    description                 varchar(500),
    active                      boolean       NOT NULL,
    secret                      varchar(200)  NOT NULL,
    -- The secret before the last rotation, signed with as well until previous_secret_expires_at.
    previous_secret             varchar(200),
    previous_secret_expires_at  timestamptz,
    -- Payloads are what the owner may see: the owner as the creating token named it.
    owner_id                    uuid          NOT NULL,
    owner_subject               varchar(255)  NOT NULL,
    owner_username              varchar(255),
    owner_client_id             varchar(255),
    owner_service_account       boolean       NOT NULL,
    owner_roles                 text[]        NOT NULL,
    -- Only events published after the subscription was made (feed sequence) are delivered.
    starts_after                bigint        NOT NULL,
    disabled_reason             varchar(500),
    disabled_at                 timestamptz,
    version                     bigint        NOT NULL,
    created_at                  timestamptz   NOT NULL,
    created_by                  uuid,
    updated_at                  timestamptz   NOT NULL,
    updated_by                  uuid,
    deleted_at                  timestamptz
);
CREATE INDEX webhook_subscriptions_created_at_idx
    ON webhook_subscriptions (created_at, id) WHERE deleted_at IS NULL;

-- How a subscription's endpoint is doing: written by the sender on every attempt, kept apart from
-- the subscription row so that it never races a client's versioned change.
CREATE TABLE webhook_health (
    subscription_id       uuid PRIMARY KEY REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    consecutive_failures  integer     NOT NULL,
    failing_since         timestamptz,
    last_success_at       timestamptz,
    last_failure_at       timestamptz
);

-- Where the fan-out stands in the change feed (one row; its row lock makes fan-out single-file).
CREATE TABLE webhook_fanout (
    id              smallint PRIMARY KEY CHECK (id = 1),
    after_sequence  bigint   NOT NULL
);
INSERT INTO webhook_fanout (id, after_sequence)
SELECT 1, coalesce(max(sequence), 0) FROM events;

CREATE TABLE webhook_deliveries (
    id                    uuid PRIMARY KEY,
    subscription_id       uuid          NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id              uuid          NOT NULL,
    event_sequence        bigint        NOT NULL,
    event_type            varchar(128)  NOT NULL,
    resource              varchar(64)   NOT NULL,
    resource_id           uuid          NOT NULL,
    -- The body sent, fixed when the delivery is made: the event as the owner may see it.
    payload               text          NOT NULL,
    -- EVENT (fanned out), REDELIVERY (one event by hand) or REPLAY (a time window by hand).
    reason                varchar(16)   NOT NULL,
    -- PENDING until an attempt succeeds (SUCCEEDED) or retries run out (FAILED).
    status                varchar(16)   NOT NULL,
    attempts              integer       NOT NULL,
    next_attempt_at       timestamptz   NOT NULL,
    -- A sender holds the delivery until then; past it, another sender may take it over.
    lease_until           timestamptz,
    first_attempt_at      timestamptz,
    last_attempt_at       timestamptz,
    last_response_status  integer,
    created_at            timestamptz   NOT NULL,
    finished_at           timestamptz
);
-- One fanned-out delivery per subscription and event, however often fan-out runs.
CREATE UNIQUE INDEX webhook_deliveries_event_key
    ON webhook_deliveries (subscription_id, event_id) WHERE reason = 'EVENT';
-- A subscription's due deliveries, most overdue first (the sender's claim).
CREATE INDEX webhook_deliveries_due_idx
    ON webhook_deliveries (subscription_id, next_attempt_at) WHERE status = 'PENDING';
-- The per-record order: a delivery waits for the record's earlier pending ones.
CREATE INDEX webhook_deliveries_record_idx
    ON webhook_deliveries (subscription_id, resource_id, event_sequence) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, id);

CREATE TABLE webhook_attempts (
    delivery_id      uuid          NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt          integer       NOT NULL,
    subscription_id  uuid          NOT NULL,
    started_at       timestamptz   NOT NULL,
    url              varchar(2048) NOT NULL,
    request_headers  jsonb         NOT NULL,
    -- IN_FLIGHT while sending; SUCCEEDED, FAILED, or INTERRUPTED (its sender stopped mid-way).
    outcome          varchar(16)   NOT NULL,
    response_status  integer,
    -- The first bytes of the answer.
    response_body    varchar(2048),
    latency_ms       integer,
    error            varchar(500),
    -- The primary key is what makes "one attempt, one sender" hold across replicas.
    PRIMARY KEY (delivery_id, attempt)
);

-- Deliveries asked for by hand: one event again (event_id) or every matching event of a window
-- [from_time, to_time). Fan-out works through them as the subscription's owner, a chunk at a time.
CREATE TABLE webhook_replays (
    id               uuid PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id         uuid,
    from_time        timestamptz,
    to_time          timestamptz,
    -- How far through the feed the replay has read.
    after_sequence   bigint      NOT NULL,
    -- RUNNING until every event was considered, then DONE.
    status           varchar(16) NOT NULL,
    queued           integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       uuid,
    finished_at      timestamptz
);
CREATE INDEX webhook_replays_running_idx ON webhook_replays (created_at) WHERE status = 'RUNNING';
