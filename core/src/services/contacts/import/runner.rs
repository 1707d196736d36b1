//! Going through an import's rows: each batch of rows is written in one transaction together
//! with the import's counts, so the progress shown is always what is saved, and an import
//! stopped half-way (a restart) resumes after its last committed batch.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::TimeDelta;

use crate::db::Conn;
use crate::services::uploads::resolve;
use crate::store::contacts::{self, Lookup};
use crate::store::data_imports::{self, Counts, DataImport};
use crate::{Error, Result, Services};

use super::super::fields;
use super::failed;
use super::row::{Candidate, candidate};
use super::table::{self, Row};

/// Rows written per transaction: small enough that progress moves every second and a
/// transaction never holds the (SQLite) writer for long.
const BATCH: usize = 25;

/// A processing import whose counts have not moved for this long was abandoned by its runner
/// (the server stopped); another runner takes it over.
pub const STALE_AFTER: TimeDelta = TimeDelta::seconds(60);

/// The reason given when a row lost a race for a unique value with another write.
const TAKEN: &str = "Email, phone number or identifier has already been taken";

/// What a row did.
enum Outcome {
    Created,
    Updated,
    Rejected(String),
}

/// A row with what the file alone says about it (its fields, or why it is refused).
type Prepared = (Row, Result<Candidate, String>);

/// Runs import `id` if no other runner holds it. `None` when there was nothing to do.
pub async fn process(svc: &Services, id: i64) -> Result<Option<Counts>> {
    let stale_before = crate::store::now() - STALE_AFTER;
    let claimed = {
        let mut tx = svc.db.begin().await?;
        let claimed = data_imports::claim(tx.conn(), id, stale_before).await?;
        tx.commit().await?;
        claimed
    };
    let Some(import) = claimed else {
        return Ok(None);
    };
    let result = run(svc, &import).await;
    match &result {
        Ok(Some(counts)) => tracing::info!(
            data_import.id = import.id,
            account.id = import.account_id,
            created = counts.created,
            updated = counts.updated,
            rejected = counts.rejected,
            "contact import finished"
        ),
        Ok(None) => {}
        Err(error) => tracing::warn!(
            data_import.id = import.id,
            %error,
            "contact import stopped; it resumes on a later run"
        ),
    }
    result
}

async fn fail(svc: &Services, id: i64, reason: &str) -> Result<Option<Counts>> {
    let mut tx = svc.db.begin().await?;
    data_imports::fail(tx.conn(), id, reason).await?;
    tx.commit().await?;
    tracing::info!(
        data_import.id = id,
        "contact import failed: unreadable file"
    );
    Ok(None)
}

fn path_of(svc: &Services, relative: Option<&str>) -> Option<PathBuf> {
    relative.and_then(|r| resolve(&svc.data_dir, r))
}

async fn run(svc: &Services, import: &DataImport) -> Result<Option<Counts>> {
    let Some(source) = path_of(svc, import.import_file_path.as_deref()) else {
        return fail(svc, import.id, "The uploaded file is missing").await;
    };
    let Ok(bytes) = tokio::fs::read(&source).await else {
        return fail(svc, import.id, "The uploaded file is missing").await;
    };
    let parsed = table::clean_text(&bytes)
        .ok_or_else(|| "The file is not a CSV file".to_owned())
        .and_then(|text| table::parse(&text));
    let table = match parsed {
        Ok(table) => table,
        Err(reason) => return fail(svc, import.id, &reason).await,
    };
    let failed_path = path_of(svc, import.failed_records_path.as_deref())
        .ok_or_else(|| Error::Internal("bad failed-records path".into()))?;
    let mut counts = import.counts();
    failed::truncate(&failed_path, counts.rejected).await?;

    let prepared = prepare(&table);
    let start = usize::try_from(counts.processed)
        .unwrap_or(0)
        .min(prepared.len());
    for chunk in prepared[start..].chunks(BATCH) {
        let written = match write(svc, import, &table.headers, &failed_path, chunk, counts).await {
            Err(e) if e.is_unique_violation() => {
                one_by_one(svc, import, &table.headers, &failed_path, chunk, counts).await
            }
            other => other,
        }?;
        match written {
            Some(next) => counts = next,
            // Another runner took the import over.
            None => return Ok(None),
        }
    }
    let mut tx = svc.db.begin().await?;
    data_imports::complete(tx.conn(), import.id).await?;
    tx.commit().await?;
    Ok(Some(counts))
}

