-- Service (服务管理), first part: service requests (服务请求) worked through a status machine, and
-- their SLA: business calendars (working hours with breaks, holidays, 调休 make-up working days),
-- SLA policies chosen by conditions in order, and each request's timers as rows of their own.

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('service-channel', 'PHONE',        '电话/呼叫中心', 'Phone / call centre', 1),
    ('service-channel', 'EMAIL',        '电子邮件',      'Email', 2),
    ('service-channel', 'WEB',          '网站',          'Web', 3),
    ('service-channel', 'WECHAT',       '微信',          'WeChat', 4),
    ('service-channel', 'SELF_SERVICE', '自助服务',      'Self-service', 5),
    ('service-category', 'HARDWARE',    '硬件',          'Hardware', 1),
    ('service-category', 'SOFTWARE',    '软件',          'Software', 2),
    ('service-category', 'BILLING',     '账务',          'Billing', 3),
    ('service-category', 'DELIVERY',    '物流配送',      'Delivery', 4),
    ('service-category', 'OTHER',       '其他',          'Other', 5);

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('service-request', '服务请求编号', 'FW{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

-- Working time: weekly hours as [{"day": "MONDAY", "from": "09:00", "to": "12:00"}, …] (several
-- intervals a day give breaks), holidays and make-up working days (调休) as ISO dates.
CREATE TABLE business_calendars (
    id                uuid PRIMARY KEY,
    name              varchar(100) NOT NULL,
    time_zone         varchar(64)  NOT NULL,
    weekly_hours      jsonb        NOT NULL,
    holidays          date[]       NOT NULL DEFAULT '{}',
    make_up_workdays  date[]       NOT NULL DEFAULT '{}',
    make_up_hours_of  varchar(16)  NOT NULL DEFAULT 'MONDAY',
    description       text,
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        uuid,
    updated_at        timestamptz  NOT NULL,
    updated_by        uuid,
    deleted_at        timestamptz
);
CREATE UNIQUE INDEX business_calendars_name_key ON business_calendars (name) WHERE deleted_at IS NULL;
CREATE INDEX business_calendars_live_id_idx ON business_calendars (id) WHERE deleted_at IS NULL;
CREATE INDEX business_calendars_created_at_idx ON business_calendars (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE sla_policies (
    id                       uuid PRIMARY KEY,
    name                     varchar(100) NOT NULL,
    rank                     integer      NOT NULL,
    active                   boolean      NOT NULL DEFAULT true,
    priorities               text[]       NOT NULL DEFAULT '{}',
    request_types            text[]       NOT NULL DEFAULT '{}',
    customer_levels          text[]       NOT NULL DEFAULT '{}',
    calendar_id              uuid         NOT NULL REFERENCES business_calendars (id),
    first_response_minutes   integer,
    next_response_minutes    integer,
    resolution_minutes       integer,
    warning_percent          integer      NOT NULL DEFAULT 80,
    description              text,
    version                  bigint       NOT NULL,
    created_at               timestamptz  NOT NULL,
    created_by               uuid,
    updated_at               timestamptz  NOT NULL,
    updated_by               uuid,
    deleted_at               timestamptz,
    CONSTRAINT sla_policies_warning_percent_check CHECK (warning_percent BETWEEN 1 AND 99),
    CONSTRAINT sla_policies_minutes_check CHECK (
        (first_response_minutes IS NULL OR first_response_minutes > 0)
        AND (next_response_minutes IS NULL OR next_response_minutes > 0)
        AND (resolution_minutes IS NULL OR resolution_minutes > 0))
);
CREATE INDEX sla_policies_rank_idx ON sla_policies (rank, id) WHERE deleted_at IS NULL;
CREATE INDEX sla_policies_calendar_idx ON sla_policies (calendar_id);
CREATE INDEX sla_policies_live_id_idx ON sla_policies (id) WHERE deleted_at IS NULL;
CREATE INDEX sla_policies_created_at_idx ON sla_policies (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE service_requests (
    id                   uuid PRIMARY KEY,
    number               varchar(64)  NOT NULL,
    external_id          varchar(128),
    customer_id          uuid         NOT NULL REFERENCES customers (id),
    contact_id           uuid REFERENCES contacts (id),
    channel              varchar(64)  NOT NULL,
    type                 varchar(16)  NOT NULL,
    category             varchar(64),
    priority             varchar(16)  NOT NULL,
    subject              varchar(200) NOT NULL,
    description          text,
    status               varchar(24)  NOT NULL,
    severity             varchar(16),
    escalation_level     integer      NOT NULL DEFAULT 0,
    escalated_at         timestamptz,
    sla_policy_id        uuid REFERENCES sla_policies (id),
    sla_state            varchar(16),
    response_due_at      timestamptz,
    resolution_due_at    timestamptz,
    first_responded_at   timestamptz,
    last_responded_at    timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    resolution           text,
    reopen_count         integer      NOT NULL DEFAULT 0,
    owner_id             uuid REFERENCES employees (id),
    owner_department_id  uuid REFERENCES departments (id),
    version              bigint       NOT NULL,
    created_at           timestamptz  NOT NULL,
    created_by           uuid,
    updated_at           timestamptz  NOT NULL,
    updated_by           uuid,
    deleted_at           timestamptz,
    CONSTRAINT service_requests_severity_check CHECK (severity IS NULL OR type = 'COMPLAINT')
);
CREATE UNIQUE INDEX service_requests_number_key ON service_requests (number);
CREATE UNIQUE INDEX service_requests_external_id_key ON service_requests (external_id);
CREATE INDEX service_requests_customer_idx ON service_requests (customer_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_contact_idx ON service_requests (contact_id);
CREATE INDEX service_requests_owner_idx ON service_requests (owner_id);
CREATE INDEX service_requests_owner_department_idx ON service_requests (owner_department_id);
CREATE INDEX service_requests_policy_idx ON service_requests (sla_policy_id);
CREATE INDEX service_requests_status_idx ON service_requests (status, id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_resolution_due_idx ON service_requests (resolution_due_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_response_due_idx ON service_requests (response_due_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_live_id_idx ON service_requests (id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_created_at_idx ON service_requests (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX service_requests_updated_at_idx ON service_requests (updated_at, id) WHERE deleted_at IS NULL;

-- One row per timer and request, kept for the request's life: a pause keeps the row and its
-- elapsed time (it is never cancelled and recreated). Times in seconds of working time.
CREATE TABLE sla_timers (
    id                   uuid PRIMARY KEY,
    request_id           uuid         NOT NULL REFERENCES service_requests (id),
    kind                 varchar(16)  NOT NULL,
    policy_id            uuid         NOT NULL REFERENCES sla_policies (id),
    calendar_id          uuid         NOT NULL REFERENCES business_calendars (id),
    target_seconds       bigint       NOT NULL,
    warning_seconds      bigint       NOT NULL,
    state                varchar(16)  NOT NULL,
    cycle                integer      NOT NULL DEFAULT 1,
    started_at           timestamptz  NOT NULL,
    segment_started_at   timestamptz,
    elapsed_seconds      bigint       NOT NULL DEFAULT 0,
    paused_seconds       bigint       NOT NULL DEFAULT 0,
    paused_at            timestamptz,
    pause_reason         varchar(64),
    due_at               timestamptz,
    warn_at              timestamptz,
    warned_at            timestamptz,
    breached_at          timestamptz,
    stopped_at           timestamptz,
    version              bigint       NOT NULL,
    CONSTRAINT sla_timers_kind_key UNIQUE (request_id, kind)
);
-- The job's question: running timers whose warning or due time has come.
CREATE INDEX sla_timers_due_idx ON sla_timers (due_at) WHERE stopped_at IS NULL AND paused_at IS NULL AND state <> 'BREACHED';
CREATE INDEX sla_timers_warn_idx ON sla_timers (warn_at) WHERE stopped_at IS NULL AND paused_at IS NULL AND state = 'RUNNING';
CREATE INDEX sla_timers_policy_idx ON sla_timers (policy_id);
CREATE INDEX sla_timers_calendar_idx ON sla_timers (calendar_id);

-- A standard calendar (09:00–12:00 and 13:30–18:00, Monday to Friday) and a policy that takes
-- every request the others do not, so each request has timers from the start.
INSERT INTO business_calendars (id, name, time_zone, weekly_hours, version, created_at, updated_at)
VALUES ('0193a000-0000-7000-8000-00000000ca01', '标准工作时间', 'Asia/Shanghai',
        '[{"day":"MONDAY","from":"09:00","to":"12:00"},{"day":"MONDAY","from":"13:30","to":"18:00"},
          {"day":"TUESDAY","from":"09:00","to":"12:00"},{"day":"TUESDAY","from":"13:30","to":"18:00"},
          {"day":"WEDNESDAY","from":"09:00","to":"12:00"},{"day":"WEDNESDAY","from":"13:30","to":"18:00"},
          {"day":"THURSDAY","from":"09:00","to":"12:00"},{"day":"THURSDAY","from":"13:30","to":"18:00"},
          {"day":"FRIDAY","from":"09:00","to":"12:00"},{"day":"FRIDAY","from":"13:30","to":"18:00"}]',
        0, now(), now());
INSERT INTO sla_policies (id, name, rank, calendar_id, first_response_minutes, next_response_minutes,
                          resolution_minutes, warning_percent, description, version, created_at, updated_at)
VALUES ('0193a000-0000-7000-8000-00000000c501', '默认服务级别', 1000,
        '0193a000-0000-7000-8000-00000000ca01', 240, 480, 2400, 80,
        'Every request no earlier policy takes: first response within 4 working hours, resolution within 5 working days.',
        0, now(), now());
