-- Sales orders (销售订单): what is delivered, line by line, often mirrored from the ERP.
CREATE TABLE sales_orders (
    id                  uuid PRIMARY KEY,
    number              varchar(32)    NOT NULL,
    contract_id         uuid REFERENCES contracts (id),
    customer_id         uuid           NOT NULL REFERENCES customers (id),
    order_date          date           NOT NULL,
    delivery_date       date,
    shipping_address    varchar(500),
    currency            varchar(3)     NOT NULL,
    subtotal            numeric(18, 6) NOT NULL,
    discount_total      numeric(18, 6) NOT NULL,
    tax_total           numeric(18, 6) NOT NULL,
    grand_total         numeric(18, 6) NOT NULL,
    status              varchar(24)    NOT NULL,
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
CREATE UNIQUE INDEX sales_orders_number_key ON sales_orders (number);
CREATE UNIQUE INDEX sales_orders_external_id_key ON sales_orders (external_id);
CREATE INDEX sales_orders_customer_idx ON sales_orders (customer_id);
CREATE INDEX sales_orders_contract_idx ON sales_orders (contract_id);
CREATE INDEX sales_orders_owner_idx ON sales_orders (owner_id);
CREATE INDEX sales_orders_owner_department_idx ON sales_orders (owner_department_id);
CREATE INDEX sales_orders_order_date_idx ON sales_orders (order_date, id) WHERE deleted_at IS NULL;

CREATE TABLE sales_order_lines (
    id                  uuid PRIMARY KEY,
    order_id            uuid           NOT NULL REFERENCES sales_orders (id) ON DELETE CASCADE,
    position            integer        NOT NULL,
    product_id          uuid,
    description         varchar(200)   NOT NULL,
    quantity            numeric(18, 6) NOT NULL CHECK (quantity > 0),
    unit_price          numeric(18, 6) NOT NULL CHECK (unit_price >= 0),
    discount_percent    numeric(7, 4)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    tax_rate            numeric(7, 4)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    subtotal            numeric(18, 6) NOT NULL,
    discount_amount     numeric(18, 6) NOT NULL,
    tax_amount          numeric(18, 6) NOT NULL,
    total               numeric(18, 6) NOT NULL,
    delivered_quantity  numeric(18, 6) NOT NULL DEFAULT 0,
    CHECK (delivered_quantity BETWEEN 0 AND quantity)
);
CREATE INDEX sales_order_lines_order_idx ON sales_order_lines (order_id, position);

INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'sales-order', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'sales-order', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT'),
                    ('TRANSFER')) AS a(action);

-- Lines name products of the catalogue (products are soft-deleted, so the rows stay).
ALTER TABLE opportunity_lines ADD CONSTRAINT opportunity_lines_product_fk
    FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE quote_lines ADD CONSTRAINT quote_lines_product_fk
    FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE contract_lines ADD CONSTRAINT contract_lines_product_fk
    FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE sales_order_lines ADD CONSTRAINT sales_order_lines_product_fk
    FOREIGN KEY (product_id) REFERENCES products (id);
