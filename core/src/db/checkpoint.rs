//! Background WAL checkpoints for SQLite.
//!
//! By default SQLite checkpoints inside whichever commit pushes the WAL past 1000 pages: that
//! commit copies the WAL into the database file and syncs it, holding the single writer for
//! milliseconds while every other write waits. OneChat's writer turns automatic checkpoints off
//! and this task checkpoints from its own connection every second instead (PASSIVE: it never
//! blocks the writer or readers). With `synchronous = NORMAL` a commit then only appends to the
//! WAL. When the last connection closes SQLite checkpoints whatever is left.

use std::sync::Arc;
use std::time::Duration;

use sqlx::ConnectOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tokio::task::JoinHandle;

/// How often the WAL is copied into the database file.
const INTERVAL: Duration = Duration::from_secs(1);

/// Stops the checkpoint task when the last [`Db`](super::Db) clone holding it is dropped.
#[derive(Debug)]
pub(super) struct Checkpointer {
    task: JoinHandle<()>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Starts checkpointing the database `options` opens (which must already exist).
pub(super) fn start(options: SqliteConnectOptions) -> Arc<Checkpointer> {
    // Never create the file: a database deleted under us (a finished test) stays deleted.
    let options = options.create_if_missing(false);
    let task = tokio::spawn(async move {
        let mut conn: Option<SqliteConnection> = None;
        loop {
            tokio::time::sleep(INTERVAL).await;
            if conn.is_none() {
                conn = options.connect().await.ok();
            }
            let Some(open) = conn.as_mut() else { continue };
            if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&mut *open)
                .await
            {
                tracing::warn!(error = %err, "WAL checkpoint failed; reconnecting");
                conn = None;
            }
        }
    });
    Arc::new(Checkpointer { task })
}
