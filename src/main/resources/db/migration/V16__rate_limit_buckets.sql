-- The token buckets of the rate limits (README: Rate limits), in the layout Bucket4j's PostgreSQL
-- proxy manager reads and writes, so that every instance of the portal counts against the same buckets.
-- id: the limit's name and the SHA-256 of what is counted (an address, an IP, an account), never the
-- address itself; state: Bucket4j's serialised bucket; expires_at: when the bucket is full again
-- (milliseconds since 1970), after which the hourly clean-up removes the row.
create table rate_limit_bucket (
    id         varchar(100) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
