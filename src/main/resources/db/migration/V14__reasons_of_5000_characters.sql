-- A reason typed on any decision may have 5000 characters (DecisionMade.REASON_LENGTH): the forms have
-- accepted that many since the start, while the decision log, an account's decision and a match picked
-- by hand kept fewer, so a longer reason ended the decision in an error.
alter table decision_log alter column reason type varchar(5000);
alter table account alter column decision_reason type varchar(5000);
alter table request_match alter column override_reason type varchar(5000);
