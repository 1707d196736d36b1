//! CSV import of contacts (domain.md §9.3), for administrators.
//!
//! The upload is checked at once (a CSV file, at most [`MAX_FILE_BYTES`], a header row with
//! an email, phone_number or identifier column, rows as wide as the header), written under
//! the data directory and recorded as a pending `data_imports` row. A runner then goes
//! through the rows in small transactions ([`process`]): each row creates a contact or
//! updates the one with the same identifier, email or phone; rows that break a contact rule
//! or repeat an earlier row of the file are refused with their reason, into a failed-records
//! CSV that can be downloaded, fixed and imported again.

mod failed;
mod row;
mod runner;
mod table;

pub use runner::{STALE_AFTER, process};
pub use table::MAX_FILE_BYTES;

use crate::secrets::{constant_time_eq, hmac_sha256_hex, uuid};
use crate::services::access::Scope;
use crate::services::uploads::{Upload, resolve};
use crate::store::data_imports::{self, DataImport as Row, NewImport};
use crate::wire::data_import::DataImport;
use crate::{Error, Result, Services};

/// The sample file offered for download: every recognised column, valid as it is.
pub const SAMPLE_CSV: &str = "\
name,email,phone_number,identifier,company,city,country,plan
Grace Hopper,grace.hopper@example.com,+14155550101,customer-1001,Navy Labs,Arlington,United States,enterprise
Alan Turing,alan.turing@example.com,+442071838750,customer-1002,Bletchley Park,London,United Kingdom,pro
Ada Lovelace,ada.lovelace@example.com,,customer-1003,Analytical Engines,London,United Kingdom,free
";

/// The file name the sample is downloaded as.
pub const SAMPLE_FILE_NAME: &str = "import-contacts-sample.csv";

/// Refused rows listed in the report (the download has them all).
pub const REPORT_ROWS: usize = 100;

/// Checks an uploaded CSV and records it as a pending import. Start it with [`start`].
pub async fn create(svc: &Services, scope: &Scope, upload: &Upload) -> Result<DataImport> {
    scope.require_admin()?;
    if upload.bytes.is_empty() {
        // Chatwoot's answer for a missing or empty `import_file`.
        return Err(Error::Unprocessable("File is blank".into()));
    }
    if upload.bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Unprocessable(too_large()));
    }
    let text = table::clean_text(&upload.bytes).ok_or_else(|| {
        Error::Unprocessable("The file must be a CSV file: text with a header row".into())
    })?;
    let parsed = table::parse(&text).map_err(Error::Unprocessable)?;
    let stem = uuid();
    let account_id = scope.account_id;
    let import_path = format!("imports/{account_id}/{stem}.csv");
    let failed_path = format!("imports/{account_id}/{stem}-failed.csv");
    let full = resolve(&svc.data_dir, &import_path)
        .ok_or_else(|| Error::Internal("bad import path".into()))?;
    if let Some(dir) = full.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| Error::Internal(format!("import directory: {e}")))?;
    }
    tokio::fs::write(&full, text.as_bytes())
        .await
        .map_err(|e| Error::Internal(format!("import write: {e}")))?;
    let file_name = clean_file_name(&upload.file_name);
    let new = NewImport {
        file_name: &file_name,
        import_file_path: &import_path,
        failed_records_path: &failed_path,
        total_records: parsed.rows.len() as i64,
    };
    let inserted = async {
        let mut tx = svc.db.begin().await?;
        let row = data_imports::insert(tx.conn(), account_id, &new).await?;
        tx.commit().await?;
        Ok::<_, Error>(row)
    }
    .await;
    match inserted {
        Ok(row) => Ok(render(svc, &row).await),
        Err(err) => {
            let _ = tokio::fs::remove_file(&full).await;
            Err(err)
        }
    }
}

