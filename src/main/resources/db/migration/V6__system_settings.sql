-- System parameters (系统参数): typed settings administrators change through the API. A key
-- without a row has its default, declared in code (platform/settings/Setting).
CREATE TABLE system_settings (
    key         varchar(64) PRIMARY KEY,
    value       jsonb       NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid
);
