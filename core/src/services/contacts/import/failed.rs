//! The failed-records file: the refused rows as CSV, with the file's columns and an `errors`
//! column ("Row 3: Email is invalid"), as Chatwoot keeps it. It can be fixed and imported
//! again (the importer ignores the `errors` column).
//!
//! Rows are appended batch by batch before the batch commits; a resumed import first cuts
//! the file back to the rejected count its last committed batch stored.

use std::path::Path;

use tokio::io::AsyncWriteExt;

use crate::wire::data_import::RejectedRow;
use crate::{Error, Result};

use super::table::{ERRORS_COLUMN, Row};

fn io(context: &str, e: std::io::Error) -> Error {
    Error::Internal(format!("failed-records file ({context}): {e}"))
}

fn csv_bytes(lines: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for line in lines {
        writer
            .write_record(&line)
            .map_err(|e| Error::Internal(format!("failed-records CSV: {e}")))?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Internal(format!("failed-records CSV: {e}")))
}

/// Adds refused rows (with their reasons) to the file, writing the header first.
pub async fn append(path: &Path, headers: &[String], rows: &[(Row, String)]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let fresh = tokio::fs::metadata(path)
        .await
        .map_or(true, |m| m.len() == 0);
    let mut lines = Vec::with_capacity(rows.len() + 1);
    if fresh {
        let mut header = headers.to_vec();
        header.push(ERRORS_COLUMN.to_owned());
        lines.push(header);
    }
    for (row, reason) in rows {
        let mut values = row.values.clone();
        values.resize(headers.len(), String::new());
        values.push(format!("Row {}: {reason}", row.number));
        lines.push(values);
    }
    let bytes = csv_bytes(lines)?;
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| io("directory", e))?;
    }
    let mut file = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .await
        .map_err(|e| io("open", e))?;
    file.write_all(&bytes).await.map_err(|e| io("write", e))?;
    file.flush().await.map_err(|e| io("flush", e))
}

fn records(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let rows = reader.records().filter_map(|r| r.ok()).collect();
    (headers, rows)
}

/// Keeps only the first `keep` rows (what the committed batches refused).
pub async fn truncate(path: &Path, keep: i64) -> Result<()> {
    let Ok(text) = tokio::fs::read_to_string(path).await else {
        return Ok(());
    };
    let (headers, rows) = records(&text);
    let keep = usize::try_from(keep).unwrap_or(0);
    if rows.len() <= keep {
        return Ok(());
    }
    if keep == 0 {
        return tokio::fs::remove_file(path)
            .await
            .map_err(|e| io("remove", e));
    }
    let lines = std::iter::once(headers).chain(
        rows.iter()
            .take(keep)
            .map(|r| r.iter().map(str::to_owned).collect()),
    );
    let bytes = csv_bytes(lines)?;
    tokio::fs::write(path, bytes)
        .await
        .map_err(|e| io("rewrite", e))
}

/// The file's bytes, if it exists.
pub async fn read(path: &Path) -> Option<Vec<u8>> {
    tokio::fs::read(path).await.ok()
}

/// The first `limit` refused rows, for the report.
pub async fn rows(path: &Path, limit: usize) -> Vec<RejectedRow> {
    let Ok(text) = tokio::fs::read_to_string(path).await else {
        return Vec::new();
    };
    let (headers, rows) = records(&text);
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (name, email, phone, identifier, errors) = (
        column("name"),
        column("email"),
        column("phone_number"),
        column("identifier"),
        column(ERRORS_COLUMN),
    );
    let cell = |record: &csv::StringRecord, index: Option<usize>| {
        index
            .and_then(|i| record.get(i))
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    rows.iter()
        .take(limit)
        .map(|record| {
            let text = cell(record, errors).unwrap_or_default();
            let (row, reason) = split_reason(&text);
            RejectedRow {
                row,
                name: cell(record, name),
                email: cell(record, email),
                phone_number: cell(record, phone),
                identifier: cell(record, identifier),
                errors: reason,
            }
        })
        .collect()
}

/// `"Row 3: Email is invalid"` → `(3, "Email is invalid")`.
fn split_reason(text: &str) -> (i64, String) {
    text.strip_prefix("Row ")
        .and_then(|rest| rest.split_once(": "))
        .and_then(|(n, reason)| Some((n.parse().ok()?, reason.to_owned())))
        .unwrap_or((0, text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: i64, values: &[&str]) -> Row {
        Row {
            number,
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    #[tokio::test]
    async fn rows_are_appended_read_back_and_cut() {
        let dir = std::env::temp_dir().join(format!("onechat-failed-{}", crate::secrets::uuid()));
        let path = dir.join("failed.csv");
        let headers = vec!["name".to_owned(), "email".to_owned()];
        append(
            &path,
            &headers,
            &[(row(3, &["Bob", "bad"]), "Email is invalid".into())],
        )
        .await
        .unwrap();
        append(
            &path,
            &headers,
            &[(
                row(5, &["Eve, Jr", "e@x.io"]),
                "Duplicate of row 4 (email)".into(),
            )],
        )
        .await
        .unwrap();
        let text = tokio::fs::read_to_string(&path).await.unwrap();
        assert_eq!(
            text,
            "name,email,errors\nBob,bad,Row 3: Email is invalid\n\"Eve, Jr\",e@x.io,Row 5: Duplicate of row 4 (email)\n"
        );
        let listed = rows(&path, 10).await;
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[1].row, 5);
        assert_eq!(listed[1].name.as_deref(), Some("Eve, Jr"));
        assert_eq!(listed[1].errors, "Duplicate of row 4 (email)");

        truncate(&path, 1).await.unwrap();
        assert_eq!(rows(&path, 10).await.len(), 1);
        truncate(&path, 0).await.unwrap();
        assert!(read(&path).await.is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
