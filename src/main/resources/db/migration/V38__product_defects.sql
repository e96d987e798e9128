-- Product defects (产品缺陷): a defect of a product version, worked from report to fix, with the
-- service requests it caused linked and counted.

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('product-defect', '产品缺陷编号', 'QX{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

CREATE TABLE product_defects (
    id                uuid PRIMARY KEY,
    number            varchar(64)  NOT NULL,
    product_id        uuid         NOT NULL REFERENCES products (id),
    product_version   varchar(64),
    title             varchar(200) NOT NULL,
    description       text,
    severity          varchar(16)  NOT NULL,
    status            varchar(16)  NOT NULL,
    fixed_in_version  varchar(64),
    fixed_at          timestamptz,
    occurrence_count  integer      NOT NULL DEFAULT 0,
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        uuid,
    updated_at        timestamptz  NOT NULL,
    updated_by        uuid,
    deleted_at        timestamptz
);
CREATE UNIQUE INDEX product_defects_number_key ON product_defects (number);
CREATE INDEX product_defects_product_idx ON product_defects (product_id, product_version);
CREATE INDEX product_defects_status_idx ON product_defects (status, id) WHERE deleted_at IS NULL;
CREATE INDEX product_defects_occurrences_idx ON product_defects (occurrence_count, id) WHERE deleted_at IS NULL;
CREATE INDEX product_defects_live_id_idx ON product_defects (id) WHERE deleted_at IS NULL;
CREATE INDEX product_defects_created_at_idx ON product_defects (created_at, id) WHERE deleted_at IS NULL;

ALTER TABLE service_requests ADD COLUMN defect_id uuid REFERENCES product_defects (id);
CREATE INDEX service_requests_defect_idx ON service_requests (defect_id) WHERE deleted_at IS NULL;
