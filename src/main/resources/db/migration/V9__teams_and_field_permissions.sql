-- Team members (团队成员): an owned record shared with employees beyond the owner's data scope,
-- read-only or read-write, optionally until a date (inclusive, China Standard Time).
CREATE TABLE record_team_members (
    resource     varchar(64) NOT NULL,
    record_id    uuid        NOT NULL,
    employee_id  uuid        NOT NULL REFERENCES employees (id),
    access       varchar(16) NOT NULL CHECK (access IN ('READ', 'READ_WRITE')),
    until        date,
    added_by     uuid,
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (resource, record_id, employee_id)
);
-- Data scope reads the caller's memberships once per request.
CREATE INDEX record_team_members_employee_idx ON record_team_members (employee_id, resource);

-- Field permissions: per role and resource, a field hidden or read-only. Absent = read-write.
-- crm-admin is never restricted and is not stored here.
CREATE TABLE role_field_permissions (
    role      varchar(64) NOT NULL,
    resource  varchar(64) NOT NULL,
    field     varchar(64) NOT NULL,
    access    varchar(16) NOT NULL CHECK (access IN ('HIDDEN', 'READ_ONLY')),
    PRIMARY KEY (role, resource, field)
);

-- Credit limit, credit rating and finance details: sales managers (and admins) only.
INSERT INTO role_field_permissions (role, resource, field, access)
SELECT r.role, 'customer', f.field, 'HIDDEN'
  FROM (VALUES ('sales-rep'), ('marketing'), ('service-manager'), ('service-agent'),
               ('analyst'), ('integration')) AS r(role)
 CROSS JOIN (VALUES ('creditLimit'), ('creditRating'), ('finance')) AS f(field);

-- Contacts' home phone and birthday are sensitive: seen with contact:view_sensitive, which the
-- people who work with contacts have.
INSERT INTO role_permissions (role, resource, action)
SELECT r.role, 'contact', 'VIEW_SENSITIVE'
  FROM (VALUES ('sales-manager'), ('sales-rep'), ('service-manager')) AS r(role);
