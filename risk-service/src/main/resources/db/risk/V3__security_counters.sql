-- The security alerts' counters (docs/risk.md#security-alerts): how many requests of a subject (an API client, or a
-- source address for requests that named no known key) counted toward an alert in one fixed window. Every instance
-- increments the same row with insert ... on conflict do update ... returning count, so exactly one request sees the
-- count reach the threshold, and the alert fires once per window.
create table security_counters (
  alert_type    text        not null,  -- the counted alert: repeated_bad_signatures, rate_limit_storm, ...
  subject_type  text        not null check (subject_type in ('api_client', 'source_ip')),
  subject_id    text        not null,
  window_start  timestamptz not null,  -- the requests' occurredAt truncated to the window's length, from the epoch
  window_end    timestamptz not null,  -- start + length: a changed window length starts counters of its own
  count         bigint      not null check (count > 0),
  primary key (alert_type, subject_type, subject_id, window_start, window_end),
  check (window_end > window_start)
);

-- The janitor deletes counters whose window ended more than kadi.risk.security-alerts.counter-retention ago.
create index security_counters_window_end on security_counters (window_end);
