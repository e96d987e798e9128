-- Products (产品管理) and their categories (a tree), company-wide records: not owned, every role
-- reads them, sales managers and integrations keep them. Prices are rounded by the application to
-- the system parameter decimal-places.product; the columns keep up to six places.

CREATE TABLE product_categories (
    id           uuid PRIMARY KEY,
    code         varchar(64)  NOT NULL,
    name         varchar(200) NOT NULL,
    parent_id    uuid REFERENCES product_categories (id),
    sort_order   integer      NOT NULL DEFAULT 0,
    description  text,
    external_id  varchar(100),
    version      bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   uuid,
    updated_at   timestamptz  NOT NULL,
    updated_by   uuid,
    deleted_at   timestamptz
);
CREATE UNIQUE INDEX product_categories_code_key ON product_categories (lower(code)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX product_categories_external_id_key ON product_categories (external_id);
CREATE INDEX product_categories_parent_idx ON product_categories (parent_id);
CREATE INDEX product_categories_live_id_idx ON product_categories (id) WHERE deleted_at IS NULL;
CREATE INDEX product_categories_code_idx ON product_categories (code, id) WHERE deleted_at IS NULL;
CREATE INDEX product_categories_name_idx ON product_categories (name, id) WHERE deleted_at IS NULL;
CREATE INDEX product_categories_sort_order_idx ON product_categories (sort_order, id) WHERE deleted_at IS NULL;

CREATE TABLE products (
    id              uuid PRIMARY KEY,
    code            varchar(64)    NOT NULL,
    name            varchar(200)   NOT NULL,
    category_id     uuid REFERENCES product_categories (id),
    kind            varchar(16)    NOT NULL CONSTRAINT products_kind_check
                                   CHECK (kind IN ('TANGIBLE', 'INTANGIBLE')),
    source          varchar(16)    NOT NULL CONSTRAINT products_source_check
                                   CHECK (source IN ('IN_HOUSE', 'PURCHASED', 'CONSIGNMENT')),
    service         boolean        NOT NULL DEFAULT false,
    training        boolean        NOT NULL DEFAULT false,
    unit            varchar(32),
    list_price      numeric(18, 6) CONSTRAINT products_list_price_check CHECK (list_price >= 0),
    cost            numeric(18, 6) CONSTRAINT products_cost_check CHECK (cost >= 0),
    tax_rate        numeric(7, 4)  CONSTRAINT products_tax_rate_check
                                   CHECK (tax_rate >= 0 AND tax_rate <= 1),
    currency        varchar(3)     NOT NULL DEFAULT 'CNY',
    status          varchar(16)    NOT NULL CONSTRAINT products_status_check
                                   CHECK (status IN ('ACTIVE', 'INACTIVE')),
    description     text,
    specification   text,
    external_id     varchar(100),
    custom_fields   jsonb          NOT NULL DEFAULT '{}',
    search_text     text           NOT NULL DEFAULT '',
    search_tokens   text[]         NOT NULL DEFAULT '{}',
    version         bigint         NOT NULL,
    created_at      timestamptz    NOT NULL,
    created_by      uuid,
    updated_at      timestamptz    NOT NULL,
    updated_by      uuid,
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX products_code_key ON products (lower(code)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX products_external_id_key ON products (external_id);
CREATE INDEX products_category_idx ON products (category_id);
-- Sort and filter paths lists use (live rows only; id is the keyset tie-breaker).
CREATE INDEX products_live_id_idx ON products (id) WHERE deleted_at IS NULL;
CREATE INDEX products_code_idx ON products (code, id) WHERE deleted_at IS NULL;
CREATE INDEX products_name_idx ON products (name, id) WHERE deleted_at IS NULL;
CREATE INDEX products_list_price_idx ON products (list_price, id) WHERE deleted_at IS NULL;
CREATE INDEX products_cost_idx ON products (cost, id) WHERE deleted_at IS NULL;
CREATE INDEX products_created_at_idx ON products (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX products_updated_at_idx ON products (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX products_kind_idx ON products (kind, id) WHERE deleted_at IS NULL;
CREATE INDEX products_source_idx ON products (source, id) WHERE deleted_at IS NULL;
CREATE INDEX products_status_idx ON products (status, id) WHERE deleted_at IS NULL;
CREATE INDEX products_custom_fields_idx ON products USING gin (custom_fields jsonb_path_ops);
-- Free text (see V5): trigrams for 3+ characters, tokens for 1-2 character queries.
CREATE INDEX products_search_text_idx ON products USING gin (search_text gin_trgm_ops);
CREATE INDEX products_search_tokens_idx ON products USING gin (search_tokens);

-- Product codes when a client gives none: CP000001, CP000002...
INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('product', '产品编号', 'CP{seq:6}', 'NEVER', 0, now(), now());

-- Function permissions: everyone reads and exports the catalogue; sales managers and
-- integrations (the ERP) keep it. crm-admin needs no rows.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('product'), ('product-category')) AS res(resource)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('product'), ('product-category')) AS res(resource)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT')) AS a(action);

-- Cost price: seen by sales managers, integrations and administrators only.
INSERT INTO role_field_permissions (role, resource, field, access)
SELECT r.role, 'product', 'cost', 'HIDDEN'
  FROM (VALUES ('sales-rep'), ('marketing'), ('service-manager'), ('service-agent'),
               ('analyst')) AS r(role);
