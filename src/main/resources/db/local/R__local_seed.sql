-- Local runs and tests only (db/local is on Flyway's path in %dev and %test, never in prod):
-- the departments of the local Keycloak realm's users and those users as employees, linked by
-- their fixed Keycloak subject ids (scripts/keycloak/local-users.json). newcomer.zhou is left
-- out on purpose: the service creates him on first sight.

INSERT INTO departments (id, code, name, kind, parent_id, sort_order, version, created_at, updated_at)
VALUES
    ('0193a000-0000-7000-8000-0000000000d1', 'HQ',    '总部',       'HEADQUARTERS', NULL,                                   0, 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000d2', 'SALES-EAST',  '华东销售部', 'BRANCH', '0193a000-0000-7000-8000-0000000000d1', 1, 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000d3', 'SALES-NORTH', '华北销售部', 'BRANCH', '0193a000-0000-7000-8000-0000000000d1', 2, 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000d4', 'MARKETING',   '市场部',     'OFFICE', '0193a000-0000-7000-8000-0000000000d1', 3, 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000d5', 'SERVICE',     '客户服务部', 'OFFICE', '0193a000-0000-7000-8000-0000000000d1', 4, 1, now(), now())
ON CONFLICT (id) DO NOTHING;

INSERT INTO employees (id, employee_number, name, email, department_id, supervisor_id, status, subject, username, version, created_at, updated_at)
VALUES
    ('0193a000-0000-7000-8000-0000000000e1', 'E000001', '李明', 'admin.li@crm.local',       '0193a000-0000-7000-8000-0000000000d1', NULL, 'ACTIVE', '0193a000-0000-7000-8000-000000000001', 'admin.li',       1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e2', 'E000002', '王芳', 'manager.wang@crm.local',   '0193a000-0000-7000-8000-0000000000d2', NULL, 'ACTIVE', '0193a000-0000-7000-8000-000000000002', 'manager.wang',   1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e3', 'E000003', '张伟', 'rep.zhang@crm.local',      '0193a000-0000-7000-8000-0000000000d2', '0193a000-0000-7000-8000-0000000000e2', 'ACTIVE', '0193a000-0000-7000-8000-000000000003', 'rep.zhang', 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e4', 'E000004', '陈静', 'rep.chen@crm.local',       '0193a000-0000-7000-8000-0000000000d3', '0193a000-0000-7000-8000-0000000000e2', 'ACTIVE', '0193a000-0000-7000-8000-000000000004', 'rep.chen',  1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e5', 'E000005', '刘洋', 'analyst.liu@crm.local',    '0193a000-0000-7000-8000-0000000000d1', NULL, 'ACTIVE', '0193a000-0000-7000-8000-000000000005', 'analyst.liu',    1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e6', 'E000006', '赵磊', 'marketing.zhao@crm.local', '0193a000-0000-7000-8000-0000000000d4', NULL, 'ACTIVE', '0193a000-0000-7000-8000-000000000006', 'marketing.zhao', 1, now(), now()),
    ('0193a000-0000-7000-8000-0000000000e7', 'E000007', '孙丽', 'agent.sun@crm.local',      '0193a000-0000-7000-8000-0000000000d5', NULL, 'ACTIVE', '0193a000-0000-7000-8000-000000000007', 'agent.sun',      1, now(), now())
ON CONFLICT (id) DO NOTHING;

UPDATE departments SET manager_id = '0193a000-0000-7000-8000-0000000000e2'
 WHERE id = '0193a000-0000-7000-8000-0000000000d2' AND manager_id IS NULL;

SELECT setval('employee_number_seq', greatest(7, (SELECT last_value FROM employee_number_seq)));
