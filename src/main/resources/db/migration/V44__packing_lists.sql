-- Packing lists (装箱单): parts shipped to a customer (OUTBOUND) or returned by one (RETURN), for a
-- repair or a sales order (exactly one), with their lines and serial numbers, addresses, carrier
-- and tracking number, packed, shipped, delivered or returned.

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('packing-list', '装箱单编号', 'ZX{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

CREATE TABLE packing_lists (
    id                  uuid PRIMARY KEY,
    number              varchar(64)   NOT NULL,
    direction           varchar(16)   NOT NULL,
    repair_id           uuid REFERENCES repairs (id),
    order_id            uuid REFERENCES sales_orders (id),
    customer_id         uuid          NOT NULL REFERENCES customers (id),
    ship_from_address   varchar(500),
    ship_to_address     varchar(500),
    carrier             varchar(100),
    tracking_number     varchar(100),
    status              varchar(16)   NOT NULL,
    packed_at           timestamptz,
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    returned_at         timestamptz,
    notes               text,
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz,
    CONSTRAINT packing_lists_one_source_check CHECK ((repair_id IS NULL) <> (order_id IS NULL))
);
CREATE UNIQUE INDEX packing_lists_number_key ON packing_lists (number);
CREATE INDEX packing_lists_repair_idx ON packing_lists (repair_id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_order_idx ON packing_lists (order_id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_customer_idx ON packing_lists (customer_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_status_idx ON packing_lists (status, id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_tracking_idx ON packing_lists (tracking_number) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_shipped_at_idx ON packing_lists (shipped_at, id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_live_id_idx ON packing_lists (id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_created_at_idx ON packing_lists (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX packing_lists_updated_at_idx ON packing_lists (updated_at, id) WHERE deleted_at IS NULL;

CREATE TABLE packing_list_lines (
    id                uuid PRIMARY KEY,
    packing_list_id   uuid           NOT NULL REFERENCES packing_lists (id) ON DELETE CASCADE,
    position          integer        NOT NULL,
    product_id        uuid           NOT NULL REFERENCES products (id),
    description       varchar(200)   NOT NULL,
    quantity          numeric(18, 6) NOT NULL CHECK (quantity > 0),
    serial_numbers    text[]         NOT NULL DEFAULT '{}'
);
CREATE INDEX packing_list_lines_list_idx ON packing_list_lines (packing_list_id, position);
CREATE INDEX packing_list_lines_product_idx ON packing_list_lines (product_id);
