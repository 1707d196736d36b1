//! Inboxes and their channels (website widget and API): listing with the visibility rules,
//! and administrators creating, changing and deleting them.

pub mod hours;
pub mod pre_chat;
mod render;
mod settings;

pub use render::{render_many, slim};

use crate::db::Conn;
use crate::events::Event;
use crate::secrets::random_token;
use crate::store::channels;
use crate::store::inboxes::{self, API, WEB_WIDGET};
use crate::wire::inbox::{Inbox, InboxParams};
use crate::{Error, Result, Services};

use super::access::Scope;

/// The inboxes the caller may see (agents: those they are members of).
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<Inbox>> {
    let mut handle = svc.db.read().await?;
    let rows = inboxes::list(handle.conn(), scope.account_id, scope.inbox_filter()).await?;
    render_many(svc, handle.conn(), rows, scope.is_admin()).await
}

/// One inbox the caller may see.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<Inbox> {
    scope.require_inbox(id)?;
    let mut handle = svc.db.read().await?;
    let row = inboxes::find(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    one(svc, handle.conn(), row, scope.is_admin()).await
}

/// Creates a website or API inbox (administrators).
pub async fn create(svc: &Services, scope: &Scope, params: &InboxParams) -> Result<Inbox> {
    scope.require_admin()?;
    let channel = params.channel.clone().unwrap_or_default();
    let kind = match channel.kind.as_deref() {
        Some("web_widget") => WEB_WIDGET,
        Some("api") => API,
        Some(other) => {
            return Err(Error::invalid(
                "channel",
                format!("Channel type {other} is not supported"),
            ));
        }
        None => return Err(Error::MissingParam("channel".into())),
    };
    let fields = settings::inbox_fields(params, None)?;
    let mut tx = svc.db.begin().await?;
    let channel_id = match kind {
        WEB_WIDGET => {
            let widget = settings::widget_fields(&channel, None)?;
            channels::insert_web_widget(
                tx.conn(),
                scope.account_id,
                &random_token(24),
                &random_token(24),
                &widget,
            )
            .await?
            .id
        }
        _ => {
            let api = settings::api_fields(&channel, None)?;
            channels::insert_api(
                tx.conn(),
                scope.account_id,
                &random_token(24),
                &random_token(24),
                &api,
            )
            .await?
            .id
        }
    };
    let row = inboxes::insert(tx.conn(), scope.account_id, kind, channel_id, &fields).await?;
    inboxes::replace_working_hours(
        tx.conn(),
        scope.account_id,
        row.id,
        &settings::default_working_hours(),
    )
    .await?;
    let inbox = one(svc, tx.conn(), row, true).await?;
    tx.commit().await?;
    publish(svc, scope, "inbox.created", &inbox);
    Ok(inbox)
}

/// Changes an inbox and its channel (administrators); absent fields keep their value.
pub async fn update(svc: &Services, scope: &Scope, id: i64, params: &InboxParams) -> Result<Inbox> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = inboxes::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = settings::inbox_fields(params, Some(&current))?;
    let channel = params.channel.clone().unwrap_or_default();
    match current.channel_type.as_str() {
        WEB_WIDGET => {
            let existing = channels::web_widget(tx.conn(), current.channel_id)
                .await?
                .ok_or(Error::NotFound)?;
            let widget = settings::widget_fields(&channel, Some(&existing))?;
            channels::update_web_widget(tx.conn(), existing.id, &widget).await?;
        }
        API => {
            let existing = channels::api(tx.conn(), current.channel_id)
                .await?
                .ok_or(Error::NotFound)?;
            let api = settings::api_fields(&channel, Some(&existing))?;
            channels::update_api(tx.conn(), existing.id, &api).await?;
        }
        _ => {}
    }
    if let Some(days) = &params.working_hours {
        let days = settings::working_hours(days)?;
        inboxes::replace_working_hours(tx.conn(), scope.account_id, id, &days).await?;
    }
    let row = inboxes::update(tx.conn(), scope.account_id, id, &fields)
        .await?
        .ok_or(Error::NotFound)?;
    let inbox = one(svc, tx.conn(), row, true).await?;
    tx.commit().await?;
    publish(svc, scope, "inbox.updated", &inbox);
    Ok(inbox)
}

/// Deletes an inbox with its conversations (administrators).
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let inbox = inboxes::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    inboxes::delete(tx.conn(), scope.account_id, id).await?;
    channels::delete(tx.conn(), &inbox.channel_type, inbox.channel_id).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "inbox.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

async fn one(svc: &Services, conn: Conn<'_>, row: inboxes::Inbox, admin: bool) -> Result<Inbox> {
    render_many(svc, conn, vec![row], admin)
        .await?
        .pop()
        .ok_or(Error::NotFound)
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, inbox: &Inbox) {
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: serde_json::to_value(inbox).unwrap_or_default(),
    });
}
