-- Tasks (待办, issue 13): assigned to an employee (the owner), optionally about any record.

CREATE TABLE tasks (
    id                  uuid PRIMARY KEY,
    subject             varchar(200)  NOT NULL,
    description         text,
    due_at              timestamptz,
    remind_at           timestamptz,
    priority            varchar(16)   NOT NULL,
    status              varchar(16)   NOT NULL,
    related_resource    varchar(64),
    related_id          uuid,
    customer_id         uuid REFERENCES customers (id),
    completed_at        timestamptz,
    completed_by        uuid,
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz,
    CONSTRAINT tasks_related_check CHECK ((related_resource IS NULL) = (related_id IS NULL))
);
-- "My open tasks by due time" is the hot read (GET /me/tasks).
CREATE INDEX tasks_owner_open_idx ON tasks (owner_id, due_at, id)
    WHERE deleted_at IS NULL AND status = 'OPEN';
CREATE INDEX tasks_owner_idx ON tasks (owner_id);
CREATE INDEX tasks_owner_department_idx ON tasks (owner_department_id);
CREATE INDEX tasks_customer_idx ON tasks (customer_id);
CREATE INDEX tasks_related_idx ON tasks (related_resource, related_id);
CREATE INDEX tasks_live_id_idx ON tasks (id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_due_at_idx ON tasks (due_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_created_at_idx ON tasks (created_at, id) WHERE deleted_at IS NULL;
