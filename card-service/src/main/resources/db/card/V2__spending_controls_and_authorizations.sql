-- Spending controls, and authorizations with the holds they place on a card's balance.

create table spending_controls (
  subject_type text        not null check (subject_type in ('card', 'cardholder')),
  subject_id   uuid        not null,
  mode         text        not null check (mode in ('sandbox', 'live')),
  controls     jsonb       not null, -- SpendingControls as card-service validated them
  updated_by   text        not null,
  updated_at   timestamptz not null,
  primary key (subject_type, subject_id)
);

-- funded = available + held + captured, per card: a hold is this table's held column, a capture its captured column.
create table authorizations (
  id                uuid primary key,
  card_id           uuid        not null references cards (id),
  cardholder_id     uuid        not null references cardholders (id),
  mode              text        not null check (mode in ('sandbox', 'live')),
  amount            bigint      not null check (amount > 0),
  currency          char(3)     not null,
  merchant_name     text        not null,
  merchant_mcc      char(4)     not null,
  merchant_country  char(2)     not null,
  merchant_city     text,
  channel           text        not null check (channel in ('ecommerce', 'pos', 'atm')),
  status            text        not null check (status in ('pending', 'approved', 'declined', 'captured', 'reversed')),
  decline_reason    text,
  stand_in          boolean     not null default false,
  held              bigint      not null check (held >= 0), -- what this authorization holds on the card now
  captured          bigint      not null default 0 check (captured >= 0),
  limits_approved   boolean,    -- limits-service's answer, once in
  limits_violations text[],
  risk_score        smallint check (risk_score between 0 and 100), -- risk-service's answer, once in
  risk_action       text check (risk_action in ('allow', 'review', 'block')),
  request_id        text        not null,
  created_by        text        not null,
  created_at        timestamptz not null,
  decided_at        timestamptz,
  updated_at        timestamptz not null,
  check ((status = 'declined') = (decline_reason is not null)),
  check ((status = 'pending') = (decided_at is null)),
  check (held <= amount and captured <= amount)
);
create index authorizations_by_card on authorizations (card_id, id);
create index authorizations_pending on authorizations (created_at) where status = 'pending';
