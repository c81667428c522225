-- Two-level taxonomy of technical assistance: groups (no parent) and the areas under them,
-- each tagged with the KP working group most concerned and the part of the scheme it helps implement.
create table expertise_area (
    code          varchar(40)  primary key,
    parent_code   varchar(40)  references expertise_area (code),
    name_en       varchar(200) not null,
    name_fr       varchar(200) not null,
    working_group varchar(8),
    kpcs          varchar(60),
    position      int          not null
);

insert into expertise_area (code, parent_code, name_en, name_fr, working_group, kpcs, position) values
    ('FRAMEWORK', null, 'Legal and institutional framework', 'Cadre juridique et institutionnel', null, null, 1),
    ('LEGISLATION', 'FRAMEWORK', 'Implementing legislation and regulations', 'Législation et réglementation d''application', 'WGM', 'Section IV', 2),
    ('INSTITUTIONS', 'FRAMEWORK', 'Capacity of the national KP authority', 'Capacités de l''autorité nationale du PK', 'WGM', 'Section IV', 3),
    ('CONTROLS', null, 'Controls and certification', 'Contrôles et certification', null, null, 4),
    ('INTERNAL_CONTROLS', 'CONTROLS', 'Internal controls and chain of custody from mine to export', 'Contrôles internes et chaîne de traçabilité de la mine à l''exportation', 'WGM', 'Section IV', 5),
    ('CERTIFICATES', 'CONTROLS', 'Certificate issuance, import confirmation and record keeping', 'Délivrance des certificats, confirmation d''importation et archivage', 'WGDE', 'Sections II-III', 6),
    ('DIGITAL_CERTIFICATES', 'CONTROLS', 'Digital certificates and electronic data exchange', 'Certificats numériques et échange électronique de données', 'WGDE', 'Section II', 7),
    ('ENFORCEMENT', 'CONTROLS', 'Law enforcement, customs and anti-smuggling', 'Application de la loi, douanes et lutte contre la contrebande', 'WGM', 'Section IV', 8),
    ('DATA', null, 'Statistics and valuation', 'Statistiques et évaluation', null, null, 9),
    ('STATISTICS', 'DATA', 'Statistics: collection, reporting and anomaly analysis', 'Statistiques : collecte, déclaration et analyse des anomalies', 'WGS', 'Annex III', 10),
    ('VALUATION', 'DATA', 'Rough-diamond valuation', 'Évaluation des diamants bruts', 'WGDE', 'Annex III', 11),
    ('FOOTPRINTING', 'DATA', 'Diamond identification, footprinting and technical definitions', 'Identification des diamants, empreinte et définitions techniques', 'WGDE', null, 12),
    ('GEOLOGY', 'DATA', 'Geological survey and resource assessment', 'Prospection géologique et évaluation des ressources', 'WGAAP', null, 13),
    ('ASM', null, 'Artisanal and alluvial production', 'Production artisanale et alluviale', null, null, 14),
    ('FORMALISATION', 'ASM', 'Formalisation and licensing of diggers, traders and buying offices', 'Formalisation et agrément des creuseurs, négociants et comptoirs d''achat', 'WGAAP', 'Washington Declaration', 15),
    ('COMMUNITIES', 'ASM', 'Mining communities: livelihoods, land rights and rehabilitation', 'Communautés minières : moyens de subsistance, droits fonciers et réhabilitation', 'WGAAP', 'Washington Declaration', 16),
    ('COOPERATION', null, 'Peer review and cooperation', 'Examen par les pairs et coopération', null, null, 17),
    ('PEER_REVIEW', 'COOPERATION', 'Peer review: annual reports, review visits and follow-up', 'Examen par les pairs : rapports annuels, visites d''examen et suivi', 'WGM', 'Section VI', 18),
    ('REGIONAL', 'COOPERATION', 'Regional cooperation and harmonisation (e.g. Mano River Union)', 'Coopération et harmonisation régionales (p. ex. Union du fleuve Mano)', 'WGM', null, 19);
