-- Which resources have had the default grants of their declaration applied. A resource gets them
-- once, the first time a service that declares it starts on this database (DefaultGrants); what
-- administrators change afterwards through /api/v1/roles is never undone by a restart.
CREATE TABLE permission_defaults (
    resource   varchar(64) PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- The resources before this one got their defaults from their own migrations.
INSERT INTO permission_defaults (resource)
SELECT DISTINCT resource FROM role_permissions;
