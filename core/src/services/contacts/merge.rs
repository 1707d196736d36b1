//! Merging two contacts: the base survives, the mergee's conversations, messages, inbox
//! links and notes move to it, and its attributes fill what the base lacks.

use crate::events::Event;
use crate::store::contacts;
use crate::wire::contact::Contact;
use crate::{Error, Result, Services};

use super::identify::absorb;
use super::render;
use crate::services::access::Scope;

/// Merges `mergee_id` into `base_id` in one transaction and deletes the mergee.
pub async fn merge(
    svc: &Services,
    scope: &Scope,
    base_id: Option<i64>,
    mergee_id: Option<i64>,
) -> Result<Contact> {
    let base_id = base_id.ok_or_else(|| Error::MissingParam("base_contact_id".into()))?;
    let mergee_id = mergee_id.ok_or_else(|| Error::MissingParam("mergee_contact_id".into()))?;
    if base_id == mergee_id {
        return Err(Error::Unprocessable(
            "A contact cannot be merged with itself".into(),
        ));
    }
    let mut tx = svc.db.begin().await?;
    let base = contacts::find(tx.conn(), scope.account_id, base_id)
        .await?
        .ok_or(Error::NotFound)?;
    let mergee = contacts::find(tx.conn(), scope.account_id, mergee_id)
        .await?
        .ok_or(Error::NotFound)?;
    let row = absorb(tx.conn(), base, mergee).await?;
    let contact =
        render::with_inboxes(svc, tx.conn(), scope.account_id, std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(Error::NotFound)?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "contact.merged",
        data: serde_json::json!({ "contact": render::push(&row), "merged_contact_id": mergee_id }),
    });
    Ok(contact)
}
