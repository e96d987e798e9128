-- Idempotency-Key (API.md §3): the first answer to a write, per caller and key, replayed to
-- retries. A row is inserted IN_FLIGHT in its own committed transaction before the request runs
-- (INSERT ... ON CONFLICT), becomes COMPLETED with the answer, or is deleted when the answer is
-- not worth keeping (5xx) so the client may retry. Expired rows are purged by a scheduled job.

CREATE TABLE idempotency_keys (
    caller_subject    varchar(255)  NOT NULL,
    idempotency_key   varchar(255)  NOT NULL,
    request_method    varchar(10)   NOT NULL,
    request_path      varchar(2048) NOT NULL,
    -- SHA-256 of the query string, If-Match and body bytes
    request_hash      bytea         NOT NULL,
    state             varchar(16)   NOT NULL
        CONSTRAINT idempotency_keys_state_check CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    -- which attempt holds the key: only it may complete or release the row
    claim_id          uuid          NOT NULL,
    response_status   integer,
    -- the headers that are replayed: Content-Type, Location, ETag
    response_headers  jsonb,
    response_body     bytea,
    created_at        timestamptz   NOT NULL,
    completed_at      timestamptz,
    expires_at        timestamptz   NOT NULL,
    PRIMARY KEY (caller_subject, idempotency_key),
    CONSTRAINT idempotency_keys_completed_check
        CHECK (state = 'IN_FLIGHT' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
