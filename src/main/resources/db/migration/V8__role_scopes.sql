-- Data scope (数据权限) per realm role: whose owned records (customers, contacts...) a principal
-- sees. A principal with several roles gets the widest. crm-admin sees everything.
CREATE TABLE role_scopes (
    role   varchar(64) PRIMARY KEY,
    scope  varchar(32) NOT NULL
);
INSERT INTO role_scopes (role, scope) VALUES
    ('sales-manager',   'SUBORDINATES'),
    ('sales-rep',       'SELF'),
    ('marketing',       'ALL'),
    ('service-manager', 'DEPARTMENT_TREE'),
    ('service-agent',   'DEPARTMENT'),
    ('analyst',         'ALL'),
    ('integration',     'ALL');
