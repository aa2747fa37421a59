-- Nonces of signed requests this service accepted, kept while their timestamp is still inside the allowed skew:
-- a second request with the same key and nonce is a replay, on whichever instance it arrives.
create table api_nonces (
  key_id     text        not null,
  nonce      text        not null,
  expires_at timestamptz not null,
  primary key (key_id, nonce)
);

create index api_nonces_expiry on api_nonces (expires_at);
