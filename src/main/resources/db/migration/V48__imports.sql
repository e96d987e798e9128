-- Bulk import jobs (platform/imports): the job, its file (uploaded in parts, kept here so that any
-- replica can run or resume the job), the rows that failed, and the column mappings users keep.

CREATE TABLE import_jobs (
    id                     uuid PRIMARY KEY,
    target_resource        varchar(64)   NOT NULL,
    format                 varchar(8)    NOT NULL,
    file_name              varchar(255),
    status                 varchar(16)   NOT NULL,
    dry_run                boolean       NOT NULL,
    has_header             boolean       NOT NULL,
    duplicate_key          varchar(20)   NOT NULL,
    on_duplicate           varchar(10)   NOT NULL,
    -- [{column, position, field}]: which column of the file feeds which field.
    mapping                jsonb         NOT NULL,
    language               varchar(8)    NOT NULL,
    file_size              bigint        NOT NULL,
    file_parts             integer       NOT NULL,
    -- The file's header row, kept for the error file.
    headers                text[],
    total_rows             bigint,
    -- Rows [0, next_row) of the file are done: written in the transaction that moved next_row.
    next_row               bigint        NOT NULL,
    rows_read              bigint        NOT NULL,
    rows_valid             bigint        NOT NULL,
    created_count          bigint        NOT NULL,
    updated_count          bigint        NOT NULL,
    skipped_count          bigint        NOT NULL,
    failed_count           bigint        NOT NULL,
    started_at             timestamptz,
    finished_at            timestamptz,
    failure_reason         varchar(1000),
    -- The replica working the job and until when; a lapsed lease lets another resume it.
    lease_owner            varchar(64),
    lease_until            timestamptz,
    runs                   integer       NOT NULL,
    -- Rows are written as the owner, as the creating token named them.
    owner_id               uuid          NOT NULL,
    owner_department_id    uuid,
    owner_subject          varchar(255)  NOT NULL,
    owner_username         varchar(255),
    owner_name             varchar(255),
    owner_email            varchar(255),
    owner_client_id        varchar(255),
    owner_service_account  boolean       NOT NULL,
    owner_roles            text[]        NOT NULL,
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    created_by             uuid,
    updated_at             timestamptz   NOT NULL,
    updated_by             uuid,
    deleted_at             timestamptz
);
CREATE INDEX import_jobs_created_at_idx ON import_jobs (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX import_jobs_owner_idx ON import_jobs (owner_id);
CREATE INDEX import_jobs_due_idx ON import_jobs (lease_until) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE import_file_parts (
    job_id  uuid    NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    part    integer NOT NULL,
    data    bytea   NOT NULL,
    PRIMARY KEY (job_id, part)
);

CREATE TABLE import_errors (
    job_id  uuid    NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    -- 1-based, as a spreadsheet numbers the file's lines (the header is line 1).
    line    bigint  NOT NULL,
    cells   jsonb   NOT NULL,
    reason  text    NOT NULL,
    PRIMARY KEY (job_id, line)
);

CREATE TABLE import_mappings (
    id               uuid PRIMARY KEY,
    owner_subject    varchar(255) NOT NULL,
    target_resource  varchar(64)  NOT NULL,
    name             varchar(100) NOT NULL,
    mapping          jsonb        NOT NULL,
    updated_at       timestamptz  NOT NULL,
    UNIQUE (owner_subject, target_resource, name)
);
