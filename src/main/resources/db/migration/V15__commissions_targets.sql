-- Sales, third part: commission rules (佣金规则), commissions (佣金) computed from approved
-- contracts and payments, and sales targets (销售计划 / 业绩目标) measured against actuals.

CREATE TABLE commission_rules (
    id                  uuid PRIMARY KEY,
    name                varchar(200)  NOT NULL,
    basis               varchar(32)   NOT NULL
                        CHECK (basis IN ('CONTRACT_AMOUNT', 'RECEIVED_PAYMENTS')),
    employee_id         uuid REFERENCES employees (id),
    -- Products in this category and the categories below it.
    product_category_id uuid REFERENCES product_categories (id),
    rate                numeric(7, 6) NOT NULL CHECK (rate BETWEEN 0 AND 1),
    -- [{"from": 100000, "rate": 0.05}, ...]: the rate of the highest tier the period total reaches.
    tiers               jsonb         NOT NULL DEFAULT '[]',
    priority            integer       NOT NULL DEFAULT 0,
    active              boolean       NOT NULL DEFAULT true,
    notes               varchar(1000),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
-- Recalculation reads the live active rules of a basis.
CREATE INDEX commission_rules_basis_idx ON commission_rules (basis) WHERE deleted_at IS NULL AND active;
CREATE INDEX commission_rules_employee_idx ON commission_rules (employee_id);
CREATE INDEX commission_rules_category_idx ON commission_rules (product_category_id);
CREATE INDEX commission_rules_created_at_idx ON commission_rules (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE commissions (
    id                  uuid PRIMARY KEY,
    period              varchar(7)     NOT NULL,
    basis               varchar(32)    NOT NULL
                        CHECK (basis IN ('CONTRACT_AMOUNT', 'RECEIVED_PAYMENTS')),
    kind                varchar(16)    NOT NULL CHECK (kind IN ('COMMISSION', 'ADJUSTMENT')),
    source_resource     varchar(32)    NOT NULL CHECK (source_resource IN ('contract', 'payment')),
    source_id           uuid           NOT NULL,
    source_number       varchar(32),
    contract_id         uuid           NOT NULL REFERENCES contracts (id),
    rule_id             uuid           NOT NULL REFERENCES commission_rules (id),
    product_category_id uuid,
    basis_amount        numeric(18, 6) NOT NULL,
    rate                numeric(7, 6)  NOT NULL,
    amount              numeric(18, 6) NOT NULL,
    currency            varchar(3)     NOT NULL,
    status              varchar(16)    NOT NULL CHECK (status IN ('CALCULATED', 'APPROVED', 'PAID')),
    approved_at         timestamptz,
    approved_by         uuid,
    paid_at             timestamptz,
    paid_by             uuid,
    owner_id            uuid           NOT NULL REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint         NOT NULL,
    created_at          timestamptz    NOT NULL,
    created_by          uuid,
    updated_at          timestamptz    NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
-- One open (CALCULATED) record per employee, month, source and rule: what recalculation rebuilds.
CREATE UNIQUE INDEX commissions_calculated_key
    ON commissions (owner_id, period, source_resource, source_id, rule_id)
    WHERE status = 'CALCULATED' AND deleted_at IS NULL;
CREATE INDEX commissions_owner_period_idx ON commissions (owner_id, period) WHERE deleted_at IS NULL;
CREATE INDEX commissions_owner_department_idx ON commissions (owner_department_id);
CREATE INDEX commissions_period_idx ON commissions (period, id) WHERE deleted_at IS NULL;
CREATE INDEX commissions_source_idx ON commissions (source_id);
CREATE INDEX commissions_contract_idx ON commissions (contract_id);
CREATE INDEX commissions_rule_idx ON commissions (rule_id);
CREATE INDEX commissions_created_at_idx ON commissions (created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE sales_targets (
    id                  uuid PRIMARY KEY,
    employee_id         uuid REFERENCES employees (id),
    department_id       uuid REFERENCES departments (id),
    period_kind         varchar(8)     NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    period              varchar(7)     NOT NULL,
    metric              varchar(32)    NOT NULL
                        CHECK (metric IN ('CONTRACT_AMOUNT', 'PAYMENTS_RECEIVED', 'NEW_CUSTOMERS')),
    target              numeric(18, 6) NOT NULL CHECK (target >= 0),
    notes               varchar(1000),
    external_id         varchar(100),
    -- Visibility, as for owned records: the employee (and their department), or for a
    -- department's target no owner and the department.
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint         NOT NULL,
    created_at          timestamptz    NOT NULL,
    created_by          uuid,
    updated_at          timestamptz    NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz,
    CONSTRAINT sales_targets_subject_check CHECK ((employee_id IS NULL) <> (department_id IS NULL))
);
CREATE UNIQUE INDEX sales_targets_employee_key ON sales_targets (employee_id, period, metric)
    WHERE employee_id IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX sales_targets_department_key ON sales_targets (department_id, period, metric)
    WHERE department_id IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX sales_targets_external_id_key ON sales_targets (external_id);
CREATE INDEX sales_targets_period_idx ON sales_targets (period, id) WHERE deleted_at IS NULL;
CREATE INDEX sales_targets_department_idx ON sales_targets (department_id);
CREATE INDEX sales_targets_owner_idx ON sales_targets (owner_id);
CREATE INDEX sales_targets_owner_department_idx ON sales_targets (owner_department_id);
CREATE INDEX sales_targets_created_at_idx ON sales_targets (created_at, id) WHERE deleted_at IS NULL;

-- Commission rules: everyone reads them (data scope does not apply: they are not owned); sales
-- managers set them, integrations read them.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'commission-rule', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT 'sales-manager', 'commission-rule', a.action
  FROM (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE')) AS a(action);

-- Commissions are pay: only those they concern read them (sales staff within their data scope:
-- a rep their own, a manager their team's), analysts and integrations (payroll) too; marketing
-- and service staff do not. Sales managers approve and pay them (UPDATE). Nobody writes them:
-- they are calculated.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'commission', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action) VALUES ('sales-manager', 'commission', 'UPDATE');

-- Sales targets: everyone reads those their scope shows; sales managers set them; integrations
-- (a planning system) read and write them.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'sales-target', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT 'sales-manager', 'sales-target', a.action
  FROM (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT 'integration', 'sales-target', a.action
  FROM (VALUES ('CREATE'), ('UPDATE')) AS a(action);
