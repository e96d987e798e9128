-- Records shared with an employee (team members) are read on every list and every read of a record
-- outside the reader's scope: each pod holds them per employee, and this version moves with any
-- change of a team, in the same transaction, like the roles' (V20).
INSERT INTO cache_versions (name) VALUES ('shares');
CREATE TRIGGER record_team_members_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON record_team_members
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('shares');
