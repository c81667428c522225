-- Links sent to set a password: a reset the person asked for (valid one hour) or an admin's
-- invitation to a new staff account (72 hours). Only a hash of the token is kept; a link works
-- once, and setting a password uses every other link of the account.
create table password_token (
    token_hash  varchar(64)  primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    purpose     varchar(10)  not null check (purpose in ('RESET', 'INVITATION')),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index password_token_of_account on password_token (account_id) where used_at is null;
