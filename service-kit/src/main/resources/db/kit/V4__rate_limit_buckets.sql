-- API rate limits (io.kadi.kit.ratelimit): one Bucket4j token bucket per client, class of request and limit, shared by
-- every instance of the service. Each request locks its bucket's row (select ... for update), updates it and commits.
create table rate_limit_buckets (
  id         text   primary key, -- "<client id>:<class>:<capacity>/<period>", e.g. "acme:write:100/1s"
  state      bytea,              -- the bucket as Bucket4j serializes it; null only between Bucket4j's insert of the row and its first update
  -- Epoch milliseconds after which the bucket may be deleted: when it would be full again, plus the retention. The
  -- default only covers a row Bucket4j inserted empty and never updated (the request died in between).
  expires_at bigint not null default ((extract(epoch from clock_timestamp()) * 1000)::bigint + 60000)
);
-- No index on expires_at, on purpose: every request updates it, and an index would stop those updates being HOT (each
-- would write an index entry too). The table holds a few rows per client, so the hourly purge's scan costs nothing.
