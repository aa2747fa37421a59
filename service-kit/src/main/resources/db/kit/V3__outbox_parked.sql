-- Records Kafka refused for good (too large, an invalid topic): moved out of the outbox so that they stop blocking the
-- records behind them. An operator decides what becomes of each (docs/operations.md). kadi.outbox.parked counts them.
create table outbox_parked (
  id           bigint      primary key, -- its id in the outbox
  topic        text        not null,
  record_key   text        not null,
  record_value bytea       not null,
  event_type   text        not null,
  event_id     uuid        not null,
  created_at   timestamptz not null,
  parked_at    timestamptz not null default now(),
  reason       text        not null
);
