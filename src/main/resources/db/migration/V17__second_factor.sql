-- The second factor of an account: an authenticator app (TOTP, RFC 6238) and its recovery codes.
-- The secret is stored encrypted (AES-GCM, key outside the database). last_used_step is the last
-- 30-second time step whose code was accepted: a code is never accepted twice.
create table authenticator_app (
    account_id     bigint primary key references account (id),
    secret_cipher  varchar(512) not null,
    enrolled_at    timestamp with time zone not null,
    last_used_step bigint not null,
    last_used_at   timestamp with time zone not null,
    version        bigint not null
);

-- Ten single-use codes per account, for when the app is lost: stored as SHA-256 hashes, shown once.
create table recovery_code (
    id         bigserial primary key,
    account_id bigint not null references authenticator_app (account_id) on delete cascade,
    code_hash  varchar(64) not null,
    used_at    timestamp with time zone
);

create index recovery_code_account on recovery_code (account_id);
