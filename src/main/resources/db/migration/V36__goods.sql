-- Goods (商品): the products a customer owns, from a delivered sales order line or entered by
-- hand, with serial number, installation and warranty; service requests name the goods they are
-- about and say whether its warranty covered them.

CREATE TABLE goods (
    id                   uuid PRIMARY KEY,
    product_id           uuid          NOT NULL REFERENCES products (id),
    customer_id          uuid          NOT NULL REFERENCES customers (id),
    contact_id           uuid REFERENCES contacts (id),
    serial_number        varchar(100),
    quantity             numeric(18, 4) NOT NULL DEFAULT 1,
    order_id             uuid REFERENCES sales_orders (id),
    order_line_id        uuid,
    delivered_on         date,
    installed_on         date,
    install_address      varchar(500),
    warranty_ends_on     date,
    warranty_warned_at   timestamptz,
    status               varchar(16)   NOT NULL,
    note                 text,
    external_id          varchar(128),
    version              bigint        NOT NULL,
    created_at           timestamptz   NOT NULL,
    created_by           uuid,
    updated_at           timestamptz   NOT NULL,
    updated_by           uuid,
    deleted_at           timestamptz,
    CONSTRAINT goods_quantity_check CHECK (quantity > 0)
);
CREATE UNIQUE INDEX goods_serial_key ON goods (product_id, serial_number)
    WHERE serial_number IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX goods_external_id_key ON goods (external_id);
CREATE INDEX goods_customer_idx ON goods (customer_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX goods_product_idx ON goods (product_id);
CREATE INDEX goods_contact_idx ON goods (contact_id);
CREATE INDEX goods_order_idx ON goods (order_id);
CREATE INDEX goods_warranty_idx ON goods (warranty_ends_on, id) WHERE deleted_at IS NULL;
CREATE INDEX goods_live_id_idx ON goods (id) WHERE deleted_at IS NULL;
CREATE INDEX goods_created_at_idx ON goods (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX goods_serial_idx ON goods (serial_number, id) WHERE deleted_at IS NULL;

ALTER TABLE service_requests
    ADD COLUMN goods_id uuid REFERENCES goods (id),
    ADD COLUMN under_warranty boolean;
CREATE INDEX service_requests_goods_idx ON service_requests (goods_id);
