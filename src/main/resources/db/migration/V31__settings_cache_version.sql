-- System parameters are read by the code that obeys them on every write (decimal places,
-- lifecycle thresholds...): each pod holds them, and this version moves with any change, in the
-- same transaction, like the dictionaries' (V23).
INSERT INTO cache_versions (name) VALUES ('settings');
CREATE TRIGGER system_settings_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON system_settings
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('settings');
