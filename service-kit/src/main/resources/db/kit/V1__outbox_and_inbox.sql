-- Tables every Kadi service keeps in its own schema. Versioned apart from the service's migrations
-- (history table kit_schema_history), so kit and services evolve their tables independently.

-- Records waiting to be published. A row is written in the transaction that changes the state it reports, and
-- deleted once Kafka has acknowledged it.
create table outbox (
  id           bigint generated always as identity primary key,
  topic        text        not null,
  record_key   text        not null,
  record_value bytea       not null, -- the record exactly as it goes to Kafka (Confluent wire format)
  event_type   text        not null,
  event_id     uuid        not null,
  created_at   timestamptz not null default now()
);

-- Messages already processed, per handler, committed in the same transaction as their effects.
create table inbox (
  handler      text        not null,
  message_id   text        not null,
  processed_at timestamptz not null default now(),
  primary key (handler, message_id)
);
