-- Requests for technical assistance, their timeline and their message thread.

-- Reference numbers without gaps: one counter per kind (TA, OF) and year, taken in the
-- transaction that submits, so a rolled-back submission gives its number back.
create table reference_counter (
    kind       varchar(4) not null,
    year       int        not null,
    last_value int        not null,
    primary key (kind, year)
);

create table assistance_request (
    id                        bigserial    primary key,
    reference                 varchar(20)  unique,
    status                    varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO',
                                  'OPEN_FOR_MATCHING', 'MATCHED', 'IN_DELIVERY', 'DELIVERED', 'EVALUATED', 'CLOSED',
                                  'REJECTED', 'WITHDRAWN', 'ON_HOLD')),
    held_from                 varchar(20),
    owner_id                  bigint       not null references account (id),
    requesting_participant    varchar(2)   references participant (code),
    beneficiary_countries     text[]       not null default '{}',
    focal_name                varchar(120),
    focal_position            varchar(120),
    focal_email               varchar(254),
    focal_phone               varchar(40),
    title                     varchar(200),
    problem_statement         varchar(5000),
    objectives                varchar(5000),
    expected_outcomes         varchar(5000),
    already_underway          varchar(5000),
    evidence_report_year      int,
    evidence_review_visit     varchar(2000),
    evidence_wd_indicator     varchar(2000),
    expertise_areas           text[]       not null default '{}',
    primary_area              varchar(40)  references expertise_area (code),
    modalities                text[]       not null default '{}',
    working_languages         text[]       not null default '{}',
    interpretation_needs      varchar(1000),
    earliest_start            date,
    latest_end                date,
    urgency                   varchar(10)  check (urgency in ('ROUTINE', 'SOON', 'URGENT')),
    beneficiaries_count       int          check (beneficiaries_count between 1 and 100000),
    beneficiaries_profile     varchar(2000),
    funding                   varchar(20)  check (funding in ('CAN_CO_FUND', 'NEEDS_FULL_FUNDING', 'IN_KIND')),
    step_reached              int          not null default 1,
    chosen_offer_id           bigint,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    submitted_at              timestamptz,
    status_changed_at         timestamptz  not null,
    version                   bigint       not null default 0,
    constraint submitted_has_reference check (status = 'DRAFT' or reference is not null),
    constraint window_in_order check (earliest_start is null or latest_end is null or earliest_start <= latest_end)
);
create index assistance_request_by_participant on assistance_request (requesting_participant, status_changed_at desc);
create index assistance_request_by_status on assistance_request (status, status_changed_at);
create index assistance_request_by_owner on assistance_request (owner_id) where status = 'DRAFT';

-- Every status change of a request: its timeline.
create table request_status_change (
    id          bigserial    primary key,
    request_id  bigint       not null references assistance_request (id) on delete cascade,
    occurred_at timestamptz  not null,
    actor       varchar(254) not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    reason      varchar(5000)
);
create index request_status_change_by_request on request_status_change (request_id, occurred_at);
