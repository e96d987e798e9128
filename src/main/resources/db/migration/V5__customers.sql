-- Customers and contacts (客户管理), with the configurable dictionaries they use.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Values users configure (industry, level, type, status, source, credit rating...): one table,
-- one kind per list. Codes are what records store and clients filter by.
CREATE TABLE dictionary_items (
    kind        varchar(32)  NOT NULL,
    code        varchar(64)  NOT NULL,
    name_zh     varchar(100) NOT NULL,
    name_en     varchar(100) NOT NULL,
    sort_order  integer      NOT NULL DEFAULT 0,
    active      boolean      NOT NULL DEFAULT true,
    PRIMARY KEY (kind, code)
);

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('industry', 'IT',            '信息技术', 'Information technology', 1),
    ('industry', 'FINANCE',       '金融',     'Finance', 2),
    ('industry', 'MANUFACTURING', '制造业',   'Manufacturing', 3),
    ('industry', 'RETAIL',        '零售',     'Retail', 4),
    ('industry', 'HEALTHCARE',    '医疗',     'Healthcare', 5),
    ('industry', 'EDUCATION',     '教育',     'Education', 6),
    ('industry', 'GOVERNMENT',    '政府',     'Government', 7),
    ('industry', 'OTHER',         '其他',     'Other', 99),
    ('customer-level', 'A', 'A 级（重点）', 'A (key account)', 1),
    ('customer-level', 'B', 'B 级',         'B', 2),
    ('customer-level', 'C', 'C 级',         'C', 3),
    ('customer-level', 'D', 'D 级',         'D', 4),
    ('customer-type', 'ENTERPRISE', '企业客户', 'Enterprise', 1),
    ('customer-type', 'SMB',        '中小企业', 'Small business', 2),
    ('customer-type', 'GOVERNMENT', '政府机构', 'Government', 3),
    ('customer-type', 'INDIVIDUAL', '个人客户', 'Individual', 4),
    ('customer-type', 'PARTNER',    '合作伙伴', 'Partner', 5),
    ('customer-status', 'POTENTIAL', '潜在客户', 'Potential', 1),
    ('customer-status', 'ACTIVE',    '正式客户', 'Active', 2),
    ('customer-status', 'WON',       '成交客户', 'Won', 3),
    ('customer-status', 'DORMANT',   '休眠客户', 'Dormant', 4),
    ('customer-status', 'LOST',      '流失客户', 'Lost', 5),
    ('customer-source', 'WEB',        '网站',     'Website', 1),
    ('customer-source', 'REFERRAL',   '转介绍',   'Referral', 2),
    ('customer-source', 'CAMPAIGN',   '市场活动', 'Campaign', 3),
    ('customer-source', 'EXHIBITION', '展会',     'Exhibition', 4),
    ('customer-source', 'COLD_CALL',  '电话开发', 'Cold call', 5),
    ('customer-source', 'PARTNER',    '合作伙伴', 'Partner', 6),
    ('credit-rating', 'AAA', 'AAA', 'AAA', 1),
    ('credit-rating', 'AA',  'AA',  'AA', 2),
    ('credit-rating', 'A',   'A',   'A', 3),
    ('credit-rating', 'B',   'B',   'B', 4),
    ('credit-rating', 'C',   'C',   'C', 5);