/// The message for a file over [`MAX_FILE_BYTES`] (the server answers it with a 413).
pub fn too_large() -> String {
    format!(
        "The file is too large (maximum is {} MB)",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

fn clean_file_name(name: &str) -> String {
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .chars()
        .filter(|c| !c.is_control())
        .take(255)
        .collect();
    if name.trim().is_empty() {
        "contacts.csv".into()
    } else {
        name
    }
}

/// Runs import `id` in the background (the upload's answer does not wait for it).
pub fn start(svc: &Services, id: i64) {
    let svc = svc.clone();
    tokio::spawn(async move {
        // `process` logs its own outcome.
        let _ = process(&svc, id).await;
    });
}

/// Starts every import that is pending, or was left processing by a stopped server.
/// Returns how many were started.
pub async fn start_due(svc: &Services) -> Result<usize> {
    let stale_before = crate::store::now() - STALE_AFTER;
    let due = data_imports::runnable(svc.db.read().await?.conn(), stale_before, 20).await?;
    for import in &due {
        start(svc, import.id);
    }
    Ok(due.len())
}

/// One import of the account, with its progress and report.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<DataImport> {
    scope.require_admin()?;
    let row = data_imports::find(svc.db.read().await?.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(render(svc, &row).await)
}

/// The signature that makes a failed-records URL unguessable.
pub fn failed_records_signature(svc: &Services, account_id: i64, id: i64) -> String {
    let mut signature = hmac_sha256_hex(
        svc.secret_key.expose(),
        format!("data_import:{account_id}:{id}").as_bytes(),
    );
    signature.truncate(32);
    signature
}

/// The path of an import's failed-records download.
pub fn failed_records_url(svc: &Services, account_id: i64, id: i64) -> String {
    format!(
        "/downloads/imports/{account_id}/{id}/{}/failed-records.csv",
        failed_records_signature(svc, account_id, id)
    )
}

/// The failed-records CSV of an import, when `signature` is its signature.
pub async fn failed_records(
    svc: &Services,
    account_id: i64,
    id: i64,
    signature: &str,
) -> Result<Vec<u8>> {
    if !constant_time_eq(&failed_records_signature(svc, account_id, id), signature) {
        return Err(Error::NotFound);
    }
    let row = data_imports::find(svc.db.read().await?.conn(), account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let path = row
        .failed_records_path
        .as_deref()
        .and_then(|p| resolve(&svc.data_dir, p))
        .ok_or(Error::NotFound)?;
    failed::read(&path).await.ok_or(Error::NotFound)
}

fn status_name(status: i16) -> &'static str {
    match status {
        data_imports::PENDING => "pending",
        data_imports::PROCESSING => "processing",
        data_imports::COMPLETED => "completed",
        _ => "failed",
    }
}

async fn render(svc: &Services, row: &Row) -> DataImport {
    let rejected_rows = match (row.rejected_records, row.failed_records_path.as_deref()) {
        (n, Some(path)) if n > 0 => match resolve(&svc.data_dir, path) {
            Some(path) => failed::rows(&path, REPORT_ROWS).await,
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    DataImport {
        id: row.id,
        data_type: row.data_type.clone(),
        status: status_name(row.status).into(),
        file_name: row.file_name.clone(),
        total_records: row.total_records.unwrap_or(0),
        processed_records: row.processed_records.unwrap_or(0),
        created_records: row.created_records,
        updated_records: row.updated_records,
        rejected_records: row.rejected_records,
        processing_errors: row.processing_errors.clone(),
        rejected_rows,
        failed_records_url: (row.rejected_records > 0)
            .then(|| failed_records_url(svc, row.account_id, row.id)),
        created_at: row.created_at.timestamp(),
        updated_at: row.updated_at.timestamp(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_file_is_valid_input() {
        let table = table::parse(SAMPLE_CSV).expect("sample parses");
        assert_eq!(table.rows.len(), 3);
        for row in &table.rows {
            row::candidate(&table.headers, &row.values).expect("sample rows are valid");
        }
    }

    #[test]
    fn file_names_lose_their_folders() {
        assert_eq!(clean_file_name("C:\\Users\\ada\\list.csv"), "list.csv");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name(""), "contacts.csv");
    }
}
