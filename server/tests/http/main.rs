//! HTTP tests: the whole router driven in process (`oneshot`), on a fresh database of the
//! selected backend (`ONECHAT_TEST_DATABASE`).

mod accounts;
mod agents;
mod auth;
mod cable;
mod cable_support;
mod canned_responses;
mod conformance;
mod contacts;
mod conversations;
mod custom_attributes;
mod custom_filters;
mod dashboard;
mod dashboard_contact_panel;
mod dashboard_filters;
mod dashboard_list;
mod dashboard_reply;
mod dashboard_thread;
mod inboxes;
mod jobs;
mod labels;
mod messages;
mod notifications;
mod permissions;
mod profile;
mod public_api;
mod search_api;
mod seed;
mod support;
mod system;
mod teams;
mod widget;
mod world;
