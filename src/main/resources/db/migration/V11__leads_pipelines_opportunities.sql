-- Sales (销售管理), first part: leads (线索), pipelines (商机组) with stages, opportunities (商机)
-- with product lines and stage history.

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('lead-source', 'WEB',        '网站',     'Website', 1),
    ('lead-source', 'REFERRAL',   '转介绍',   'Referral', 2),
    ('lead-source', 'CAMPAIGN',   '市场活动', 'Campaign', 3),
    ('lead-source', 'EXHIBITION', '展会',     'Exhibition', 4),
    ('lead-source', 'COLD_CALL',  '电话开发', 'Cold call', 5),
    ('lead-source', 'PARTNER',    '合作伙伴', 'Partner', 6),
    ('loss-reason', 'PRICE',       '价格',     'Price', 1),
    ('loss-reason', 'COMPETITOR',  '竞争对手', 'Competitor', 2),
    ('loss-reason', 'NO_BUDGET',   '无预算',   'No budget', 3),
    ('loss-reason', 'NO_DECISION', '无决策',   'No decision', 4),
    ('loss-reason', 'INVALID',     '无效商机', 'Invalid', 5),
    ('loss-reason', 'OTHER',       '其他',     'Other', 99);

CREATE TABLE leads (
    id                       uuid PRIMARY KEY,
    name                     varchar(100)  NOT NULL,
    company                  varchar(200),
    title                    varchar(100),
    mobile                   varchar(40),
    phone                    varchar(40),
    email                    varchar(254),
    source                   varchar(64),
    campaign_id              uuid,
    status                   varchar(16)   NOT NULL,
    rating                   varchar(16),
    address                  varchar(300),
    industry                 varchar(64),
    notes                    text,
    converted_customer_id    uuid REFERENCES customers (id),
    converted_contact_id     uuid REFERENCES contacts (id),
    converted_opportunity_id uuid,
    converted_at             timestamptz,
    custom_fields            jsonb         NOT NULL DEFAULT '{}',
    external_id              varchar(100),
    owner_id                 uuid REFERENCES employees (id),
    owner_department_id      uuid REFERENCES departments (id),
    search_text              text          NOT NULL DEFAULT '',
    search_tokens            text[]        NOT NULL DEFAULT '{}',
    version                  bigint        NOT NULL,
    created_at               timestamptz   NOT NULL,
    created_by               uuid,
    updated_at               timestamptz   NOT NULL,
    updated_by               uuid,
    deleted_at               timestamptz
);
CREATE UNIQUE INDEX leads_external_id_key ON leads (external_id);
CREATE INDEX leads_owner_idx ON leads (owner_id);
CREATE INDEX leads_owner_department_idx ON leads (owner_department_id);
CREATE INDEX leads_created_at_idx ON leads (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_name_idx ON leads (name, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_status_idx ON leads (status) WHERE deleted_at IS NULL;
CREATE INDEX leads_search_text_idx ON leads USING gin (search_text gin_trgm_ops);
CREATE INDEX leads_search_tokens_idx ON leads USING gin (search_tokens);
CREATE INDEX leads_phone_digits_idx ON leads
    (regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g')) WHERE deleted_at IS NULL;
CREATE INDEX leads_email_lower_idx ON leads (lower(email)) WHERE deleted_at IS NULL;

CREATE TABLE pipelines (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    is_default   boolean      NOT NULL DEFAULT false,
    description  varchar(500),
    version      bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   uuid,
    updated_at   timestamptz  NOT NULL,
    updated_by   uuid,
    deleted_at   timestamptz
);
CREATE UNIQUE INDEX pipelines_name_key ON pipelines (lower(name)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX pipelines_one_default ON pipelines (is_default) WHERE is_default AND deleted_at IS NULL;

CREATE TABLE pipeline_stages (
    id               uuid PRIMARY KEY,
    pipeline_id      uuid         NOT NULL REFERENCES pipelines (id),
    position         integer      NOT NULL,
    code             varchar(64)  NOT NULL,
    name             varchar(100) NOT NULL,
    probability      numeric(5, 2) NOT NULL CHECK (probability BETWEEN 0 AND 100),
    kind             varchar(8)   NOT NULL CHECK (kind IN ('OPEN', 'WON', 'LOST')),
    requires_reason  boolean      NOT NULL DEFAULT false,
    UNIQUE (pipeline_id, code)
);

-- The default pipeline with the stages the seeds name.
INSERT INTO pipelines (id, name, is_default, description, version, created_at, updated_at)
VALUES ('0193a000-0000-7000-8000-00000000a001', '默认商机组', true,
        'Lead acquisition to payment collection (seeds)', 0, now(), now());
INSERT INTO pipeline_stages (id, pipeline_id, position, code, name, probability, kind, requires_reason) VALUES
    ('0193a000-0000-7000-8000-00000000a101', '0193a000-0000-7000-8000-00000000a001', 1, 'LEAD_ACQUISITION',   '线索获取', 10,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a102', '0193a000-0000-7000-8000-00000000a001', 2, 'NURTURING',          '培育',     20,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a103', '0193a000-0000-7000-8000-00000000a001', 3, 'NEEDS_CONFIRMED',    '需求确认', 40,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a104', '0193a000-0000-7000-8000-00000000a001', 4, 'PROPOSAL',           '方案报价', 60,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a105', '0193a000-0000-7000-8000-00000000a001', 5, 'NEGOTIATION',        '谈判',     75,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a106', '0193a000-0000-7000-8000-00000000a001', 6, 'CONTRACT_SIGNING',   '合同签订', 90,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a107', '0193a000-0000-7000-8000-00000000a001', 7, 'PAYMENT_COLLECTION', '回款',     95,  'OPEN', false),
    ('0193a000-0000-7000-8000-00000000a108', '0193a000-0000-7000-8000-00000000a001', 8, 'WON',                '赢单',     100, 'WON',  false),
    ('0193a000-0000-7000-8000-00000000a109', '0193a000-0000-7000-8000-00000000a001', 9, 'LOST',               '输单',     0,   'LOST', true),
    ('0193a000-0000-7000-8000-00000000a110', '0193a000-0000-7000-8000-00000000a001', 10, 'INVALID',           '无效',     0,   'LOST', true);

CREATE TABLE opportunities (
    id                   uuid PRIMARY KEY,
    number               varchar(32)   NOT NULL,
    name                 varchar(200)  NOT NULL,
    customer_id          uuid          NOT NULL REFERENCES customers (id),
    primary_contact_id   uuid REFERENCES contacts (id),
    pipeline_id          uuid          NOT NULL REFERENCES pipelines (id),
    stage_id             uuid          NOT NULL REFERENCES pipeline_stages (id),
    amount               numeric(18, 6) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    currency             varchar(3)    NOT NULL,
    expected_close_date  date,
    actual_close_date    date,
    status               varchar(8)    NOT NULL,
    loss_reason          varchar(64),
    loss_notes           varchar(1000),
    competitors          varchar(1000),
    source               varchar(64),
    lead_id              uuid REFERENCES leads (id),
    notes                text,
    custom_fields        jsonb         NOT NULL DEFAULT '{}',
    external_id          varchar(100),
    owner_id             uuid REFERENCES employees (id),
    owner_department_id  uuid REFERENCES departments (id),
    version              bigint        NOT NULL,
    created_at           timestamptz   NOT NULL,
    created_by           uuid,
    updated_at           timestamptz   NOT NULL,
    updated_by           uuid,
    deleted_at           timestamptz
);
ALTER TABLE leads ADD CONSTRAINT leads_converted_opportunity_fk
    FOREIGN KEY (converted_opportunity_id) REFERENCES opportunities (id);
CREATE UNIQUE INDEX opportunities_number_key ON opportunities (number);
CREATE UNIQUE INDEX opportunities_external_id_key ON opportunities (external_id);
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id);
CREATE INDEX opportunities_stage_idx ON opportunities (stage_id);
CREATE INDEX opportunities_owner_idx ON opportunities (owner_id);
CREATE INDEX opportunities_owner_department_idx ON opportunities (owner_department_id);
CREATE INDEX opportunities_created_at_idx ON opportunities (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_expected_close_idx ON opportunities (expected_close_date, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_amount_idx ON opportunities (amount, id) WHERE deleted_at IS NULL;
INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('opportunity', '商机编号', 'SJ{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now());

-- Product lines: the amount of an opportunity with lines is their sum.
CREATE TABLE opportunity_lines (
    id                uuid PRIMARY KEY,
    opportunity_id    uuid          NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    position          integer       NOT NULL,
    product_id        uuid,
    description       varchar(200)  NOT NULL,
    quantity          numeric(18, 6) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(18, 6) NOT NULL CHECK (unit_price >= 0),
    discount_percent  numeric(7, 4)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    amount            numeric(18, 6) NOT NULL
);
CREATE INDEX opportunity_lines_opportunity_idx ON opportunity_lines (opportunity_id, position);

-- Stage history: when each stage was entered and left, by whom (funnel and cycle analysis).
CREATE TABLE opportunity_stage_history (
    id              uuid PRIMARY KEY,
    opportunity_id  uuid         NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    stage_id        uuid         NOT NULL REFERENCES pipeline_stages (id),
    entered_at      timestamptz  NOT NULL,
    entered_by      uuid,
    left_at         timestamptz,
    left_by         uuid
);
CREATE INDEX opportunity_stage_history_idx ON opportunity_stage_history (opportunity_id, entered_at);
CREATE INDEX opportunity_stage_history_stage_idx ON opportunity_stage_history (stage_id, entered_at);

-- Function permissions: sales keeps leads and opportunities; everyone reads what they see.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('lead'), ('opportunity'), ('pipeline')) AS res(resource)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('lead'), ('opportunity')) AS res(resource)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT'),
                    ('TRANSFER')) AS a(action);
-- Marketing creates and works leads (campaign responses), but does not convert them.
INSERT INTO role_permissions (role, resource, action)
SELECT 'marketing', 'lead', a.action
  FROM (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT'), ('TRANSFER')) AS a(action);
-- Converting a lead is its own permission (CONVERT) for those who sell.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'lead', 'CONVERT'
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('integration')) AS r(role);
