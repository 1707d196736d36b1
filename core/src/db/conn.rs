//! Connections and transactions that are either SQLite or PostgreSQL.

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, Sqlite, SqliteConnection, Transaction};

use crate::Result;

use super::Backend;

/// A borrowed connection of either backend: what every storage function takes.
pub enum Conn<'c> {
    /// SQLite.
    Sqlite(&'c mut SqliteConnection),
    /// PostgreSQL.
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    /// Borrows this connection again for one more call, so code holding a `Conn` can run
    /// several statements: `store::a(conn.reborrow()).await?; store::b(conn).await?`.
    pub fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }

    /// The engine behind this connection, for the rare statement that differs.
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Runs the same code on whichever backend a [`Conn`] holds.
///
/// `on_conn!(conn, |c| sqlx::query("...").bind(x).execute(&mut *c).await)` expands to a
/// `match` with the body once per backend, so `c` is a concrete `&mut SqliteConnection` or
/// `&mut PgConnection` and sqlx's generic code compiles for both.
#[macro_export]
macro_rules! on_conn {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::Conn::Sqlite($c) => $body,
            $crate::db::Conn::Postgres($c) => $body,
        }
    };
}

/// Executes a statement on whichever backend a [`Conn`] holds and returns the number of rows
/// it affected: `execute!(conn, sqlx::query("...").bind(x))`.
#[macro_export]
macro_rules! execute {
    ($conn:expr, $query:expr) => {
        match $conn {
            $crate::db::Conn::Sqlite(c) => $query.execute(&mut *c).await.map(|r| r.rows_affected()),
            $crate::db::Conn::Postgres(c) => {
                $query.execute(&mut *c).await.map(|r| r.rows_affected())
            }
        }
    };
}

/// A pooled connection for reads.
pub enum Handle {
    /// SQLite reader.
    Sqlite(PoolConnection<Sqlite>),
    /// PostgreSQL.
    Postgres(PoolConnection<Postgres>),
}

impl Handle {
    /// Borrows the connection for one storage call.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Handle::Sqlite(c) => Conn::Sqlite(c),
            Handle::Postgres(c) => Conn::Postgres(c),
        }
    }
}

/// An open write transaction. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    /// SQLite (on the single writer connection).
    Sqlite(Transaction<'static, Sqlite>),
    /// PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    /// Borrows the transaction's connection for one storage call.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(t) => Conn::Sqlite(t),
            Tx::Postgres(t) => Conn::Postgres(t),
        }
    }

    /// Makes the transaction's writes permanent.
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
