-- Service contracts (服务合同) and entitlements (服务许可): what a customer is entitled to, counted in
-- cases or hours per channel, and the ledger of what each service request consumed. A request says
-- which one entitled it (a service contract, the goods' warranty, the sales contract behind the
-- goods) or that none did; SLA policies may choose by that and by the contract's service level.

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('service-level', 'BASIC',    '基础', 'Basic', 1),
    ('service-level', 'STANDARD', '标准', 'Standard', 2),
    ('service-level', 'PREMIUM',  '高级', 'Premium', 3),
    ('service-level', 'VIP',      '尊享', 'VIP', 4);

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('service-contract', '服务合同编号', 'FWHT{yyyyMM}{seq:4}', 'MONTHLY', 0, now(), now())
ON CONFLICT DO NOTHING;

-- Terms are a JSON list: [{"id": uuid, "unit": "CASES"|"HOURS", "channel": code|null,
-- "quantity": n, "used": n}]; used moves only with the ledger, under the contract's row lock and
-- through its version.
CREATE TABLE service_contracts (
    id                     uuid PRIMARY KEY,
    number                 varchar(32)   NOT NULL,
    name                   varchar(200)  NOT NULL,
    customer_id            uuid          NOT NULL REFERENCES customers (id),
    sales_contract_id      uuid REFERENCES contracts (id),
    service_level          varchar(64)   NOT NULL,
    starts_on              date          NOT NULL,
    ends_on                date          NOT NULL,
    active                 boolean       NOT NULL DEFAULT true,
    consume_on             varchar(16)   NOT NULL,
    block_when_exhausted   boolean       NOT NULL DEFAULT false,
    goods_ids              uuid[]        NOT NULL DEFAULT '{}',
    product_ids            uuid[]        NOT NULL DEFAULT '{}',
    contact_ids            uuid[]        NOT NULL DEFAULT '{}',
    terms                  jsonb         NOT NULL DEFAULT '[]',
    note                   text,
    external_id            varchar(128),
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    created_by             uuid,
    updated_at             timestamptz   NOT NULL,
    updated_by             uuid,
    deleted_at             timestamptz,
    CONSTRAINT service_contracts_period_check CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX service_contracts_number_key ON service_contracts (number);
CREATE UNIQUE INDEX service_contracts_external_id_key ON service_contracts (external_id);
CREATE INDEX service_contracts_customer_idx ON service_contracts (customer_id, ends_on) WHERE deleted_at IS NULL;
CREATE INDEX service_contracts_sales_contract_idx ON service_contracts (sales_contract_id);
CREATE INDEX service_contracts_ends_on_idx ON service_contracts (ends_on, id) WHERE deleted_at IS NULL;
CREATE INDEX service_contracts_starts_on_idx ON service_contracts (starts_on, id) WHERE deleted_at IS NULL;
CREATE INDEX service_contracts_live_id_idx ON service_contracts (id) WHERE deleted_at IS NULL;
CREATE INDEX service_contracts_created_at_idx ON service_contracts (created_at, id) WHERE deleted_at IS NULL;

-- Append-only: a consumption is returned by a negative entry, never by an update or a delete.
CREATE TABLE entitlement_ledger (
    id            uuid PRIMARY KEY,
    contract_id   uuid           NOT NULL REFERENCES service_contracts (id),
    term_id       uuid           NOT NULL,
    request_id    uuid           NOT NULL REFERENCES service_requests (id),
    unit          varchar(8)     NOT NULL,
    quantity      numeric(12, 2) NOT NULL,
    reason        varchar(32)    NOT NULL,
    created_at    timestamptz    NOT NULL,
    created_by    uuid,
    CONSTRAINT entitlement_ledger_quantity_check CHECK (quantity <> 0)
);
CREATE INDEX entitlement_ledger_contract_idx ON entitlement_ledger (contract_id, created_at, id);
CREATE INDEX entitlement_ledger_request_idx ON entitlement_ledger (request_id, term_id);

ALTER TABLE service_requests
    ADD COLUMN entitled_by          varchar(16),
    ADD COLUMN service_contract_id  uuid REFERENCES service_contracts (id),
    ADD COLUMN entitlement_term_id  uuid,
    ADD COLUMN sales_contract_id    uuid REFERENCES contracts (id),
    ADD COLUMN worked_hours         numeric(8, 2),
    ADD CONSTRAINT service_requests_worked_hours_check CHECK (worked_hours IS NULL OR worked_hours >= 0);
CREATE INDEX service_requests_service_contract_idx ON service_requests (service_contract_id);
CREATE INDEX service_requests_sales_contract_idx ON service_requests (sales_contract_id);
CREATE INDEX service_requests_entitled_by_idx ON service_requests (entitled_by, id) WHERE deleted_at IS NULL;

ALTER TABLE sla_policies
    ADD COLUMN entitlement_sources text[] NOT NULL DEFAULT '{}',
    ADD COLUMN service_levels      text[] NOT NULL DEFAULT '{}';
