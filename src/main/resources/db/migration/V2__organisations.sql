-- Organisations that offer expertise. PROPOSED ones were named by a person registering and wait
-- for a coordinator; MERGED ones were folded into another organisation by an admin.
create table organisation (
    id               bigserial    primary key,
    name             varchar(200) not null,
    short_name       varchar(40),
    type             varchar(24)  not null check (type in ('GOVERNMENT', 'OBSERVER', 'INTERNATIONAL_ORG', 'DONOR_AGENCY', 'INDUSTRY', 'CIVIL_SOCIETY', 'ACADEMIC', 'PRIVATE')),
    observer         boolean      not null default false,
    participant_code varchar(2)   references participant (code),
    status           varchar(12)  not null default 'ACTIVE' check (status in ('PROPOSED', 'ACTIVE', 'REJECTED', 'MERGED')),
    merged_into_id   bigint       references organisation (id),
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0
);
create unique index organisation_active_name on organisation (lower(name)) where status = 'ACTIVE';

insert into organisation (name, short_name, type, observer) values
    ('World Diamond Council', 'WDC', 'INDUSTRY', true),
    ('Kimberley Process Civil Society Coalition', 'KP CSC', 'CIVIL_SOCIETY', true),
    ('African Diamond Producers Association', 'ADPA', 'OBSERVER', true),
    ('Diamond Development Initiative', 'DDI', 'CIVIL_SOCIETY', true),
    ('World Customs Organization', 'WCO', 'INTERNATIONAL_ORG', false),
    ('Organisation for Economic Co-operation and Development', 'OECD', 'INTERNATIONAL_ORG', false),
    ('International Criminal Police Organization', 'INTERPOL', 'INTERNATIONAL_ORG', false),
    ('Deutsche Gesellschaft für Internationale Zusammenarbeit', 'GIZ', 'DONOR_AGENCY', false),
    ('Gemological Institute of America', 'GIA', 'ACADEMIC', false),
    ('IMPACT', 'IMPACT', 'CIVIL_SOCIETY', false);
