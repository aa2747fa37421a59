-- The risk schema holds, for now, only the kit's outbox and inbox (migrated by the kit). Its own tables come with
-- the authorization issue; this first version records that the schema is the service's.
comment on schema risk is 'Owned by risk-service. No other service writes here.';
