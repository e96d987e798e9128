-- Approvals (审批), platform/approval: one engine for quotes, contracts and payments. A flow is the
-- ordered steps one resource's records go through; administrators keep at most one active flow
-- per resource. A request copies the flow's steps with their approvers resolved at submission (the
-- submitter's supervisor, named employees), so changing a flow never changes a request under way.

CREATE TABLE approval_flows (
    id          uuid PRIMARY KEY,
    resource    varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    active      boolean      NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  uuid,
    updated_at  timestamptz  NOT NULL,
    updated_by  uuid,
    deleted_at  timestamptz
);
-- The flow the engine uses for a resource: at most one.
CREATE UNIQUE INDEX approval_flows_active_key ON approval_flows (resource)
    WHERE active AND deleted_at IS NULL;
CREATE INDEX approval_flows_resource_idx ON approval_flows (resource);

CREATE TABLE approval_flow_steps (
    flow_id       uuid        NOT NULL REFERENCES approval_flows (id),
    position      integer     NOT NULL CHECK (position >= 1),
    kind          varchar(16) NOT NULL
                  CHECK (kind IN ('SUPERVISOR', 'EMPLOYEE', 'ANY_OF', 'ALL_OF')),
    employee_ids  uuid[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (flow_id, position)
);

CREATE TABLE approval_requests (
    id            uuid PRIMARY KEY,
    resource      varchar(64)   NOT NULL,
    record_id     uuid          NOT NULL,
    flow_id       uuid          NOT NULL REFERENCES approval_flows (id),
    flow_name     varchar(200)  NOT NULL,
    status        varchar(16)   NOT NULL
                  CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    -- The current step's position (1-based); the last one once decided.
    step          integer       NOT NULL CHECK (step >= 1),
    -- Who may still decide the current step: empty once the request is decided.
    awaiting      uuid[]        NOT NULL DEFAULT '{}',
    submitted_by  uuid          NOT NULL,
    submitted_at  timestamptz   NOT NULL,
    decided_at    timestamptz,
    comment       varchar(2000),
    version       bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    created_by    uuid,
    updated_at    timestamptz   NOT NULL,
    updated_by    uuid
);
-- A record is in at most one approval at a time; it is locked while that one is pending.
CREATE UNIQUE INDEX approval_requests_pending_key ON approval_requests (resource, record_id)
    WHERE status = 'PENDING';
-- A record's approval history, oldest first.
CREATE INDEX approval_requests_record_idx ON approval_requests (resource, record_id, id);
-- The inbox: pending requests awaiting the caller.
CREATE INDEX approval_requests_awaiting_idx ON approval_requests USING gin (awaiting)
    WHERE status = 'PENDING';
CREATE INDEX approval_requests_flow_idx ON approval_requests (flow_id);
CREATE INDEX approval_requests_submitted_by_idx ON approval_requests (submitted_by, id);

CREATE TABLE approval_request_steps (
    request_id    uuid        NOT NULL REFERENCES approval_requests (id),
    position      integer     NOT NULL CHECK (position >= 1),
    kind          varchar(16) NOT NULL
                  CHECK (kind IN ('SUPERVISOR', 'EMPLOYEE', 'ANY_OF', 'ALL_OF')),
    approver_ids  uuid[]      NOT NULL,
    PRIMARY KEY (request_id, position)
);

-- Every step of every request, kept forever: who submitted, approved, rejected or withdrew, when,
-- at which step, with which comment.
CREATE TABLE approval_decisions (
    id          uuid PRIMARY KEY,
    request_id  uuid          NOT NULL REFERENCES approval_requests (id),
    step        integer       NOT NULL,
    actor_id    uuid          NOT NULL,
    decision    varchar(16)   NOT NULL
                CHECK (decision IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    comment     varchar(2000),
    at          timestamptz   NOT NULL
);
CREATE INDEX approval_decisions_request_idx ON approval_decisions (request_id, at, id);
CREATE INDEX approval_decisions_actor_idx ON approval_decisions (actor_id);

-- Flows are read by everyone (a client shows who will approve) and changed by administrators
-- (crm-admin needs no rows).
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'approval-flow', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
