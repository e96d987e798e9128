-- The organisation (系统初始设置): departments as a tree, employees, and the service accounts
-- that integrations authenticate as. Every table carries the platform's audit columns.

CREATE TABLE departments (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    kind        varchar(32)  NOT NULL,
    parent_id   uuid REFERENCES departments (id),
    manager_id  uuid,
    sort_order  integer      NOT NULL DEFAULT 0,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  uuid,
    updated_at  timestamptz  NOT NULL,
    updated_by  uuid,
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX departments_code_key ON departments (lower(code)) WHERE deleted_at IS NULL;
CREATE INDEX departments_parent_idx ON departments (parent_id);
CREATE INDEX departments_manager_idx ON departments (manager_id);

CREATE SEQUENCE employee_number_seq;

CREATE TABLE employees (
    id              uuid PRIMARY KEY,
    employee_number varchar(32)  NOT NULL,
    name            varchar(100) NOT NULL,
    email           varchar(254),
    mobile          varchar(32),
    department_id   uuid REFERENCES departments (id),
    supervisor_id   uuid REFERENCES employees (id),
    status          varchar(16)  NOT NULL,
    subject         varchar(64),
    username        varchar(100),
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      uuid,
    updated_at      timestamptz  NOT NULL,
    updated_by      uuid,
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX employees_employee_number_key ON employees (lower(employee_number)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX employees_subject_key ON employees (subject);
CREATE UNIQUE INDEX employees_username_key ON employees (lower(username)) WHERE deleted_at IS NULL;
CREATE INDEX employees_department_idx ON employees (department_id);
CREATE INDEX employees_supervisor_idx ON employees (supervisor_id);

ALTER TABLE departments
    ADD CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id);

-- An OAuth client using client credentials is a principal of its own, not an employee.
CREATE TABLE service_accounts (
    id          uuid PRIMARY KEY,
    client_id   varchar(100) NOT NULL,
    subject     varchar(64)  NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX service_accounts_subject_key ON service_accounts (subject);
CREATE UNIQUE INDEX service_accounts_client_id_key ON service_accounts (client_id);
