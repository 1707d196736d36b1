//! Contacts: the account's address book. Every member sees all contacts of the account;
//! what they see of a contact's conversations follows their inboxes.

pub mod fields;
mod identify;
pub mod import;
mod merge;
mod notes;
pub mod render;

pub use identify::{Identity, identify};
pub use merge::merge;
pub use notes::{create_note, delete_note, list_notes, update_note};

use crate::events::Event;
use crate::secrets::{random_token, uuid};
use crate::store::contact_inboxes;
use crate::store::contacts::{self, ListQuery, Sort};
use crate::store::inboxes::{self, API, WEB_WIDGET};
use crate::store::taggings::{self, Taggable};
use crate::wire::contact::{Contact, ContactInbox, ContactListMeta, ContactParams, CreatedContact};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::inboxes::slim;

/// Contacts per page (Chatwoot's 15).
pub const PAGE_SIZE: i64 = 15;

/// What a contact list asks for.
#[derive(Debug, Clone, Default)]
pub struct ListParams {
    /// 1-based page.
    pub page: Option<i64>,
    /// `name`, `-last_activity_at`…
    pub sort: Option<String>,
    /// Any of these labels.
    pub labels: Vec<String>,
    /// Include `contact_inboxes` (default true).
    pub include_contact_inboxes: Option<bool>,
}

fn page_of(page: Option<i64>) -> i64 {
    page.unwrap_or(1).max(1)
}

async fn list_with(
    svc: &Services,
    scope: &Scope,
    params: &ListParams,
    search: Option<String>,
) -> Result<(ContactListMeta, Vec<Contact>)> {
    let page = page_of(params.page);
    let sort = parse_sort(params.sort.as_deref())?;
    let query = ListQuery {
        resolved_only: search.is_none(),
        labels: params.labels.clone(),
        search,
        sort,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        condition: None,
    };
    let mut handle = svc.db.read().await?;
    let (rows, count) = contacts::list(handle.conn(), scope.account_id, &query).await?;
    let payload = if params.include_contact_inboxes.unwrap_or(true) {
        render::with_inboxes(svc, handle.conn(), scope.account_id, &rows).await?
    } else {
        rows.iter().map(|row| render::contact(svc, row)).collect()
    };
    Ok((
        ContactListMeta {
            count,
            current_page: page,
        },
        payload,
    ))
}

/// The account's contacts that can be reached (email, phone or identifier), 15 a page.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    params: &ListParams,
) -> Result<(ContactListMeta, Vec<Contact>)> {
    list_with(svc, scope, params, None).await
}

/// Contacts whose name, email, phone, company or identifier contains `q`.
pub async fn search(
    svc: &Services,
    scope: &Scope,
    q: Option<&str>,
    params: &ListParams,
) -> Result<(ContactListMeta, Vec<Contact>)> {
    let q = q
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .ok_or_else(|| Error::MissingParam("q".into()))?;
    list_with(svc, scope, params, Some(q.to_owned())).await
}

/// Chatwoot's `sort` parameter (`name`, `-last_activity_at`…); empty means the default order.
fn parse_sort(raw: Option<&str>) -> Result<Option<(Sort, bool)>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => Sort::parse(raw)
            .map(Some)
            .ok_or_else(|| Error::invalid("sort", format!("Sort {raw} is not supported"))),
        None => Ok(None),
    }
}

/// Contacts matching an advanced filter, 15 a page, in `sort`'s order (as the list).
pub async fn filter(
    svc: &Services,
    scope: &Scope,
    params: &crate::services::filters::FilterParams,
    sort: Option<&str>,
) -> Result<(ContactListMeta, Vec<Contact>)> {
    let sort = parse_sort(sort)?;
    use crate::services::filters::{self, Model};
    let mut handle = svc.db.read().await?;
    let custom_keys =
        crate::store::filter_sql::custom_attribute_keys(handle.conn(), scope.account_id, 1).await?;
    let condition = filters::build(
        Model::Contact,
        svc.db.backend(),
        &params.payload,
        &custom_keys,
    )?;
    let page = page_of(params.page);
    let query = ListQuery {
        resolved_only: false,
        labels: Vec::new(),
        search: None,
        sort,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        condition: Some(condition),
    };
    let (rows, count) = contacts::list(handle.conn(), scope.account_id, &query).await?;
    let payload = render::with_inboxes(svc, handle.conn(), scope.account_id, &rows).await?;
    Ok((
        ContactListMeta {
            count,
            current_page: page,
        },
        payload,
    ))
}