/// What the file alone decides: each row's fields or its reasons, and rows repeating an
/// identifier, email or phone of an earlier row refused as duplicates. Pure, so a resumed
/// import decides exactly as the first run did.
fn prepare(table: &table::Table) -> Vec<Prepared> {
    let mut seen: HashMap<String, i64> = HashMap::new();
    table
        .rows
        .iter()
        .map(|row| {
            let checked = candidate(&table.headers, &row.values).and_then(|c| {
                let keys = c.keys();
                if let Some((label, first)) = keys
                    .iter()
                    .find_map(|(label, key)| seen.get(key).map(|first| (*label, *first)))
                {
                    return Err(format!(
                        "Duplicate of row {first} in this file (same {label})"
                    ));
                }
                for (_, key) in keys {
                    seen.insert(key, row.number);
                }
                Ok(c)
            });
            (row.clone(), checked)
        })
        .collect()
}

/// When a batch lost a race for a unique value, its rows are written one at a time and the
/// row that still fails is refused.
async fn one_by_one(
    svc: &Services,
    import: &DataImport,
    headers: &[String],
    failed_path: &std::path::Path,
    chunk: &[Prepared],
    mut counts: Counts,
) -> Result<Option<Counts>> {
    for prepared in chunk {
        let single = std::slice::from_ref(prepared);
        let written = match write(svc, import, headers, failed_path, single, counts).await {
            Err(e) if e.is_unique_violation() => {
                let refused = [(prepared.0.clone(), Err(TAKEN.to_owned()))];
                write(svc, import, headers, failed_path, &refused, counts).await
            }
            other => other,
        }?;
        match written {
            Some(next) => counts = next,
            None => return Ok(None),
        }
    }
    Ok(Some(counts))
}

/// Writes one batch and the counts after it, in one transaction. `None` when another runner
/// holds the import (nothing written).
async fn write(
    svc: &Services,
    import: &DataImport,
    headers: &[String],
    failed_path: &std::path::Path,
    rows: &[Prepared],
    counts: Counts,
) -> Result<Option<Counts>> {
    let mut tx = svc.db.begin().await?;
    let mut next = counts;
    let mut refused = Vec::new();
    for (row, checked) in rows {
        let outcome = match checked {
            Err(reason) => Outcome::Rejected(reason.clone()),
            Ok(fields) => save(tx.conn(), import.account_id, fields).await?,
        };
        next.processed += 1;
        match outcome {
            Outcome::Created => next.created += 1,
            Outcome::Updated => next.updated += 1,
            Outcome::Rejected(reason) => {
                next.rejected += 1;
                refused.push((row.clone(), reason));
            }
        }
    }
    // The counts first: they fail (and nothing is appended) if another runner took over.
    if !data_imports::advance(tx.conn(), import.id, counts.processed, next).await? {
        return Ok(None);
    }
    failed::append(failed_path, headers, &refused).await?;
    tx.commit().await?;
    Ok(Some(next))
}

/// Creates the row's contact, or updates the one with its identifier, email or phone (in
/// that order, domain.md §9.3). Broken contact rules refuse the row.
async fn save(mut conn: Conn<'_>, account_id: i64, row: &Candidate) -> Result<Outcome> {
    let mut existing = None;
    for (lookup, value) in [
        (Lookup::Identifier, &row.identifier),
        (Lookup::Email, &row.email),
        (Lookup::Phone, &row.phone_number),
    ] {
        if let Some(value) = value
            && let Some(found) =
                contacts::find_by(conn.reborrow(), account_id, lookup, value).await?
        {
            existing = Some(found);
            break;
        }
    }
    let params = row.params();
    let checked = fields::checked(conn.reborrow(), account_id, &params, existing.as_ref()).await;
    let fields = match checked {
        Ok(fields) => fields,
        Err(Error::Invalid(v)) => return Ok(Outcome::Rejected(v.message())),
        Err(other) => return Err(other),
    };
    Ok(match existing {
        Some(current) => {
            contacts::update(conn, account_id, current.id, &fields).await?;
            Outcome::Updated
        }
        None => {
            contacts::insert(conn, account_id, &fields).await?;
            Outcome::Created
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_rows_repeating_a_value_are_duplicates_of_the_first() {
        let table = table::parse(
            "email,identifier\na@example.com,1\nb@example.com,2\nA@example.com,3\nbad,2\nc@example.com,2\n",
        )
        .unwrap();
        let reasons: Vec<Option<String>> = prepare(&table)
            .into_iter()
            .map(|(_, checked)| checked.err())
            .collect();
        assert_eq!(
            reasons,
            vec![
                None,
                None,
                Some("Duplicate of row 2 in this file (same email)".into()),
                Some("Email is invalid".into()),
                Some("Duplicate of row 3 in this file (same identifier)".into()),
            ]
        );
    }
}
