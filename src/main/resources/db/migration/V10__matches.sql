-- Matches between requests and offers, with the score and its explanation as they were proposed.

-- An approved match sets one engagement of its offer aside until the requester confirms.
alter table offer add column capacity_held int not null default 0;
alter table offer drop constraint offer_capacity_not_exceeded;
alter table offer add constraint offer_capacity_not_exceeded check (capacity_used >= 0 and capacity_held >= 0
    and (capacity is null or capacity_used + capacity_held <= capacity));

create table request_match (
    id                     bigserial    primary key,
    request_id             bigint       not null references assistance_request (id),
    request_reference      varchar(20)  not null,
    requesting_participant varchar(2)   not null,
    offer_id               bigint       not null references offer (id),
    offer_reference        varchar(20)  not null,
    organisation_id        bigint       not null references organisation (id),
    status                 varchar(20)  not null check (status in ('PROPOSED', 'APPROVED', 'ACCEPTED', 'CONFIRMED',
                               'IN_DELIVERY', 'COMPLETED', 'REJECTED', 'DECLINED', 'CANCELLED')),
    origin                 varchar(20)  not null check (origin in ('SUGGESTION', 'PLAN', 'REQUESTER_CHOICE', 'COORDINATOR')),
    score                  int          not null check (score between 0 and 100),
    excluded_because       text[]       not null default '{}',
    override_reason        varchar(2000),
    capacity               varchar(10)  not null default 'NONE' check (capacity in ('NONE', 'HELD', 'USED')),
    proposed_by            varchar(254) not null,
    proposed_at            timestamptz  not null,
    approved_at            timestamptz,
    accepted_at            timestamptz,
    status_changed_at      timestamptz  not null,
    version                bigint       not null default 0
);
-- A request has at most one match in progress at a time.
create unique index request_match_one_in_progress on request_match (request_id)
    where status in ('PROPOSED', 'APPROVED', 'ACCEPTED', 'CONFIRMED', 'IN_DELIVERY');
create index request_match_by_status on request_match (status, status_changed_at);
create index request_match_by_offer on request_match (offer_id);
create index request_match_by_organisation on request_match (organisation_id, status_changed_at desc);
create index request_match_by_participant on request_match (requesting_participant, status_changed_at desc);

-- The parts of the score, each with its explanation as a message key and arguments.
create table request_match_part (
    match_id    bigint       not null references request_match (id) on delete cascade,
    position    int          not null,
    part        varchar(20)  not null,
    points      int          not null,
    max_points  int          not null,
    message_key varchar(100) not null,
    arguments   text[]       not null default '{}',
    primary key (match_id, position)
);

create table request_match_status_change (
    id          bigserial    primary key,
    match_id    bigint       not null references request_match (id) on delete cascade,
    occurred_at timestamptz  not null,
    actor       varchar(254) not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    reason      varchar(5000)
);
create index request_match_status_change_by_match on request_match_status_change (match_id, occurred_at);