/// The contact's 20 most recent conversations in inboxes the caller may see.
pub async fn conversations(
    svc: &Services,
    scope: &Scope,
    id: i64,
) -> Result<Vec<crate::wire::conversation::Conversation>> {
    let mut handle = svc.db.read().await?;
    contacts::find(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = crate::store::conversations::of_contact(
        handle.conn(),
        scope.account_id,
        id,
        scope.inbox_filter(),
        20,
    )
    .await?;
    crate::services::conversations::render::render_many(svc, handle.conn(), &rows, scope.user_id())
        .await
}

/// One contact with its inboxes.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<Contact> {
    let mut handle = svc.db.read().await?;
    let row = contacts::find(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    render::with_inboxes(
        svc,
        handle.conn(),
        scope.account_id,
        std::slice::from_ref(&row),
    )
    .await?
    .pop()
    .ok_or(Error::NotFound)
}

/// Creates a contact, linked to `inbox_id` when given.
pub async fn create(
    svc: &Services,
    scope: &Scope,
    params: &ContactParams,
) -> Result<CreatedContact> {
    let mut tx = svc.db.begin().await?;
    let inbox = match params.inbox_id {
        Some(inbox_id) => {
            scope.require_inbox(inbox_id)?;
            Some(
                inboxes::find(tx.conn(), scope.account_id, inbox_id)
                    .await?
                    .ok_or(Error::NotFound)?,
            )
        }
        None => None,
    };
    let fields = fields::checked(tx.conn(), scope.account_id, params, None).await?;
    let row = contacts::insert(tx.conn(), scope.account_id, &fields)
        .await
        .map_err(fields::unique_violation)?;
    let link = match &inbox {
        Some(inbox) => {
            let source_id = params
                .source_id
                .clone()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(uuid);
            if contact_inboxes::find_by_source(tx.conn(), inbox.id, &source_id)
                .await?
                .is_some()
            {
                return Err(Error::invalid("source_id", "Source has already been taken"));
            }
            let link = contact_inboxes::insert(
                tx.conn(),
                row.id,
                inbox.id,
                &source_id,
                &random_token(24),
                false,
            )
            .await?;
            Some(ContactInbox {
                source_id: link.source_id,
                inbox: slim(inbox),
            })
        }
        None => None,
    };
    let contact =
        render::with_inboxes(svc, tx.conn(), scope.account_id, std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(Error::NotFound)?;
    tx.commit().await?;
    publish(svc, scope.account_id, "contact.created", &row);
    Ok(CreatedContact {
        contact,
        contact_inbox: link,
    })
}

/// Changes a contact; attributes are merged into the stored ones.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    id: i64,
    params: &ContactParams,
) -> Result<Contact> {
    let mut tx = svc.db.begin().await?;
    let current = contacts::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = fields::checked(tx.conn(), scope.account_id, params, Some(&current)).await?;
    let row = contacts::update(tx.conn(), scope.account_id, id, &fields)
        .await
        .map_err(fields::unique_violation)?
        .ok_or(Error::NotFound)?;
    let contact =
        render::with_inboxes(svc, tx.conn(), scope.account_id, std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(Error::NotFound)?;
    tx.commit().await?;
    publish(svc, scope.account_id, "contact.updated", &row);
    Ok(contact)
}

/// Deletes a contact with its conversations. Administrators only (as Chatwoot's contact
/// policy); refused while the contact is online.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    if svc.presence.contact_status(scope.account_id, id) == "online" {
        return Err(Error::Unprocessable(
            "The contact is online and cannot be deleted right now".into(),
        ));
    }
    let mut tx = svc.db.begin().await?;
    let row = contacts::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    contacts::delete(tx.conn(), scope.account_id, id).await?;
    tx.commit().await?;
    publish(svc, scope.account_id, "contact.deleted", &row);
    Ok(())
}

/// Removes custom attribute keys from a contact.
pub async fn destroy_custom_attributes(
    svc: &Services,
    scope: &Scope,
    id: i64,
    keys: &[String],
) -> Result<Contact> {
    let mut tx = svc.db.begin().await?;
    let current = contacts::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut custom = current.custom_attributes.0.clone();
    if let Some(map) = custom.as_object_mut() {
        for key in keys {
            map.remove(key);
        }
    }
    let mut fields = fields::checked(
        tx.conn(),
        scope.account_id,
        &ContactParams::default(),
        Some(&current),
    )
    .await?;
    fields.custom_attributes = custom;
    let row = contacts::update(tx.conn(), scope.account_id, id, &fields)
        .await?
        .ok_or(Error::NotFound)?;
    let contact =
        render::with_inboxes(svc, tx.conn(), scope.account_id, std::slice::from_ref(&row))
            .await?
            .pop()
            .ok_or(Error::NotFound)?;
    tx.commit().await?;
    publish(svc, scope.account_id, "contact.updated", &row);
    Ok(contact)
}