CREATE TABLE customers (
    id                  uuid PRIMARY KEY,
    number              varchar(32)   NOT NULL,
    mnemonic            varchar(32),
    name                varchar(200)  NOT NULL,
    office_address      varchar(300),
    main_phone          varchar(40),
    postal_code         varchar(16),
    email               varchar(254),
    city                varchar(100),
    industry            varchar(64),
    level               varchar(64),
    type                varchar(64),
    status              varchar(64),
    source              varchar(64),
    credit_rating       varchar(64),
    credit_limit        numeric(18, 2) CHECK (credit_limit >= 0),
    currency            varchar(3)    NOT NULL DEFAULT 'CNY',
    parent_id           uuid REFERENCES customers (id),
    bank_name           varchar(200),
    bank_account        varchar(64),
    tax_id              varchar(64),
    homepage            varchar(300),
    notes               text,
    registered_at       date,
    lifecycle_stage     varchar(16)   NOT NULL,
    tags                text[]        NOT NULL DEFAULT '{}',
    custom_fields       jsonb         NOT NULL DEFAULT '{}',
    external_id         varchar(100),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    merged_into_id      uuid REFERENCES customers (id),
    search_text         text          NOT NULL DEFAULT '',
    search_tokens       text[]        NOT NULL DEFAULT '{}',
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX customers_number_key ON customers (number);
CREATE UNIQUE INDEX customers_external_id_key ON customers (external_id);
CREATE INDEX customers_parent_idx ON customers (parent_id);
CREATE INDEX customers_owner_idx ON customers (owner_id);
CREATE INDEX customers_owner_department_idx ON customers (owner_department_id);
CREATE INDEX customers_merged_into_idx ON customers (merged_into_id);
-- Sort and filter paths lists use (live rows only; id is the keyset tie-breaker).
CREATE INDEX customers_live_id_idx ON customers (id) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_idx ON customers (name, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_created_at_idx ON customers (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_updated_at_idx ON customers (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_credit_limit_idx ON customers (credit_limit, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_level_idx ON customers (level, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_city_idx ON customers (city, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_industry_idx ON customers (industry) WHERE deleted_at IS NULL;
CREATE INDEX customers_status_idx ON customers (status) WHERE deleted_at IS NULL;
CREATE INDEX customers_lifecycle_idx ON customers (lifecycle_stage) WHERE deleted_at IS NULL;
CREATE INDEX customers_tags_idx ON customers USING gin (tags);
CREATE INDEX customers_custom_fields_idx ON customers USING gin (custom_fields jsonb_path_ops);
-- Free text: trigrams serve queries of 3+ characters, tokens (CJK unigrams and bigrams, short
-- prefixes) serve 1-2 character queries that trigrams cannot.
CREATE INDEX customers_search_text_idx ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_search_tokens_idx ON customers USING gin (search_tokens);
-- Duplicate detection: similar names, the same phone digits, the same email.
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX customers_phone_digits_idx ON customers
    (regexp_replace(coalesce(main_phone, ''), '[^0-9]', '', 'g')) WHERE deleted_at IS NULL;
CREATE INDEX customers_email_lower_idx ON customers (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX customers_mnemonic_idx ON customers (mnemonic) WHERE deleted_at IS NULL;

CREATE TABLE contacts (
    id                  uuid PRIMARY KEY,
    customer_id         uuid          NOT NULL REFERENCES customers (id),
    name                varchar(100)  NOT NULL,
    gender              varchar(16),
    birthday            date,
    department          varchar(100),
    title               varchar(100),
    reports_to_id       uuid REFERENCES contacts (id),
    office_phone        varchar(40),
    mobile              varchar(40),
    home_phone          varchar(40),
    email               varchar(254),
    hobbies             varchar(500),
    notes               text,
    key_decision_maker  boolean       NOT NULL DEFAULT false,
    custom_fields       jsonb         NOT NULL DEFAULT '{}',
    external_id         varchar(100),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    anonymised          boolean       NOT NULL DEFAULT false,
    search_text         text          NOT NULL DEFAULT '',
    search_tokens       text[]        NOT NULL DEFAULT '{}',
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX contacts_external_id_key ON contacts (external_id);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);
CREATE INDEX contacts_reports_to_idx ON contacts (reports_to_id);
CREATE INDEX contacts_owner_idx ON contacts (owner_id);
CREATE INDEX contacts_owner_department_idx ON contacts (owner_department_id);
CREATE INDEX contacts_live_id_idx ON contacts (id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_name_idx ON contacts (name, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_created_at_idx ON contacts (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_birthday_idx ON contacts (birthday) WHERE deleted_at IS NULL;
CREATE INDEX contacts_custom_fields_idx ON contacts USING gin (custom_fields jsonb_path_ops);
CREATE INDEX contacts_search_text_idx ON contacts USING gin (search_text gin_trgm_ops);
CREATE INDEX contacts_search_tokens_idx ON contacts USING gin (search_tokens);
