-- The text encoding of an imported CSV: UTF-8, or GB18030 (which covers GBK and GB2312), the
-- encoding Excel writes "CSV (逗号分隔)" in on Chinese Windows.
ALTER TABLE import_jobs ADD COLUMN encoding varchar(16) NOT NULL DEFAULT 'UTF-8';
