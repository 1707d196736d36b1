//! Notes about a contact: any member writes them; the editor becomes the author.

use std::collections::HashMap;

use crate::db::Conn;
use crate::store::{account_users, contacts, notes};
use crate::wire::contact::{Note, NoteParams};
use crate::{Error, Result, Services};

use crate::services::access::Scope;
use crate::services::agents;

/// A contact's notes, newest first.
pub async fn list_notes(svc: &Services, scope: &Scope, contact_id: i64) -> Result<Vec<Note>> {
    let mut handle = svc.db.read().await?;
    contacts::find(handle.conn(), scope.account_id, contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = notes::list(handle.conn(), scope.account_id, contact_id).await?;
    render(svc, handle.conn(), scope.account_id, rows).await
}

/// Adds a note.
pub async fn create_note(
    svc: &Services,
    scope: &Scope,
    contact_id: i64,
    params: &NoteParams,
) -> Result<Note> {
    let content = content(params)?;
    let mut tx = svc.db.begin().await?;
    contacts::find(tx.conn(), scope.account_id, contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    let row = notes::insert(
        tx.conn(),
        scope.account_id,
        contact_id,
        scope.user_id(),
        &content,
    )
    .await?;
    let note = render(svc, tx.conn(), scope.account_id, vec![row])
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(note)
}

/// Rewrites a note.
pub async fn update_note(
    svc: &Services,
    scope: &Scope,
    contact_id: i64,
    id: i64,
    params: &NoteParams,
) -> Result<Note> {
    let content = content(params)?;
    let mut tx = svc.db.begin().await?;
    notes::find(tx.conn(), scope.account_id, contact_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let row = notes::update(tx.conn(), scope.account_id, id, scope.user_id(), &content)
        .await?
        .ok_or(Error::NotFound)?;
    let note = render(svc, tx.conn(), scope.account_id, vec![row])
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(note)
}

/// Deletes a note.
pub async fn delete_note(svc: &Services, scope: &Scope, contact_id: i64, id: i64) -> Result<()> {
    let mut tx = svc.db.begin().await?;
    notes::find(tx.conn(), scope.account_id, contact_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    notes::delete(tx.conn(), scope.account_id, id).await?;
    tx.commit().await
}

fn content(params: &NoteParams) -> Result<String> {
    let content = params.content.as_deref().map(str::trim).unwrap_or_default();
    if content.is_empty() {
        return Err(Error::invalid("content", "Content can't be blank"));
    }
    if content.chars().count() > 50_000 {
        return Err(Error::invalid(
            "content",
            "Content is too long (maximum is 50000 characters)",
        ));
    }
    Ok(content.to_owned())
}

async fn render(
    svc: &Services,
    conn: Conn<'_>,
    account_id: i64,
    rows: Vec<notes::Note>,
) -> Result<Vec<Note>> {
    let mut user_ids: Vec<i64> = rows.iter().filter_map(|n| n.user_id).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let authors: HashMap<i64, _> = account_users::find_agents(conn, account_id, &user_ids)
        .await?
        .into_iter()
        .map(|row| (row.id, agents::to_wire(svc, row)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| Note {
            id: row.id,
            content: row.content,
            account_id: row.account_id,
            contact_id: row.contact_id,
            user: row.user_id.and_then(|id| authors.get(&id).cloned()),
            created_at: row.created_at.timestamp(),
            updated_at: row.updated_at.timestamp(),
        })
        .collect())
}
