-- Account-level organisation objects: teams and members, labels and the tags that apply them,
-- canned responses, custom attribute definitions, saved filters, macros, campaigns and SLA
-- policies.
--
-- This file runs before contacts/conversations (not after, as its topic might suggest) because
-- conversations.team_id, campaign_id and sla_policy_id reference teams, campaigns and
-- sla_policies, and SQLite cannot add a foreign key to an existing table later.

create table teams (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    -- lower-cased by the application
    name text not null,
    description text,
    allow_auto_assign boolean not null default 1,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index teams_account_name_key on teams (account_id, name);

create table team_members (
    id integer primary key autoincrement,
    team_id integer not null references teams (id) on delete cascade,
    user_id integer not null references users (id) on delete cascade,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index team_members_team_user_key on team_members (team_id, user_id);
create index team_members_user_id_idx on team_members (user_id);

-- Label definitions. Conversations and contacts carry labels by *name* in taggings (below),
-- with no foreign key: deleting a label definition leaves existing tags in place (as Chatwoot).
create table labels (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    -- lower-cased by the application
    title text not null,
    description text,
    color text not null default '#1f93ff',
    show_on_sidebar boolean not null default 0,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index labels_account_title_key on labels (account_id, title);

-- Labels applied to a conversation or a contact. Replaces acts-as-taggable-on's global tags +
-- taggings: the tag name is stored directly (case-sensitive, as Chatwoot compares it).
-- taggable is polymorphic ('Conversation' | 'Contact'), so there is no foreign key to it; the
-- application deletes the taggings of a deleted conversation or contact.
create table taggings (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    taggable_type text not null,
    taggable_id integer not null,
    name text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index taggings_taggable_name_key on taggings (taggable_type, taggable_id, name);
-- "conversations/contacts with label X" filters and label renames
create index taggings_account_type_name_idx on taggings (account_id, taggable_type, name);

create table canned_responses (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    short_code text not null,
    content text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
-- Chatwoot only checks this in the model; case-sensitive like its validation.
create unique index canned_responses_account_short_code_key on canned_responses (account_id, short_code);

create table custom_attribute_definitions (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    attribute_display_name text not null,
    attribute_key text not null,
    -- text 0, number 1, currency 2, percent 3, link 4, date 5, list 6, checkbox 7
    attribute_display_type integer not null default 0,
    -- unused by Chatwoot, kept for the API shape
    default_value integer,
    -- conversation_attribute 0, contact_attribute 1
    attribute_model integer not null default 0,
    attribute_description text,
    -- options of a list attribute
    attribute_values text not null default '[]',
    -- a JS regex literal "/.../", enforced client-side only
    regex_pattern text,
    regex_cue text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index custom_attribute_definitions_account_model_key_key
    on custom_attribute_definitions (account_id, attribute_model, attribute_key);

-- Saved filters ("folders" and contact segments) of one user in one account.
create table custom_filters (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    user_id integer not null references users (id) on delete cascade,
    name text not null,
    -- conversation 0, contact 1, report 2
    filter_type integer not null default 0,
    -- same payload as the filter API
    query text not null default '{}',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index custom_filters_account_user_idx on custom_filters (account_id, user_id);
create index custom_filters_user_id_idx on custom_filters (user_id);

create table macros (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    name text not null,
    -- personal 0, global 1
    visibility integer not null default 0,
    -- authors; a global macro outlives its author, so these become null
    created_by_id integer references users (id) on delete set null,
    updated_by_id integer references users (id) on delete set null,
    -- array of {action_name, action_params}
    actions text not null default '[]',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index macros_account_id_idx on macros (account_id);

create table campaigns (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    inbox_id integer not null references inboxes (id) on delete cascade,
    -- per-account number, taken from accounts.campaign_display_seq by the application
    display_id integer not null,
    title text not null,
    description text,
    message text not null,
    -- the agent the campaign message is sent as; null = sent as the bot
    sender_id integer references users (id) on delete set null,
    enabled boolean not null default 1,
    -- {url, time_on_page}
    trigger_rules text not null default '{}',
    -- ongoing 0, one_off 1
    campaign_type integer not null default 0,
    -- active 0, completed 1
    campaign_status integer not null default 0,
    -- [{type: 'Label', id}]
    audience text not null default '[]',
    scheduled_at text,
    trigger_only_during_business_hours boolean not null default 0,
    template_params text not null default '{}',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create unique index campaigns_account_display_id_key on campaigns (account_id, display_id);
create index campaigns_inbox_id_idx on campaigns (inbox_id);
-- the scheduler looks for active one-off campaigns whose scheduled_at has passed
create index campaigns_type_status_scheduled_idx on campaigns (campaign_type, campaign_status, scheduled_at);

create table sla_policies (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    name text not null,
    description text,
    -- thresholds in seconds
    first_response_time_threshold real,
    next_response_time_threshold real,
    resolution_time_threshold real,
    only_during_business_hours boolean not null default 0,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index sla_policies_account_id_idx on sla_policies (account_id);
