//! `data_imports`: CSV imports of contacts, their progress and their report.
//!
//! An import is claimed by one runner at a time: [`claim`] moves it to processing, and every
//! batch [`advance`]s the counts only from the count it started at, so two runners (a restart
//! while the old task still ran, two server processes) never both write the same batch.

use chrono::{DateTime, Utc};

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// Waiting for a runner.
pub const PENDING: i16 = 0;
/// A runner is going through the rows.
pub const PROCESSING: i16 = 1;
/// Every row was handled.
pub const COMPLETED: i16 = 2;
/// The file could not be read; `processing_errors` says why.
pub const FAILED: i16 = 3;

/// One import.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DataImport {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Always `contacts`.
    pub data_type: String,
    /// pending 0, processing 1, completed 2, failed 3.
    pub status: i16,
    /// Why the import failed.
    pub processing_errors: Option<String>,
    /// Data rows in the file (the header excluded).
    pub total_records: Option<i64>,
    /// Rows handled so far, rejected ones included.
    pub processed_records: Option<i64>,
    /// Rows that created a contact.
    pub created_records: i64,
    /// Rows that updated an existing contact.
    pub updated_records: i64,
    /// Rows refused, each listed in the failed-records file.
    pub rejected_records: i64,
    /// The uploaded CSV, inside the data directory.
    pub import_file_path: Option<String>,
    /// The CSV of refused rows with an `errors` column, inside the data directory.
    pub failed_records_path: Option<String>,
    /// The name the uploaded file had.
    pub file_name: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed (each batch touches it: a stale processing import was abandoned).
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, data_type, status, processing_errors, total_records, \
         processed_records, created_records, updated_records, rejected_records, \
         import_file_path, failed_records_path, file_name, created_at, updated_at"
    };
}

/// What a new import is made of.
#[derive(Debug, Clone)]
pub struct NewImport<'a> {
    /// The uploaded file's name.
    pub file_name: &'a str,
    /// Where the upload was written.
    pub import_file_path: &'a str,
    /// Where refused rows will be written.
    pub failed_records_path: &'a str,
    /// Data rows in the file.
    pub total_records: i64,
}

/// Counts after a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Rows handled.
    pub processed: i64,
    /// Rows that created a contact.
    pub created: i64,
    /// Rows that updated a contact.
    pub updated: i64,
    /// Rows refused.
    pub rejected: i64,
}

impl DataImport {
    /// The counts as stored.
    pub fn counts(&self) -> Counts {
        Counts {
            processed: self.processed_records.unwrap_or(0),
            created: self.created_records,
            updated: self.updated_records,
            rejected: self.rejected_records,
        }
    }
}

/// Records a pending import.
pub async fn insert(conn: Conn<'_>, account_id: i64, new: &NewImport<'_>) -> Result<DataImport> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, DataImport>(concat!(
            "insert into data_imports (account_id, data_type, status, total_records, \
             processed_records, import_file_path, failed_records_path, file_name, created_at, \
             updated_at) values ($1, 'contacts', $2, $3, 0, $4, $5, $6, $7, $7) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(PENDING)
        .bind(new.total_records)
        .bind(new.import_file_path)
        .bind(new.failed_records_path)
        .bind(new.file_name)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// One import of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<DataImport>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, DataImport>(concat!(
            "select ",
            columns!(),
            " from data_imports where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Imports a runner should start (pending) or take over (processing, untouched since
/// `stale_before`), oldest first.
pub async fn runnable(
    conn: Conn<'_>,
    stale_before: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<DataImport>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, DataImport>(concat!(
            "select ",
            columns!(),
            " from data_imports where status = $1 or (status = $2 and updated_at < $3) \
             order by id limit $4"
        ))
        .bind(PENDING)
        .bind(PROCESSING)
        .bind(stale_before)
        .bind(limit)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Moves an import to processing for this runner; `None` when it is finished or another
/// runner holds it (touched since `stale_before`).
pub async fn claim(
    conn: Conn<'_>,
    id: i64,
    stale_before: DateTime<Utc>,
) -> Result<Option<DataImport>> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, DataImport>(concat!(
            "update data_imports set status = $2, updated_at = $4 where id = $1 and \
             (status = $3 or (status = $2 and updated_at < $5)) returning ",
            columns!()
        ))
        .bind(id)
        .bind(PROCESSING)
        .bind(PENDING)
        .bind(now)
        .bind(stale_before)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Stores the counts after a batch, only if the import is still processing at `from`
/// processed rows (else another runner took it over: `false`, roll the batch back).
pub async fn advance(conn: Conn<'_>, id: i64, from: i64, counts: Counts) -> Result<bool> {
    let now = super::now();
    Ok(execute!(
        conn,
        sqlx::query(
            "update data_imports set processed_records = $3, created_records = $4, \
             updated_records = $5, rejected_records = $6, updated_at = $7 \
             where id = $1 and status = $8 and processed_records = $2"
        )
        .bind(id)
        .bind(from)
        .bind(counts.processed)
        .bind(counts.created)
        .bind(counts.updated)
        .bind(counts.rejected)
        .bind(now)
        .bind(PROCESSING)
    )? > 0)
}

/// Marks a processing import completed.
pub async fn complete(conn: Conn<'_>, id: i64) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "update data_imports set status = $2, updated_at = $3 where id = $1 and status = $4"
        )
        .bind(id)
        .bind(COMPLETED)
        .bind(now)
        .bind(PROCESSING)
    )?;
    Ok(())
}

/// Marks an import failed with a reason for the user.
pub async fn fail(conn: Conn<'_>, id: i64, reason: &str) -> Result<()> {
    let now = super::now();
    execute!(
        conn,
        sqlx::query(
            "update data_imports set status = $2, processing_errors = $3, updated_at = $4 \
             where id = $1 and status in ($5, $6)"
        )
        .bind(id)
        .bind(FAILED)
        .bind(reason)
        .bind(now)
        .bind(PENDING)
        .bind(PROCESSING)
    )?;
    Ok(())
}