/// Links a contact to an inbox the caller may use.
pub async fn add_contact_inbox(
    svc: &Services,
    scope: &Scope,
    id: i64,
    inbox_id: Option<i64>,
    source_id: Option<String>,
    hmac_verified: bool,
) -> Result<ContactInbox> {
    let inbox_id = inbox_id.ok_or_else(|| Error::MissingParam("inbox_id".into()))?;
    scope.require_inbox(inbox_id)?;
    let mut tx = svc.db.begin().await?;
    contacts::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let inbox = inboxes::find(tx.conn(), scope.account_id, inbox_id)
        .await?
        .ok_or(Error::NotFound)?;
    let source_id = source_id
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(uuid);
    if contact_inboxes::find_by_source(tx.conn(), inbox.id, &source_id)
        .await?
        .is_some()
    {
        return Err(Error::invalid("source_id", "Source has already been taken"));
    }
    let link = contact_inboxes::insert(
        tx.conn(),
        id,
        inbox.id,
        &source_id,
        &random_token(24),
        hmac_verified,
    )
    .await?;
    tx.commit().await?;
    Ok(ContactInbox {
        source_id: link.source_id,
        inbox: slim(&inbox),
    })
}

/// The inboxes the caller could start a conversation with this contact in: API inboxes
/// (with the contact's source id there, or a new one) and the widget inboxes the contact
/// already uses.
pub async fn contactable_inboxes(
    svc: &Services,
    scope: &Scope,
    id: i64,
) -> Result<Vec<ContactInbox>> {
    let mut handle = svc.db.read().await?;
    contacts::find(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let links = contact_inboxes::of_contacts(handle.conn(), &[id]).await?;
    let rows = inboxes::list(handle.conn(), scope.account_id, scope.inbox_filter()).await?;
    let mut out = Vec::new();
    for inbox in rows {
        let existing = links
            .iter()
            .find(|l| l.inbox_id == inbox.id)
            .map(|l| l.source_id.clone());
        let source_id = match (inbox.channel_type.as_str(), existing) {
            (_, Some(source_id)) => source_id,
            (API, None) => uuid(),
            (WEB_WIDGET, None) | (_, None) => continue,
        };
        out.push(ContactInbox {
            source_id,
            inbox: slim(&inbox),
        });
    }
    Ok(out)
}

/// A contact's labels.
pub async fn labels(svc: &Services, scope: &Scope, id: i64) -> Result<Vec<String>> {
    let mut handle = svc.db.read().await?;
    contacts::find(handle.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    taggings::labels_of(handle.conn(), Taggable::Contact, id).await
}

/// Makes a contact's labels exactly `labels`.
pub async fn set_labels(
    svc: &Services,
    scope: &Scope,
    id: i64,
    labels: &[String],
) -> Result<Vec<String>> {
    let labels = normalise_labels(labels)?;
    let mut tx = svc.db.begin().await?;
    let row = contacts::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    taggings::replace(tx.conn(), scope.account_id, Taggable::Contact, id, &labels).await?;
    let stored = taggings::labels_of(tx.conn(), Taggable::Contact, id).await?;
    tx.commit().await?;
    publish(svc, scope.account_id, "contact.updated", &row);
    Ok(stored)
}

/// Trims, drops blanks and duplicates, and refuses over-long label names.
pub fn normalise_labels(labels: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for label in labels {
        let label = label.trim();
        if label.is_empty() {
            continue;
        }
        if label.chars().count() > 255 {
            return Err(Error::invalid(
                "labels",
                "Labels are too long (maximum is 255 characters)",
            ));
        }
        if !out.iter().any(|l| l == label) {
            out.push(label.to_owned());
        }
    }
    Ok(out)
}

fn publish(svc: &Services, account_id: i64, name: &'static str, row: &contacts::Contact) {
    svc.events.publish(Event {
        account_id,
        name,
        data: serde_json::to_value(render::push(row)).unwrap_or_default(),
    });
}
