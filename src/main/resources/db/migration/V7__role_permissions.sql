-- Function permissions (部门权限): what each realm role may do to each resource. crm-admin may do
-- everything and is not stored here. Administrators edit the rows through /api/v1/roles.
CREATE TABLE role_permissions (
    role      varchar(64) NOT NULL,
    resource  varchar(64) NOT NULL,
    action    varchar(32) NOT NULL,
    PRIMARY KEY (role, resource, action)
);

-- Every role reads and exports everything it can see (data scope narrows what it sees).
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, res.resource, a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('service-manager'),
               ('service-agent'), ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('customer'), ('contact'), ('department'), ('employee'), ('dictionary'),
                    ('setting')) AS res(resource)
 CROSS JOIN (VALUES ('READ'), ('EXPORT')) AS a(action);

-- Sales, marketing and integrations keep customers; service staff keep contacts too.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'customer', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('MERGE'), ('IMPORT'),
                    ('TRANSFER')) AS a(action);
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'contact', a.action
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('marketing'), ('integration'),
               ('service-manager'), ('service-agent')) AS r(role)
 CROSS JOIN (VALUES ('CREATE'), ('UPDATE'), ('DELETE'), ('RESTORE'), ('IMPORT')) AS a(action);
