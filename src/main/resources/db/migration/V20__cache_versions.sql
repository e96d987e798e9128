-- Versions of the data that every pod caches in memory (platform/cache). A trigger bumps a version
-- in the same transaction as any change to its tables, so the bump commits with the change and is
-- seen by every pod's watcher; pods compare versions, never the data.
CREATE TABLE cache_versions (
    name    varchar(32) PRIMARY KEY,
    version bigint      NOT NULL DEFAULT 1
);
INSERT INTO cache_versions (name) VALUES ('roles'), ('org');

CREATE FUNCTION crm_bump_cache_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cache_versions SET version = version + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$;

-- Function permissions, data scopes and field permissions of the roles.
CREATE TRIGGER role_permissions_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('roles');
CREATE TRIGGER role_scopes_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_scopes
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('roles');
CREATE TRIGGER role_field_permissions_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_field_permissions
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('roles');

-- Who is who: employees (department, supervisor, status, the subject a token names) and the
-- department tree.
CREATE TRIGGER employees_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employees
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('org');
CREATE TRIGGER departments_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('org');
