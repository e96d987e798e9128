-- Webhook subscriptions keep their owner as import jobs do (platform/security/StoredCaller): with
-- the name and e-mail the token carried, so that deliveries run as the same caller either way.
ALTER TABLE webhook_subscriptions ADD COLUMN owner_name varchar(255);
ALTER TABLE webhook_subscriptions ADD COLUMN owner_email varchar(255);
