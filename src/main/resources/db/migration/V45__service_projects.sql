-- Project services (项目服务): implementation and service projects for a customer, with their
-- milestones and the hours logged on them. A project's milestone counts, progress and hour totals
-- are kept on its row, each change through its version.

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('service-project', '项目服务编号', 'XM{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

CREATE TABLE service_projects (
    id                    uuid PRIMARY KEY,
    number                varchar(64)   NOT NULL,
    external_id           varchar(128),
    name                  varchar(200)  NOT NULL,
    kind                  varchar(24)   NOT NULL,
    customer_id           uuid          NOT NULL REFERENCES customers (id),
    contract_id           uuid REFERENCES contracts (id),
    order_id              uuid REFERENCES sales_orders (id),
    description           text,
    planned_start         date,
    planned_end           date,
    budget_hours          numeric(9, 2),
    logged_hours          numeric(11, 2) NOT NULL DEFAULT 0,
    billable_hours        numeric(11, 2) NOT NULL DEFAULT 0,
    over_budget           boolean       NOT NULL DEFAULT false,
    milestone_count       integer       NOT NULL DEFAULT 0,
    reached_milestone_count integer     NOT NULL DEFAULT 0,
    progress              integer       NOT NULL DEFAULT 0,
    status                varchar(16)   NOT NULL,
    started_at            timestamptz,
    completed_at          timestamptz,
    cancelled_at          timestamptz,
    owner_id              uuid REFERENCES employees (id),
    owner_department_id   uuid REFERENCES departments (id),
    version               bigint        NOT NULL,
    created_at            timestamptz   NOT NULL,
    created_by            uuid,
    updated_at            timestamptz   NOT NULL,
    updated_by            uuid,
    deleted_at            timestamptz,
    CONSTRAINT service_projects_planned_end_check CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    CONSTRAINT service_projects_budget_hours_check CHECK (budget_hours IS NULL OR budget_hours >= 0)
);
CREATE UNIQUE INDEX service_projects_number_key ON service_projects (number);
CREATE UNIQUE INDEX service_projects_external_id_key ON service_projects (external_id);
CREATE INDEX service_projects_customer_idx ON service_projects (customer_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_contract_idx ON service_projects (contract_id);
CREATE INDEX service_projects_order_idx ON service_projects (order_id);
CREATE INDEX service_projects_owner_idx ON service_projects (owner_id);
CREATE INDEX service_projects_owner_department_idx ON service_projects (owner_department_id);
CREATE INDEX service_projects_status_idx ON service_projects (status, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_planned_end_idx ON service_projects (planned_end, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_progress_idx ON service_projects (progress, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_logged_idx ON service_projects (logged_hours, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_name_idx ON service_projects (name, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_live_id_idx ON service_projects (id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_created_at_idx ON service_projects (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_projects_updated_at_idx ON service_projects (updated_at, id) WHERE deleted_at IS NULL;

CREATE TABLE project_milestones (
    id            uuid PRIMARY KEY,
    project_id    uuid         NOT NULL REFERENCES service_projects (id),
    name          varchar(200) NOT NULL,
    description   text,
    due_on        date,
    status        varchar(16)  NOT NULL,
    reached_at    timestamptz,
    reached_by    uuid,
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    uuid,
    updated_at    timestamptz  NOT NULL,
    updated_by    uuid,
    deleted_at    timestamptz
);
CREATE INDEX project_milestones_project_idx ON project_milestones (project_id, due_on, id) WHERE deleted_at IS NULL;
CREATE INDEX project_milestones_project_all_idx ON project_milestones (project_id);
CREATE INDEX project_milestones_due_idx ON project_milestones (due_on, id) WHERE deleted_at IS NULL;
CREATE INDEX project_milestones_status_idx ON project_milestones (status, id) WHERE deleted_at IS NULL;
CREATE INDEX project_milestones_live_id_idx ON project_milestones (id) WHERE deleted_at IS NULL;
CREATE INDEX project_milestones_created_at_idx ON project_milestones (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE time_entries (
    id            uuid PRIMARY KEY,
    project_id    uuid          NOT NULL REFERENCES service_projects (id),
    milestone_id  uuid REFERENCES project_milestones (id),
    task_id       uuid REFERENCES tasks (id),
    employee_id   uuid          NOT NULL REFERENCES employees (id),
    work_date     date          NOT NULL,
    hours         numeric(4, 2) NOT NULL,
    billable      boolean       NOT NULL DEFAULT true,
    description   varchar(2000),
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    uuid,
    updated_at    timestamptz   NOT NULL,
    updated_by    uuid,
    deleted_at    timestamptz,
    CONSTRAINT time_entries_hours_check CHECK (hours > 0 AND hours <= 24)
);
CREATE INDEX time_entries_project_idx ON time_entries (project_id, work_date, id) WHERE deleted_at IS NULL;
CREATE INDEX time_entries_project_all_idx ON time_entries (project_id);
CREATE INDEX time_entries_milestone_idx ON time_entries (milestone_id);
CREATE INDEX time_entries_task_idx ON time_entries (task_id);
CREATE INDEX time_entries_employee_idx ON time_entries (employee_id, work_date, id) WHERE deleted_at IS NULL;
CREATE INDEX time_entries_work_date_idx ON time_entries (work_date, id) WHERE deleted_at IS NULL;
CREATE INDEX time_entries_live_id_idx ON time_entries (id) WHERE deleted_at IS NULL;
CREATE INDEX time_entries_created_at_idx ON time_entries (created_at, id) WHERE deleted_at IS NULL;
