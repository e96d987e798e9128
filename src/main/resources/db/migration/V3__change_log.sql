-- The platform's change log (platform/audit, platform/events): field-level history, kept
-- forever, and the transactional outbox behind GET /api/v1/events, kept for
-- crm.events.retention. Both are written by ChangeLog.record in the business transaction.

CREATE TABLE history_entries (
    id           uuid         PRIMARY KEY,
    resource     varchar(64)  NOT NULL,
    resource_id  uuid         NOT NULL,
    version      bigint       NOT NULL,
    action       varchar(64)  NOT NULL,
    actor        uuid,
    occurred_at  timestamptz  NOT NULL,
    changes      jsonb        NOT NULL DEFAULT '{}'
);
-- GET /x/{id}/history: newest first, keyset on (occurred_at, id), read backwards.
CREATE INDEX history_entries_resource_idx
    ON history_entries (resource, resource_id, occurred_at, id);

-- Handed out only by the publisher (EventPublisher), in commit order; gaps are possible.
CREATE SEQUENCE event_sequence AS bigint;

CREATE TABLE events (
    id           uuid         PRIMARY KEY,
    -- NULL while the appending transaction's event waits for the publisher.
    sequence     bigint       CONSTRAINT events_sequence_key UNIQUE,
    -- "C" collation so that prefix patterns (type LIKE 'customer.%') can use the index.
    type         varchar(128) COLLATE "C" NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    actor        uuid,
    resource     varchar(64)  NOT NULL,
    resource_id  uuid         NOT NULL,
    version      bigint       NOT NULL,
    changes      jsonb        NOT NULL DEFAULT '{}',
    data         jsonb
);
-- What the publisher scans: the (few) events not yet given a sequence, in id order.
CREATE INDEX events_unpublished_idx ON events (id) WHERE sequence IS NULL;
-- The feed filtered by type patterns; the unfiltered feed reads events_sequence_key.
CREATE INDEX events_type_sequence_idx ON events (type, sequence) WHERE sequence IS NOT NULL;
