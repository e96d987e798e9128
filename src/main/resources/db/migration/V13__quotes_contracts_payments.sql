-- Sales (销售管理), second part: quotes (销售报价) with revisions, contracts (销售合同), payment
-- plans (回款计划) and payments (回款). Lines of quotes and contracts share one shape.

CREATE TABLE quotes (
    id                  uuid PRIMARY KEY,
    number              varchar(32)    NOT NULL,
    revision            integer        NOT NULL DEFAULT 1,
    revision_of_id      uuid REFERENCES quotes (id),
    superseded          boolean        NOT NULL DEFAULT false,
    name                varchar(200)   NOT NULL,
    opportunity_id      uuid REFERENCES opportunities (id),
    customer_id         uuid           NOT NULL REFERENCES customers (id),
    contact_id          uuid REFERENCES contacts (id),
    valid_until         date,
    currency            varchar(3)     NOT NULL,
    subtotal            numeric(18, 6) NOT NULL,
    discount_total      numeric(18, 6) NOT NULL,
    tax_total           numeric(18, 6) NOT NULL,
    grand_total         numeric(18, 6) NOT NULL,
    max_discount        numeric(7, 4)  NOT NULL DEFAULT 0,
    status              varchar(16)    NOT NULL,
    terms               text,
    notes               text,
    custom_fields       jsonb          NOT NULL DEFAULT '{}',
    external_id         varchar(100),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint         NOT NULL,
    created_at          timestamptz    NOT NULL,
    created_by          uuid,
    updated_at          timestamptz    NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX quotes_number_revision_key ON quotes (number, revision);
CREATE UNIQUE INDEX quotes_external_id_key ON quotes (external_id);
CREATE INDEX quotes_customer_idx ON quotes (customer_id);
CREATE INDEX quotes_opportunity_idx ON quotes (opportunity_id);
CREATE INDEX quotes_owner_idx ON quotes (owner_id);
CREATE INDEX quotes_owner_department_idx ON quotes (owner_department_id);
CREATE INDEX quotes_created_at_idx ON quotes (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE quote_lines (
    id                uuid PRIMARY KEY,
    quote_id          uuid           NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    position          integer        NOT NULL,
    product_id        uuid,
    description       varchar(200)   NOT NULL,
    quantity          numeric(18, 6) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(18, 6) NOT NULL CHECK (unit_price >= 0),
    discount_percent  numeric(7, 4)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    tax_rate          numeric(7, 4)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    subtotal          numeric(18, 6) NOT NULL,
    discount_amount   numeric(18, 6) NOT NULL,
    tax_amount        numeric(18, 6) NOT NULL,
    total             numeric(18, 6) NOT NULL
);
CREATE INDEX quote_lines_quote_idx ON quote_lines (quote_id, position);

CREATE TABLE contracts (
    id                    uuid PRIMARY KEY,
    number                varchar(32)    NOT NULL,
    name                  varchar(200)   NOT NULL,
    customer_id           uuid           NOT NULL REFERENCES customers (id),
    opportunity_id        uuid REFERENCES opportunities (id),
    quote_id              uuid REFERENCES quotes (id),
    signing_date          date,
    start_date            date,
    end_date              date,
    currency              varchar(3)     NOT NULL,
    amount                numeric(18, 6) NOT NULL CHECK (amount >= 0),
    received_amount       numeric(18, 6) NOT NULL DEFAULT 0,
    payment_terms         varchar(1000),
    customer_signatory_id uuid REFERENCES contacts (id),
    company_signatory_id  uuid REFERENCES employees (id),
    status                varchar(16)    NOT NULL,
    notes                 text,
    custom_fields         jsonb          NOT NULL DEFAULT '{}',
    external_id           varchar(100),
    owner_id              uuid REFERENCES employees (id),
    owner_department_id   uuid REFERENCES departments (id),
    version               bigint         NOT NULL,
    created_at            timestamptz    NOT NULL,
    created_by            uuid,
    updated_at            timestamptz    NOT NULL,
    updated_by            uuid,
    deleted_at            timestamptz,
    CHECK (received_amount <= amount)
);
CREATE UNIQUE INDEX contracts_number_key ON contracts (number);
CREATE UNIQUE INDEX contracts_external_id_key ON contracts (external_id);
CREATE INDEX contracts_customer_idx ON contracts (customer_id);
CREATE INDEX contracts_owner_idx ON contracts (owner_id);
CREATE INDEX contracts_owner_department_idx ON contracts (owner_department_id);
CREATE INDEX contracts_created_at_idx ON contracts (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contracts_signing_date_idx ON contracts (signing_date, id) WHERE deleted_at IS NULL;

CREATE TABLE contract_lines (
    id                uuid PRIMARY KEY,
    contract_id       uuid           NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    position          integer        NOT NULL,
    product_id        uuid,
    description       varchar(200)   NOT NULL,
    quantity          numeric(18, 6) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(18, 6) NOT NULL CHECK (unit_price >= 0),
    discount_percent  numeric(7, 4)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    tax_rate          numeric(7, 4)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    subtotal          numeric(18, 6) NOT NULL,
    discount_amount   numeric(18, 6) NOT NULL,
    tax_amount        numeric(18, 6) NOT NULL,
    total             numeric(18, 6) NOT NULL
);
CREATE INDEX contract_lines_contract_idx ON contract_lines (contract_id, position);

CREATE TABLE payment_plans (
    id               uuid PRIMARY KEY,
    contract_id      uuid           NOT NULL REFERENCES contracts (id),
    period           integer        NOT NULL,
    due_date         date           NOT NULL,
    amount           numeric(18, 6) NOT NULL CHECK (amount > 0),
    received_amount  numeric(18, 6) NOT NULL DEFAULT 0,
    reminder_days    integer,
    status           varchar(16)    NOT NULL,
    notes            varchar(1000),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version          bigint         NOT NULL,
    created_at       timestamptz    NOT NULL,
    created_by       uuid,
    updated_at       timestamptz    NOT NULL,
    updated_by       uuid,
    deleted_at       timestamptz
);
CREATE UNIQUE INDEX payment_plans_period_key ON payment_plans (contract_id, period) WHERE deleted_at IS NULL;
CREATE INDEX payment_plans_due_idx ON payment_plans (due_date, id) WHERE deleted_at IS NULL;
CREATE INDEX payment_plans_owner_idx ON payment_plans (owner_id);

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    number              varchar(32)    NOT NULL,
    contract_id         uuid           NOT NULL REFERENCES contracts (id),
    plan_id             uuid REFERENCES payment_plans (id),
    paid_on             date           NOT NULL,
    amount              numeric(18, 6) NOT NULL CHECK (amount > 0),
    method              varchar(32)    NOT NULL,
    status              varchar(16)    NOT NULL,
    notes               varchar(1000),
    external_id         varchar(100),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint         NOT NULL,
    created_at          timestamptz    NOT NULL,
    created_by          uuid,
    updated_at          timestamptz    NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX payments_number_key ON payments (number);
CREATE UNIQUE INDEX payments_external_id_key ON payments (external_id);
CREATE INDEX payments_contract_idx ON payments (contract_id);
CREATE INDEX payments_owner_idx ON payments (owner_id);
CREATE INDEX payments_paid_on_idx ON payments (paid_on, id) WHERE deleted_at IS NULL;

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('payment-plan', '回款计划编号', 'HKJH{seq:6}', 'NEVER', 0, now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('quote'), ('contract'), ('payment-plan'), ('payment')) AS res(resource)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('quote'), ('contract'), ('payment-plan'), ('payment')) AS res(resource)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT'),
                    ('TRANSFER')) AS a(action);
