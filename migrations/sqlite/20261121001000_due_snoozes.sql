-- The scheduler looks for snoozed conversations whose time has come every few minutes.
create index conversations_due_snoozes_idx on conversations (snoozed_until) where status = 3;
