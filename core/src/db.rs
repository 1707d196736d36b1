//! The database handle: SQLite (a file in WAL mode) or PostgreSQL behind one API.
//!
//! Storage code never names a backend. It takes a [`Conn`] and runs the same SQL on either
//! through [`on_conn!`](crate::on_conn): placeholders are written `$1, $2…`, which both drivers
//! bind by number, and every column type decodes to the same Rust type on both (see the
//! migrations' header comments). Writes go through [`Db::begin`]; everything else through
//! [`Db::read`].
//!
//! On SQLite there is one writer connection and a small pool of readers: SQLite allows one
//! writer at a time anyway, and queueing writers in the pool instead of inside SQLite means
//! no `SQLITE_BUSY` under load, while WAL lets readers run beside the writer.

mod checkpoint;
mod conn;
pub mod provision;

pub use conn::{Conn, Handle, Tx};

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::{Error, Result};

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The backend a connection URL names: `postgres://` or `postgresql://` is PostgreSQL,
    /// anything else is taken as a SQLite URL or file path.
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// Lower-case name, for logs and `/metrics`.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Pool sizes and timeouts.
#[derive(Debug, Clone)]
pub struct DbOptions {
    /// PostgreSQL connections, or SQLite reader connections (the writer is always one).
    pub max_connections: u32,
    /// How long a request waits for a free connection before failing.
    pub acquire_timeout: Duration,
}

impl Default for DbOptions {
    fn default() -> Self {
        DbOptions {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

/// A cheap-to-clone handle on the database.
#[derive(Clone)]
pub struct Db {
    pools: Pools,
    /// SQLite only: the background WAL checkpointer, stopped with the last clone.
    _checkpointer: Option<std::sync::Arc<checkpoint::Checkpointer>>,
}

#[derive(Clone)]
enum Pools {
    Sqlite {
        reader: SqlitePool,
        writer: SqlitePool,
    },
    Postgres(PgPool),
}

impl std::fmt::Debug for Db {
    // The URL may hold a password: show only the backend.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend())
            .finish()
    }
}

impl Db {
    /// Opens the database at `url`, creating a SQLite file if it does not exist. Does not
    /// migrate: call [`Db::migrate`].
    pub async fn connect(url: &str, options: &DbOptions) -> Result<Db> {
        let mut checkpointer = None;
        let pools = match Backend::of_url(url) {
            Backend::Postgres => {
                let connect = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(options.max_connections)
                    .acquire_timeout(options.acquire_timeout)
                    .connect_with(connect)
                    .await?;
                Pools::Postgres(pool)
            }
            Backend::Sqlite => {
                let connect = sqlite_options(url)?;
                // Checkpoints run in the background (see `checkpoint`), never in a commit.
                let writer = SqlitePoolOptions::new()
                    .max_connections(1)
                    .acquire_timeout(options.acquire_timeout)
                    .connect_with(connect.clone().pragma("wal_autocheckpoint", "0"))
                    .await?;
                checkpointer = Some(checkpoint::start(connect.clone()));
                let reader = SqlitePoolOptions::new()
                    .max_connections(options.max_connections.max(1))
                    .acquire_timeout(options.acquire_timeout)
                    .connect_with(connect.read_only(true))
                    .await?;
                Pools::Sqlite { reader, writer }
            }
        };
        Ok(Db {
            pools,
            _checkpointer: checkpointer,
        })
    }

    /// The engine behind this handle.
    pub fn backend(&self) -> Backend {
        match self.pools {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every migration not applied yet (embedded at compile time).
    pub async fn migrate(&self) -> Result<()> {
        match &self.pools {
            Pools::Sqlite { writer, .. } => {
                sqlx::migrate!("../migrations/sqlite").run(writer).await?
            }
            Pools::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// A connection for reads.
    pub async fn read(&self) -> Result<Handle> {
        Ok(match &self.pools {
            Pools::Sqlite { reader, .. } => Handle::Sqlite(reader.acquire().await?),
            Pools::Postgres(pool) => Handle::Postgres(pool.acquire().await?),
        })
    }

    /// Starts a write transaction. Dropping the [`Tx`] without [`Tx::commit`] rolls it back.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match &self.pools {
            // IMMEDIATE takes the write lock up front, so a transaction that reads before it
            // writes cannot fail half-way with SQLITE_BUSY when another process (the CLI)
            // writes too.
            Pools::Sqlite { writer, .. } => Tx::Sqlite(writer.begin_with("BEGIN IMMEDIATE").await?),
            Pools::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        let mut handle = self.read().await?;
        crate::execute!(handle.conn(), sqlx::query("select 1"))?;
        Ok(())
    }

    /// Connections open and idle, for `/metrics`: `(open, idle)`.
    pub fn pool_stats(&self) -> (u32, u32) {
        match &self.pools {
            Pools::Sqlite { reader, writer } => (
                reader.size() + writer.size(),
                (reader.num_idle() + writer.num_idle()) as u32,
            ),
            Pools::Postgres(pool) => (pool.size(), pool.num_idle() as u32),
        }
    }

    /// Closes every connection, waiting for those in use to come back.
    pub async fn close(&self) {
        match &self.pools {
            Pools::Sqlite { reader, writer } => {
                reader.close().await;
                writer.close().await;
            }
            Pools::Postgres(pool) => pool.close().await,
        }
    }
}

/// SQLite settings: WAL so readers never wait for the writer, NORMAL sync (durable across
/// application crashes; WAL keeps the file consistent across power loss), foreign keys on.
fn sqlite_options(url: &str) -> Result<SqliteConnectOptions> {
    let options = if url.starts_with("sqlite:") {
        SqliteConnectOptions::from_str(url)?
    } else {
        SqliteConnectOptions::new().filename(url)
    };
    Ok(options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("temp_store", "memory")
        .pragma("cache_size", "-32000")
        // After a checkpoint empties the WAL, shrink its file back to at most 64 MiB.
        .pragma("journal_size_limit", "67108864"))
}

impl From<sqlx::migrate::MigrateError> for Error {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        Error::Internal(format!("migration failed: {err}"))
    }
}
