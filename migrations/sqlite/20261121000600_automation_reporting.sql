-- Outgoing webhooks, automation rules, CSAT responses, applied SLAs and SLA events, reporting
-- events, notifications and their settings, audit logs and contact imports.
-- (Campaigns and SLA policies live in the organisation file: conversations reference them.)

create table webhooks (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    -- set for inbox_type webhooks
    inbox_id integer references inboxes (id) on delete cascade,
    url text not null,
    name text,
    -- account_type 0, inbox_type 1
    webhook_type integer not null default 0,
    -- event names; the application fills Chatwoot's default list of 8 events on create
    subscriptions text not null default '[]',
    -- OneChat: secret used to sign the payload
    secret text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index webhooks_account_url_key on webhooks (account_id, url);

create table automation_rules (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    name text not null,
    description text,
    -- conversation_created, conversation_updated, message_created, conversation_opened, ...
    event_name text not null,
    conditions text not null default '[]',
    actions text not null default '[]',
    active boolean not null default 1,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
-- every event looks up the account's active rules for that event
create index automation_rules_account_event_idx on automation_rules (account_id, event_name);

create table csat_survey_responses (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    conversation_id integer not null references conversations (id) on delete cascade,
    -- the input_csat message the contact answered
    message_id integer not null references messages (id) on delete cascade,
    contact_id integer not null references contacts (id) on delete cascade,
    -- 1..5
    rating integer not null,
    feedback_message text,
    -- the conversation's assignee when the survey was answered; kept (as null) if deleted
    assigned_agent_id integer references users (id) on delete set null,
    csat_review_notes text,
    review_notes_updated_at text,
    review_notes_updated_by_id integer references users (id) on delete set null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index csat_survey_responses_message_id_key on csat_survey_responses (message_id);
create index csat_survey_responses_account_created_idx on csat_survey_responses (account_id, created_at);
create index csat_survey_responses_conversation_id_idx on csat_survey_responses (conversation_id);
create index csat_survey_responses_contact_id_idx on csat_survey_responses (contact_id);
create index csat_survey_responses_assigned_agent_id_idx on csat_survey_responses (assigned_agent_id);

-- An SLA policy applied to a conversation, and its state.
create table applied_slas (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    sla_policy_id integer not null references sla_policies (id) on delete cascade,
    conversation_id integer not null references conversations (id) on delete cascade,
    -- active 0, hit 1, missed 2, active_with_misses 3
    sla_status integer not null default 0,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index applied_slas_account_policy_conversation_key on applied_slas (account_id, sla_policy_id, conversation_id);
create index applied_slas_conversation_id_idx on applied_slas (conversation_id);
create index applied_slas_sla_policy_id_idx on applied_slas (sla_policy_id);

-- One row per SLA miss.
create table sla_events (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    applied_sla_id integer not null references applied_slas (id) on delete cascade,
    conversation_id integer not null references conversations (id) on delete cascade,
    sla_policy_id integer not null references sla_policies (id) on delete cascade,
    inbox_id integer not null references inboxes (id) on delete cascade,
    -- frt 0, nrt 1, rt 2
    event_type integer not null default 0,
    -- for nrt: {message_id}
    meta text not null default '{}',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index sla_events_applied_sla_id_idx on sla_events (applied_sla_id);
create index sla_events_conversation_id_idx on sla_events (conversation_id);
create index sla_events_sla_policy_id_idx on sla_events (sla_policy_id);
create index sla_events_inbox_id_idx on sla_events (inbox_id);

-- Facts the reports are computed from: first_response, reply_time, conversation_resolved,
-- conversation_opened, conversation_bot_handoff, conversation_bot_resolved ...
-- value / value_in_business_hours are durations in seconds.
create table reporting_events (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    name text not null,
    value real,
    value_in_business_hours real,
    inbox_id integer references inboxes (id) on delete cascade,
    -- the agent the event is attributed to; agent reports keep the row, without the agent
    user_id integer references users (id) on delete set null,
    conversation_id integer references conversations (id) on delete cascade,
    event_start_time text,
    event_end_time text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index reporting_events_account_name_created_idx on reporting_events (account_id, name, created_at);
create index reporting_events_conversation_id_idx on reporting_events (conversation_id);
create index reporting_events_inbox_id_idx on reporting_events (inbox_id);
create index reporting_events_user_id_idx on reporting_events (user_id);

-- In-app notifications. At most one per user and conversation (the application deletes older
-- ones). primary_actor is always a Conversation; secondary_actor is a Message, User or
-- SlaPolicy. Both are polymorphic, so no foreign keys: the application deletes the
-- notifications of a deleted conversation.
create table notifications (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    user_id integer not null references users (id) on delete cascade,
    -- conversation_creation 1, conversation_assignment 2, assigned_conversation_new_message 3,
    -- conversation_mention 4, participating_conversation_new_message 5,
    -- sla_missed_first_response 6, sla_missed_next_response 7, sla_missed_resolution 8
    notification_type integer not null,
    primary_actor_type text not null,
    primary_actor_id integer not null,
    secondary_actor_type text,
    secondary_actor_id integer,
    read_at text,
    snoozed_until text,
    -- the notification list sort
    last_activity_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    -- e.g. last_snoozed_at
    meta text not null default '{}',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index notifications_user_account_snoozed_read_idx on notifications (user_id, account_id, snoozed_until, read_at);
create index notifications_primary_actor_idx on notifications (primary_actor_type, primary_actor_id);
create index notifications_secondary_actor_idx on notifications (secondary_actor_type, secondary_actor_id);
create index notifications_last_activity_at_idx on notifications (last_activity_at);

-- Per user and account: which notification types go out by e-mail / push (one bit per type).
create table notification_settings (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    user_id integer not null references users (id) on delete cascade,
    email_flags integer not null default 0,
    push_flags integer not null default 0,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index notification_settings_account_user_key on notification_settings (account_id, user_id);
create index notification_settings_user_id_idx on notification_settings (user_id);

-- Audit trail (Chatwoot's `audits` table from the audited gem). account_id is the gem's
-- "associated" account.
create table audit_logs (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    -- the changed record (polymorphic, no foreign key: it may be deleted, the log stays)
    auditable_type text,
    auditable_id integer,
    -- the acting user; the log stays (with username) when the user is deleted
    user_id integer references users (id) on delete set null,
    -- the acting user's e-mail at the time
    username text,
    -- create, update, destroy, sign_in, sign_out
    action text,
    audited_changes text not null default '{}',
    remote_address text,
    request_uuid text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index audit_logs_account_created_idx on audit_logs (account_id, created_at);
create index audit_logs_auditable_idx on audit_logs (auditable_type, auditable_id);
create index audit_logs_user_id_idx on audit_logs (user_id);
create index audit_logs_request_uuid_idx on audit_logs (request_uuid);

-- Contact CSV imports processed by a background job.
create table data_imports (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    -- 'contacts' is the only value
    data_type text not null default 'contacts',
    -- pending 0, processing 1, completed 2, failed 3
    status integer not null default 0,
    processing_errors text,
    total_records integer,
    processed_records integer,
    -- OneChat keeps files on disk instead of ActiveStorage: the uploaded CSV and the CSV of
    -- rows that failed, as paths inside the storage directory
    import_file_path text,
    failed_records_path text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index data_imports_account_id_idx on data_imports (account_id);
