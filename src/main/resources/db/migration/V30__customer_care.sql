-- Customer care (客户关怀, issue 13): individual customers' birthday and gender, and care records
-- (greeting, gift, visit...) on customers and their contacts.

ALTER TABLE customers
    ADD COLUMN birthday date,
    ADD COLUMN gender   varchar(16);

-- A customer's birthday is sensitive like a contact's: seen by those who work with customers.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'customer', 'VIEW_SENSITIVE'
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('service-manager')) AS r(role)
ON CONFLICT DO NOTHING;

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('care-kind', 'GREETING', '问候', 'Greeting', 1),
    ('care-kind', 'GIFT',     '礼品', 'Gift', 2),
    ('care-kind', 'VISIT',    '拜访', 'Visit', 3),
    ('care-kind', 'CARD',     '贺卡', 'Card', 4);

CREATE TABLE customer_cares (
    id                  uuid PRIMARY KEY,
    customer_id         uuid          NOT NULL REFERENCES customers (id),
    contact_id          uuid REFERENCES contacts (id),
    kind                varchar(64)   NOT NULL,
    occasion            varchar(32)   NOT NULL,
    content             text,
    planned_at          timestamptz   NOT NULL,
    done_at             timestamptz,
    cost                numeric(18, 2),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
-- The timeline's branch: a customer's care newest first by when it is planned.
CREATE INDEX customer_cares_customer_idx ON customer_cares (customer_id, planned_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX customer_cares_contact_idx ON customer_cares (contact_id);
CREATE INDEX customer_cares_owner_idx ON customer_cares (owner_id);
CREATE INDEX customer_cares_owner_department_idx ON customer_cares (owner_department_id);
CREATE INDEX customer_cares_live_id_idx ON customer_cares (id) WHERE deleted_at IS NULL;
CREATE INDEX customer_cares_planned_at_idx ON customer_cares (planned_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customer_cares_created_at_idx ON customer_cares (created_at, id) WHERE deleted_at IS NULL;

-- Date-based care schedules (关怀计划): N days before a contact's or individual customer's birthday,
-- a customer's anniversary (registration date) or its last contract's end, a care task for the
-- owner. Each occasion makes one task, whoever runs the job (the run row is the guard).
CREATE TABLE care_schedules (
    id            uuid PRIMARY KEY,
    name          varchar(100)  NOT NULL,
    occasion      varchar(32)   NOT NULL,
    days_before   integer       NOT NULL,
    care_kind     varchar(64)   NOT NULL,
    task_subject  varchar(200)  NOT NULL,
    active        boolean       NOT NULL,
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    uuid,
    updated_at    timestamptz   NOT NULL,
    updated_by    uuid,
    deleted_at    timestamptz
);
CREATE INDEX care_schedules_created_at_idx ON care_schedules (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE care_schedule_runs (
    schedule_id  uuid        NOT NULL REFERENCES care_schedules (id),
    record_id    uuid        NOT NULL,
    on_date      date        NOT NULL,
    task_id      uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (schedule_id, record_id, on_date)
);
