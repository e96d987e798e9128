-- Custom fields (自定义字段) that administrators define per resource without a release. Values
-- stay in each record's custom_fields jsonb as canonical text; a definition validates them on
-- every write path and makes custom.<key> filterable and sortable through an expression index it
-- creates. Deleting a definition retires it: stored values stay readable, new values are refused.

CREATE TABLE custom_field_definitions (
    id                 uuid PRIMARY KEY,
    resource           varchar(64)    NOT NULL,
    field_key          varchar(40)    NOT NULL CONSTRAINT custom_field_definitions_key_check
                                      CHECK (field_key ~ '^[a-z][A-Za-z0-9_]{0,39}$'),
    type               varchar(16)    NOT NULL CONSTRAINT custom_field_definitions_type_check
                                      CHECK (type IN ('TEXT', 'LONG_TEXT', 'NUMBER', 'MONEY', 'DATE',
                                                      'DATETIME', 'BOOLEAN', 'SELECT',
                                                      'MULTI_SELECT', 'REFERENCE')),
    label_zh           varchar(100)   NOT NULL,
    label_en           varchar(100),
    description        text,
    required           boolean        NOT NULL DEFAULT false,
    is_unique          boolean        NOT NULL DEFAULT false,
    pattern            varchar(500),
    min_value          numeric(24, 6),
    max_value          numeric(24, 6),
    max_length         integer        CONSTRAINT custom_field_definitions_max_length_check
                                      CHECK (max_length BETWEEN 1 AND 10000),
    dictionary         varchar(64),
    reference_resource varchar(64),
    sort_order         integer        NOT NULL DEFAULT 0,
    version            bigint         NOT NULL,
    created_at         timestamptz    NOT NULL,
    created_by         uuid,
    updated_at         timestamptz    NOT NULL,
    updated_by         uuid,
    deleted_at         timestamptz,
    CONSTRAINT custom_field_definitions_range_check
        CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
    CONSTRAINT custom_field_definitions_dictionary_check
        CHECK ((dictionary IS NOT NULL) = (type IN ('SELECT', 'MULTI_SELECT'))),
    CONSTRAINT custom_field_definitions_reference_check
        CHECK ((reference_resource IS NOT NULL) = (type = 'REFERENCE'))
);
-- One definition per key and resource, retired ones included: a retired key keeps its meaning for
-- the values stored under it, so it cannot be reused with another type.
CREATE UNIQUE INDEX custom_field_definitions_key ON custom_field_definitions (resource, field_key);
CREATE INDEX custom_field_definitions_resource_idx
    ON custom_field_definitions (resource, sort_order, id);
CREATE INDEX custom_field_definitions_live_id_idx
    ON custom_field_definitions (id) WHERE deleted_at IS NULL;

-- Typed readings of the stored text for filters, sorts and their indexes. IMMUTABLE is honest:
-- each depends on its argument alone (datetimes are stored with an explicit offset, Z). A value
-- written before its field was defined and not of its type reads as NULL instead of failing. No
-- EXCEPTION blocks: those open subtransactions, which parallel index builds and scans refuse.
CREATE FUNCTION crm_cf_numeric(v text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v ~ '^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$' THEN v::numeric END
$$;

CREATE FUNCTION crm_cf_date(v text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    y int;
    m int;
    d int;
BEGIN
    IF v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RETURN NULL;
    END IF;
    y := substr(v, 1, 4)::int;
    m := substr(v, 6, 2)::int;
    d := substr(v, 9, 2)::int;
    IF y < 1 OR m < 1 OR m > 12 OR d < 1
       OR d > extract(day FROM make_date(y, m, 1) + interval '1 month' - interval '1 day') THEN
        RETURN NULL;
    END IF;
    RETURN make_date(y, m, d);
END $$;

CREATE FUNCTION crm_cf_instant(v text) RETURNS timestamptz
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF v IS NULL
       OR v !~ '^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$'
       OR crm_cf_date(substr(v, 1, 10)) IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN v::timestamptz;
END $$;

CREATE FUNCTION crm_cf_boolean(v text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE v WHEN 'true' THEN true WHEN 'false' THEN false END
$$;

-- Everyone reads the definitions (forms are built from them); administrators (crm-admin, who
-- needs no rows) keep them.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'custom-field', 'READ'
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role);
