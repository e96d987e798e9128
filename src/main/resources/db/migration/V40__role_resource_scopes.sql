-- Data scope per role and resource: a role's scope for one resource, where it differs from the
-- role's scope for every other (role_scopes). The service desk reads every customer and contact,
-- as a call centre must, while its own records keep the department scope.
CREATE TABLE role_resource_scopes (
    role      varchar(64) NOT NULL,
    resource  varchar(64) NOT NULL,
    scope     varchar(32) NOT NULL,
    PRIMARY KEY (role, resource)
);
CREATE TRIGGER role_resource_scopes_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_resource_scopes
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('roles');

INSERT INTO role_resource_scopes (role, resource, scope) VALUES
    ('service-agent',   'customer', 'ALL'),
    ('service-agent',   'contact',  'ALL'),
    ('service-manager', 'customer', 'ALL'),
    ('service-manager', 'contact',  'ALL');
