-- Dictionary entries are cached in every pod (platform/dictionary): their version moves with any
-- change, in the same transaction, like the roles' and the organisation's (V20).
INSERT INTO cache_versions (name) VALUES ('dictionary');
CREATE TRIGGER dictionary_items_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dictionary_items
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('dictionary');
