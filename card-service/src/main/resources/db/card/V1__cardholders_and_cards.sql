-- card-service's schema: cardholders, cards (with the encrypted PAN) and fundings. Every row belongs to one mode;
-- queries always filter on it, so sandbox and live objects never meet.

create table cardholders (
  id            uuid primary key,
  mode          text        not null check (mode in ('sandbox', 'live')),
  name          text        not null,
  email         text        not null,
  phone_number  text        not null,
  country       char(2)     not null,
  timezone      text        not null,
  kyc_status    text        not null check (kyc_status in ('pending', 'verified', 'rejected')),
  kyc_tier      smallint    check (kyc_tier between 1 and 3),
  kyc_reference text,
  created_by    text        not null,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  check ((kyc_status = 'verified') = (kyc_tier is not null))
);

create table cards (
  id              uuid primary key,
  cardholder_id   uuid        not null references cardholders (id),
  mode            text        not null check (mode in ('sandbox', 'live')),
  type            text        not null check (type in ('virtual', 'physical')),
  currency        char(3)     not null,
  status          text        not null check (status in ('active', 'frozen', 'terminated')),
  bin             text        not null,
  last4           char(4)     not null,
  exp_month       smallint    not null check (exp_month between 1 and 12),
  exp_year        smallint    not null,
  pan_ciphertext  bytea       not null, -- AES-256-GCM: 12-byte nonce || ciphertext || tag; the card id is the AAD
  pan_key_version int         not null,
  pan_fingerprint bytea       not null unique, -- HMAC-SHA256 of the PAN: uniqueness without decryption
  available       bigint      not null check (available >= 0),
  held            bigint      not null check (held >= 0),
  created_by      text        not null,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);
create index cards_by_cardholder on cards (cardholder_id);

create table fundings (
  id         uuid primary key,
  card_id    uuid        not null references cards (id),
  reference  text        not null,
  amount     bigint      not null check (amount > 0),
  currency   char(3)     not null,
  created_by text        not null,
  created_at timestamptz not null,
  unique (card_id, reference)
);
