-- What limits count, and the rows that serialize counting. See docs/limits.md.

-- One row per card and per cardholder. An evaluation locks its card's row, then its cardholder's (always in that
-- order), before it sums and reserves: check-and-reserve is serialized per card and per cardholder, whatever consumer,
-- thread or instance runs it.
create table limit_subjects (
  subject_id uuid        primary key,
  kind       text        not null check (kind in ('card', 'cardholder')),
  created_at timestamptz not null default now()
);

-- Every authorization limits evaluated, and any it learnt of only from its decision or capture. Reserved, committed
-- and captured rows count toward limits, at their amount (the captured amount once captured); declined and released
-- rows do not.
create table reservations (
  authorization_id uuid        primary key,
  card_id          uuid        not null,
  cardholder_id    uuid        not null,
  amount           bigint      not null check (amount >= 0), -- minor units of currency
  currency         char(3)     not null,
  mcc              text,       -- null when learnt from a decision or capture, which carry no merchant
  authorized_at    timestamptz not null, -- the request's occurredAt: windows are placed by it
  status           text        not null check (status in ('reserved', 'declined', 'committed', 'captured', 'released')),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);

-- The tallies read only counted rows of one card or one cardholder since the earliest window's start: these partial
-- indexes hold exactly those rows, with every column the sums filter on or add up, so that a tally reads a few index
-- entries (index-only where the visibility map allows).
create index reservations_counted_by_card on reservations (card_id, authorized_at)
  include (authorization_id, amount, currency, mcc)
  where status in ('reserved', 'committed', 'captured');
create index reservations_counted_by_cardholder on reservations (cardholder_id, authorized_at)
  include (authorization_id, card_id, amount, currency, mcc)
  where status in ('reserved', 'committed', 'captured');
