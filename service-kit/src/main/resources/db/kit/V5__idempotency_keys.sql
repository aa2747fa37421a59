-- Idempotency keys of API requests (docs/idempotency.md). A row is committed as a claim before the request runs
-- (completed_at null: in progress), and completed with the response to replay, or deleted so that a retry can run.
create table idempotency_keys (
  caller                text        not null, -- the API client that sent the key: keys are scoped per caller
  idempotency_key       text        not null,
  request_method        text        not null, -- with request_path and body_sha256, the request's fingerprint
  request_path          text        not null, -- path and query string, as sent
  body_sha256           text        not null, -- hex; the body itself is never stored
  claim_id              uuid        not null, -- who holds the claim; changes when a stale claim is taken over
  created_at            timestamptz not null default now(),
  locked_at             timestamptz not null default now(),
  completed_at          timestamptz,
  response_status       int,
  response_content_type text,
  response_location     text,
  response_body         bytea,
  primary key (caller, idempotency_key),
  constraint idempotency_keys_completed_with_response check ((completed_at is null) = (response_status is null))
);
-- The janitor deletes keys by age; without this index each purge would scan the whole table.
create index idempotency_keys_created_at on idempotency_keys (created_at);
