//! Configuration: command-line flags, each with an environment variable and a default, so a
//! bare `onechat serve` runs on an embedded SQLite file with nothing else set.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Where the database lives.
#[derive(Clone, Args)]
pub struct DatabaseArgs {
    /// `sqlite://path/to/file.db` (created when missing) or `postgres://user@host/db`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://onechat.db",
        hide_env_values = true
    )]
    pub database_url: String,

    /// Database connections: PostgreSQL pool size, or SQLite readers (SQLite has one writer).
    #[arg(long, env = "ONECHAT_DB_MAX_CONNECTIONS", default_value_t = 8)]
    pub db_max_connections: u32,
}

impl std::fmt::Debug for DatabaseArgs {
    // The URL may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseArgs")
            .field(
                "backend",
                &onechat_core::db::Backend::of_url(&self.database_url),
            )
            .field("db_max_connections", &self.db_max_connections)
            .finish()
    }
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// `onechat serve`.
#[derive(Clone, Args)]
pub struct ServeConfig {
    /// Address to listen on.
    #[arg(long, env = "ONECHAT_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Redis, for fan-out and presence across several server processes. Optional.
    #[arg(long, env = "REDIS_URL", hide_env_values = true)]
    pub redis_url: Option<String>,

    /// Where uploaded files (attachments, avatars) are kept.
    #[arg(long, env = "ONECHAT_DATA_DIR", default_value = "onechat-data")]
    pub data_dir: PathBuf,

    /// The URL visitors and agents reach OneChat at (links, widget snippet, cookie
    /// security). Defaults to `http://<addr>`.
    #[arg(long, env = "ONECHAT_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Secret key (at least 32 characters). When unset, one is generated on first start and
    /// kept in the database.
    #[arg(long, env = "ONECHAT_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Use the left-most `X-Forwarded-For` address as the client address (only behind a
    /// proxy you control).
    #[arg(long, env = "ONECHAT_TRUST_PROXY", default_value_t = false)]
    pub trust_proxy: bool,

    /// The built dashboard assets (cargo-leptos `site-root`).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// The built widget assets.
    #[arg(
        long,
        env = "ONECHAT_WIDGET_SITE_ROOT",
        default_value = "target/widget-site"
    )]
    pub widget_site_root: PathBuf,

    /// Log format.
    #[arg(long, env = "ONECHAT_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Largest request body accepted, in bytes (uploads included).
    #[arg(long, env = "ONECHAT_MAX_BODY_BYTES", default_value_t = 40 * 1024 * 1024)]
    pub max_body_bytes: usize,

    /// Open `/cable` WebSockets allowed from one client address (0: no limit). Offices and
    /// mobile carriers put many people behind one address, so keep it generous.
    #[arg(long, env = "ONECHAT_CABLE_MAX_PER_IP", default_value_t = 2000)]
    pub cable_max_per_ip: usize,

    /// How often the periodic jobs run, in seconds (snoozed conversations reopening,
    /// auto-resolve); 0 turns them off.
    #[arg(long, env = "ONECHAT_JOBS_EVERY_SECS", default_value_t = 300)]
    pub jobs_every_secs: u64,
}

impl std::fmt::Debug for ServeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServeConfig")
            .field("addr", &self.addr)
            .field("database", &self.database)
            .field("redis", &self.redis_url.is_some())
            .field("data_dir", &self.data_dir)
            .field("public_url", &self.public_url())
            .field("secret_key", &self.secret_key.as_ref().map(|_| "<given>"))
            .field("trust_proxy", &self.trust_proxy)
            .field("site_root", &self.site_root)
            .field("widget_site_root", &self.widget_site_root)
            .field("jobs_every_secs", &self.jobs_every_secs)
            .finish()
    }
}

impl ServeConfig {
    /// The public URL without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.addr),
        }
    }

    /// Whether cookies must be `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}
