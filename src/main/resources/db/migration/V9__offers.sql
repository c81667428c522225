-- Offers of expertise by organisations, and their timeline.
create table offer (
    id                     bigserial    primary key,
    reference              varchar(20)  unique,
    status                 varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'CHANGES_ASKED', 'PUBLISHED',
                               'PAUSED', 'EXHAUSTED', 'EXPIRED', 'WITHDRAWN', 'DECLINED')),
    organisation_id        bigint       not null references organisation (id),
    owner_id               bigint       not null references account (id),
    title                  varchar(200),
    description            varchar(5000),
    expertise_areas        text[]       not null default '{}',
    modalities             text[]       not null default '{}',
    working_languages      text[]       not null default '{}',
    reach                  varchar(12)  check (reach in ('ALL', 'REGIONS', 'PARTICIPANTS')),
    reach_regions          text[]       not null default '{}',
    reach_participants     text[]       not null default '{}',
    available_from         date,
    available_until        date,
    capacity               int          check (capacity between 1 and 100),
    capacity_used          int          not null default 0,
    funding                varchar(20)  check (funding in ('FULLY_FUNDED', 'PARTLY_FUNDED', 'NEEDS_FUNDING')),
    experts_count          int          check (experts_count between 1 and 100),
    experts_seniority      varchar(2000),
    experts_languages      text[]       not null default '{}',
    conflict_participants  text[]       not null default '{}',
    conflict_reason        varchar(2000),
    vetting_note           varchar(5000),
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    submitted_at           timestamptz,
    status_changed_at      timestamptz  not null,
    version                bigint       not null default 0,
    constraint offer_submitted_has_reference check (status = 'DRAFT' or reference is not null),
    constraint offer_window_in_order check (available_from is null or available_until is null or available_from <= available_until),
    constraint offer_capacity_not_exceeded check (capacity_used >= 0 and (capacity is null or capacity_used <= capacity))
);
create index offer_by_status on offer (status, status_changed_at);
create index offer_by_organisation on offer (organisation_id, status_changed_at desc);

create table offer_status_change (
    id          bigserial    primary key,
    offer_id    bigint       not null references offer (id) on delete cascade,
    occurred_at timestamptz  not null,
    actor       varchar(254) not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    reason      varchar(5000)
);
create index offer_status_change_by_offer on offer_status_change (offer_id, occurred_at);
