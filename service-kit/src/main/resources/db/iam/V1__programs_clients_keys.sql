-- The iam schema: card programs, their API clients, and the clients' keys. card-service owns it and is the only
-- writer; every service reads it to verify requests. (Its migrations ship in service-kit so that every service's
-- tests can create it; only card-service runs them in a deployment.)

-- A card program: one platform team's cardholders and cards. A client sees only its own program's objects.
create table programs (
  id         uuid        primary key,
  name       text        not null,
  created_at timestamptz not null
);

create table api_clients (
  id          uuid        primary key,
  program_id  uuid        not null references programs (id),
  name        text        not null,
  mode        text        not null check (mode in ('sandbox', 'live')),
  roles       text[]      not null,            -- as asked for, for people to read
  scopes      text[]      not null,            -- what the client may do: its roles' scopes and any given alone
  allowed_ips cidr[]      not null default '{}', -- empty: any address
  created_by  text        not null,            -- the client that created it (or 'bootstrap')
  created_at  timestamptz not null,
  revoked_at  timestamptz
);

create index api_clients_program on api_clients (program_id);

-- A client's keys. Rotation adds a key and gives the previous one an expiry; revocation ends them all at once.
create table api_keys (
  id                 text        primary key,  -- ksk_test_... / ksk_live_...: not secret
  client_id          uuid        not null references api_clients (id),
  secret_key_version int         not null,     -- the version of kadi.api.security.secrets.keys it is encrypted under
  secret_ciphertext  bytea       not null,     -- AES-256-GCM nonce and ciphertext; the key id is the associated data
  created_at         timestamptz not null,
  expires_at         timestamptz,
  revoked_at         timestamptz,
  last_used_at       timestamptz
);

create index api_keys_client on api_keys (client_id);
