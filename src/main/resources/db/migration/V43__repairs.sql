-- Repairs (产品维修): work orders made from a service request, for the customer's goods: fault,
-- diagnosis, the parts used (lines), labour, the technician and the scheduled visit, whether the
-- goods' warranty covered it when it was opened, the costs and what of them is charged.

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('repair', '产品维修编号', 'WX{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

CREATE TABLE repairs (
    id                   uuid PRIMARY KEY,
    number               varchar(64)    NOT NULL,
    service_request_id   uuid           NOT NULL REFERENCES service_requests (id),
    customer_id          uuid           NOT NULL REFERENCES customers (id),
    goods_id             uuid REFERENCES goods (id),
    fault                varchar(2000)  NOT NULL,
    diagnosis            text,
    resolution           text,
    technician_id        uuid REFERENCES employees (id),
    scheduled_start      timestamptz,
    scheduled_end        timestamptz,
    visit_address        varchar(500),
    in_warranty          boolean        NOT NULL,
    currency             varchar(3)     NOT NULL,
    labour_hours         numeric(9, 2)  NOT NULL DEFAULT 0 CHECK (labour_hours >= 0),
    labour_rate          numeric(18, 6) NOT NULL DEFAULT 0 CHECK (labour_rate >= 0),
    parts_total          numeric(18, 6) NOT NULL DEFAULT 0,
    labour_total         numeric(18, 6) NOT NULL DEFAULT 0,
    total                numeric(18, 6) NOT NULL DEFAULT 0,
    chargeable           numeric(18, 6) NOT NULL DEFAULT 0,
    status               varchar(16)    NOT NULL,
    started_at           timestamptz,
    completed_at         timestamptz,
    cancelled_at         timestamptz,
    cancel_reason        varchar(500),
    owner_id             uuid REFERENCES employees (id),
    owner_department_id  uuid REFERENCES departments (id),
    version              bigint         NOT NULL,
    created_at           timestamptz    NOT NULL,
    created_by           uuid,
    updated_at           timestamptz    NOT NULL,
    updated_by           uuid,
    deleted_at           timestamptz,
    CONSTRAINT repairs_visit_window_check CHECK (scheduled_end IS NULL OR scheduled_start IS NULL
                                                 OR scheduled_end > scheduled_start)
);
CREATE UNIQUE INDEX repairs_number_key ON repairs (number);
CREATE INDEX repairs_request_idx ON repairs (service_request_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_customer_idx ON repairs (customer_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_goods_idx ON repairs (goods_id);
CREATE INDEX repairs_technician_idx ON repairs (technician_id, scheduled_start, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_owner_idx ON repairs (owner_id);
CREATE INDEX repairs_owner_department_idx ON repairs (owner_department_id);
CREATE INDEX repairs_status_idx ON repairs (status, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_scheduled_start_idx ON repairs (scheduled_start, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_total_idx ON repairs (total, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_live_id_idx ON repairs (id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_created_at_idx ON repairs (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX repairs_updated_at_idx ON repairs (updated_at, id) WHERE deleted_at IS NULL;

-- The parts a repair uses: products of the catalogue, priced per line.
CREATE TABLE repair_parts (
    id              uuid PRIMARY KEY,
    repair_id       uuid           NOT NULL REFERENCES repairs (id) ON DELETE CASCADE,
    position        integer        NOT NULL,
    product_id      uuid           NOT NULL REFERENCES products (id),
    description     varchar(200)   NOT NULL,
    quantity        numeric(18, 6) NOT NULL CHECK (quantity > 0),
    unit_price      numeric(18, 6) NOT NULL CHECK (unit_price >= 0),
    amount          numeric(18, 6) NOT NULL,
    serial_number   varchar(100)
);
CREATE INDEX repair_parts_repair_idx ON repair_parts (repair_id, position);
CREATE INDEX repair_parts_product_idx ON repair_parts (product_id);
