-- The in-app notification inbox (issue 13): one row per notification to one employee, written by
-- the platform and the contexts (pool warnings, transfers, shares, tasks assigned, approvals).

CREATE TABLE notifications (
    id            uuid PRIMARY KEY,
    recipient_id  uuid          NOT NULL REFERENCES employees (id),
    kind          varchar(64)   NOT NULL,
    resource      varchar(64),
    record_id     uuid,
    title_zh      varchar(500)  NOT NULL,
    title_en      varchar(500)  NOT NULL,
    data          jsonb         NOT NULL DEFAULT '{}',
    read_at       timestamptz,
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    uuid,
    updated_at    timestamptz   NOT NULL,
    updated_by    uuid,
    deleted_at    timestamptz
);
-- The inbox, newest first, and its unread count: what a mobile app polls.
CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (recipient_id, kind) WHERE read_at IS NULL;
CREATE INDEX notifications_created_at_idx ON notifications (created_at, id) WHERE deleted_at IS NULL;
