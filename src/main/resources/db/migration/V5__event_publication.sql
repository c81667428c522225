-- Spring Modulith's event publication registry: events handed to module listeners are kept here
-- until the listener completes, so that none is lost when the portal stops mid-way.
create table event_publication (
    id                     uuid         primary key,
    listener_id            text         not null,
    event_type             text         not null,
    serialized_event       text         not null,
    publication_date       timestamptz  not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_serialized_event_hash on event_publication using hash (serialized_event);
