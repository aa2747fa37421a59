-- The cards' authorization history: one row per authorization card-service asked about, whatever became of it. The
-- risk features (docs/risk.md) are read from it, so it is on the hot path: two indexes serve the one aggregate query
-- each authorization runs, and nothing else is read per authorization.
create table authorization_history (
  authorization_id  uuid        primary key,
  card_id           uuid        not null,
  cardholder_id     uuid        not null,
  amount            bigint      not null check (amount > 0), -- asked for, in minor units of currency
  currency          text        not null,
  small             boolean     not null,  -- under the small-amount limit of its currency when recorded (card testing)
  mcc               text        not null,
  merchant_country  text        not null,
  channel           text        not null check (channel in ('ecommerce', 'pos', 'atm')),
  occurred_at       timestamptz not null,  -- the request's metadata.occurredAt: the features' "now"
  status            text        not null check (status in ('pending', 'approved', 'declined', 'captured', 'reversed')),
  decline_reason    text,                  -- declinedAtRequest, or the decision's declineReason
  captured_amount   bigint,                -- set on capture: what the card spent, which the 30-day average uses
  recorded_at       timestamptz not null default now()
);

-- Every window of the aggregate query: a card's rows of the last 30 days, by time.
create index authorization_history_card_time on authorization_history (card_id, occurred_at);

-- Whether a card was ever used in a country: one index probe, however long the card's history.
create index authorization_history_card_country on authorization_history (card_id, merchant_country);

-- The janitor deletes rows older than kadi.risk.history-retention, oldest first.
create index authorization_history_occurred_at on authorization_history (occurred_at);
