-- A resource that exists only in the test sources (dev.headlesscrm.testresource): proof that a
-- new resource is a migration, an entity and one declaration. Created in every test database;
-- its routes are served only under WidgetProfile, whose test grants the roles their permissions
-- (grants on a resource the default build does not know would stop its roles API). Repeatable, so it never holds back the
-- versioned migrations of a database kept between runs.
CREATE TABLE IF NOT EXISTS widgets (
    id                  uuid PRIMARY KEY,
    code                varchar(40)   NOT NULL,
    name                varchar(100)  NOT NULL,
    quantity            integer       NOT NULL DEFAULT 0,
    price               numeric(18,2),
    status              varchar(16)   NOT NULL,
    custom_fields       jsonb         NOT NULL DEFAULT '{}',
    external_id         varchar(100),
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS widgets_external_id ON widgets (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS widgets_code ON widgets (code) WHERE deleted_at IS NULL;
