-- Routing of service requests: agents' profiles (skills with levels, capacity, availability,
-- working time), queues (who works them, what they take, weights per request type, overflow) and
-- every routing decision with its candidates and why the chosen one won.

CREATE TABLE agent_profiles (
    id            uuid PRIMARY KEY,
    employee_id   uuid         NOT NULL REFERENCES employees (id),
    available     boolean      NOT NULL DEFAULT true,
    capacity      integer      NOT NULL,
    calendar_id   uuid REFERENCES business_calendars (id),
    skills        jsonb        NOT NULL DEFAULT '[]',
    last_assigned_at timestamptz,
    note          text,
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    uuid,
    updated_at    timestamptz  NOT NULL,
    updated_by    uuid,
    deleted_at    timestamptz,
    CONSTRAINT agent_profiles_capacity_check CHECK (capacity BETWEEN 0 AND 1000)
);
CREATE UNIQUE INDEX agent_profiles_employee_key ON agent_profiles (employee_id) WHERE deleted_at IS NULL;
CREATE INDEX agent_profiles_calendar_idx ON agent_profiles (calendar_id);
CREATE INDEX agent_profiles_live_id_idx ON agent_profiles (id) WHERE deleted_at IS NULL;
CREATE INDEX agent_profiles_created_at_idx ON agent_profiles (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE service_queues (
    id                 uuid PRIMARY KEY,
    name               varchar(100) NOT NULL,
    rank               integer      NOT NULL,
    active             boolean      NOT NULL DEFAULT true,
    department_id      uuid REFERENCES departments (id),
    member_ids         uuid[]       NOT NULL DEFAULT '{}',
    categories         text[]       NOT NULL DEFAULT '{}',
    request_types      text[]       NOT NULL DEFAULT '{}',
    type_weights       jsonb        NOT NULL DEFAULT '{}',
    overflow_queue_id  uuid REFERENCES service_queues (id),
    description        text,
    version            bigint       NOT NULL,
    created_at         timestamptz  NOT NULL,
    created_by         uuid,
    updated_at         timestamptz  NOT NULL,
    updated_by         uuid,
    deleted_at         timestamptz
);
CREATE INDEX service_queues_rank_idx ON service_queues (rank, id) WHERE deleted_at IS NULL;
CREATE INDEX service_queues_department_idx ON service_queues (department_id);
CREATE INDEX service_queues_overflow_idx ON service_queues (overflow_queue_id);
CREATE INDEX service_queues_live_id_idx ON service_queues (id) WHERE deleted_at IS NULL;
CREATE INDEX service_queues_created_at_idx ON service_queues (created_at, id) WHERE deleted_at IS NULL;

ALTER TABLE service_requests
    ADD COLUMN queue_id uuid REFERENCES service_queues (id),
    ADD COLUMN routed_at timestamptz;
CREATE INDEX service_requests_queue_idx ON service_requests (queue_id);
-- The open load of each agent: what routing sums.
CREATE INDEX service_requests_open_owner_idx ON service_requests (owner_id, type)
    WHERE deleted_at IS NULL AND status NOT IN ('RESOLVED', 'CLOSED');

CREATE TABLE routing_decisions (
    id             uuid PRIMARY KEY,
    request_id     uuid         NOT NULL REFERENCES service_requests (id),
    decided_at     timestamptz  NOT NULL,
    decided_by     uuid,
    trigger        varchar(16)  NOT NULL,
    queue_id       uuid REFERENCES service_queues (id),
    queues_tried   uuid[]       NOT NULL DEFAULT '{}',
    chosen_id      uuid REFERENCES employees (id),
    reason         text         NOT NULL,
    candidates     jsonb        NOT NULL
);
CREATE INDEX routing_decisions_request_idx ON routing_decisions (request_id, decided_at DESC);
