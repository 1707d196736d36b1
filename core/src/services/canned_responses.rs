//! Canned responses: every member of the account uses, creates and edits them;
//! administrators delete them.

use chrono::SecondsFormat;

use crate::error::Validation;
use crate::events::Event;
use crate::store::canned_responses;
use crate::wire::canned_response::{CannedResponse, CannedResponseParams};
use crate::{Error, Result, Services};

use super::access::Scope;

fn to_wire(row: canned_responses::CannedResponse) -> CannedResponse {
    CannedResponse {
        id: row.id,
        account_id: row.account_id,
        short_code: row.short_code,
        content: row.content,
        created_at: row.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        updated_at: row.updated_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    }
}

/// The account's canned responses; with `search`, those whose short code or content
/// contains it (ignoring case), best match first.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    search: Option<&str>,
) -> Result<Vec<CannedResponse>> {
    let search = search.map(str::trim).filter(|s| !s.is_empty());
    let rows =
        canned_responses::list(svc.db.read().await?.conn(), scope.account_id, search).await?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// Creates a canned response (any member).
pub async fn create(
    svc: &Services,
    scope: &Scope,
    params: &CannedResponseParams,
) -> Result<CannedResponse> {
    let (short_code, content) = checked_fields(params, None)?;
    let mut tx = svc.db.begin().await?;
    if canned_responses::short_code_taken(tx.conn(), scope.account_id, &short_code, None).await? {
        return Err(short_code_taken());
    }
    let row =
        match canned_responses::insert(tx.conn(), scope.account_id, &short_code, &content).await {
            // The same short code was saved in between.
            Err(e) if e.is_unique_violation() => return Err(short_code_taken()),
            other => other?,
        };
    tx.commit().await?;
    let canned = to_wire(row);
    publish(svc, scope, "canned_response.created", &canned);
    Ok(canned)
}

/// Changes a canned response (any member); absent fields keep their value.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    id: i64,
    params: &CannedResponseParams,
) -> Result<CannedResponse> {
    let mut tx = svc.db.begin().await?;
    let current = canned_responses::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let (short_code, content) = checked_fields(params, Some(&current))?;
    if canned_responses::short_code_taken(tx.conn(), scope.account_id, &short_code, Some(id))
        .await?
    {
        return Err(short_code_taken());
    }
    let row = match canned_responses::update(tx.conn(), scope.account_id, id, &short_code, &content)
        .await
    {
        Err(e) if e.is_unique_violation() => return Err(short_code_taken()),
        other => other?.ok_or(Error::NotFound)?,
    };
    tx.commit().await?;
    let canned = to_wire(row);
    publish(svc, scope, "canned_response.updated", &canned);
    Ok(canned)
}

/// Deletes a canned response (administrators).
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    if !canned_responses::delete(tx.conn(), scope.account_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "canned_response.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

fn short_code_taken() -> Error {
    Error::invalid("short_code", "Short code has already been taken")
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, canned: &CannedResponse) {
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: serde_json::to_value(canned).unwrap_or_default(),
    });
}

/// The short code (trimmed: agents type it after `/`) and the content, both required.
fn checked_fields(
    params: &CannedResponseParams,
    current: Option<&canned_responses::CannedResponse>,
) -> Result<(String, String)> {
    let mut errors = Validation::default();
    let short_code = match (&params.short_code, current) {
        (Some(code), _) => code.trim().to_owned(),
        (None, Some(current)) => current.short_code.clone(),
        (None, None) => String::new(),
    };
    if short_code.is_empty() {
        errors.push("short_code", "Short code can't be blank");
    }
    let content = match (&params.content, current) {
        (Some(content), _) => content.clone(),
        (None, Some(current)) => current.content.clone(),
        (None, None) => String::new(),
    };
    if content.trim().is_empty() {
        errors.push("content", "Content can't be blank");
    }
    errors.finish()?;
    Ok((short_code, content))
}
