//! Domain services: the only way the server, the dashboard's server functions, `/cable` and
//! jobs change or read data. Each service function takes the shared [`Services`].

pub mod access;
pub mod accounts;
pub mod agent_bots;
pub mod agents;
pub mod auth;
pub mod avatars;
pub mod campaigns;
pub mod canned_responses;
pub mod contacts;
pub mod conversations;
pub mod custom_attribute_definitions;
pub mod custom_filters;
pub mod filters;
pub mod inbox_members;
pub mod inboxes;
pub mod labels;
pub mod messages;
pub mod notifications;
pub mod password_resets;
pub mod presence;
pub mod profile;
pub mod public_api;
pub mod rate_limit;
pub mod realtime;
pub mod search;
pub mod secret_key;
pub mod seed;
pub mod setup;
pub mod teams;
pub mod uploads;
mod validate;
pub mod widget;

use crate::db::Db;
use crate::events::EventBus;
use crate::secrets::SecretKey;

use presence::Presence;
use rate_limit::RateLimiter;

/// Everything a service needs, cheap to clone.
#[derive(Clone, Debug)]
pub struct Services {
    /// The database.
    pub db: Db,
    /// Where state changes are announced.
    pub events: EventBus,
    /// Signs tokens that must verify later.
    pub secret_key: SecretKey,
    /// Failed sign-in attempts, per client address and per email.
    pub sign_in_failures: RateLimiter,
    /// Who is online.
    pub presence: Presence,
    /// The URL OneChat is reached at, without a trailing slash (widget snippets, links).
    pub public_url: String,
    /// Where uploaded files are kept.
    pub data_dir: std::path::PathBuf,
    /// Creations through the public APIs (contacts, conversations, messages), per client
    /// address and route.
    pub public_writes: RateLimiter,
}

impl Services {
    /// Services over `db`, with the installation's secret key.
    pub fn new(db: Db, secret_key: SecretKey) -> Services {
        Services {
            db,
            events: EventBus::default(),
            secret_key,
            sign_in_failures: RateLimiter::new(auth::FAILED_SIGN_IN_LIMIT),
            presence: Presence::default(),
            public_url: "http://127.0.0.1:3000".into(),
            data_dir: std::path::PathBuf::from("onechat-data"),
            public_writes: RateLimiter::new(rate_limit::Limit {
                max: 120,
                window: std::time::Duration::from_secs(60),
            }),
        }
    }

    /// The same services keeping files under `dir`.
    pub fn with_data_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Services {
        self.data_dir = dir.into();
        self
    }

    /// The same services reached at `url`.
    pub fn with_public_url(mut self, url: &str) -> Services {
        self.public_url = url.trim_end_matches('/').to_owned();
        self
    }
}
