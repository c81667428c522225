-- Accounts of the people who use the portal. Requesters belong to a participant, providers to an
-- organisation; coordinators and admins to the coordinating organisation.
create table account (
    id               bigserial    primary key,
    email            varchar(254) not null,
    password_hash    varchar(255) not null,
    full_name        varchar(120) not null,
    role             varchar(12)  not null check (role in ('REQUESTER', 'PROVIDER', 'COORDINATOR', 'ADMIN')),
    status           varchar(12)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    email_verified_at timestamptz,
    participant_code varchar(2)   references participant (code),
    position         varchar(120),
    authority        varchar(200),
    organisation_id  bigint       references organisation (id),
    language         varchar(5)   not null default 'en',
    failed_sign_ins  int          not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz  not null,
    decided_at       timestamptz,
    decided_by       varchar(254),
    decision_reason  varchar(1000),
    version          bigint       not null default 0,
    constraint account_email_lower check (email = lower(email)),
    constraint requester_has_participant check (role <> 'REQUESTER' or participant_code is not null),
    constraint provider_has_organisation check (role <> 'PROVIDER' or organisation_id is not null)
);
create unique index account_email_key on account (email);
create index account_by_status on account (status, created_at);

-- Links sent to verify an email address. Only a hash of the token is kept.
create table email_verification (
    token_hash  varchar(64)  primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
