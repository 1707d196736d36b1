//! "Identify": a visitor tells who they are (client API, widget `setUser`, pre-chat form,
//! email collect). The contact of the session is merged into an existing contact with the
//! same identifier, email or phone, and the given details are written (domain.md §9.4).

use serde_json::Value;

use crate::db::Conn;
use crate::store::contacts::{self, Contact, ContactFields, Lookup};
use crate::store::{contact_inboxes, conversations, messages, notes};
use crate::{Result, Services};

use super::fields::{deep_merge, valid_phone};

/// What a visitor says about themselves; blanks change nothing.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    /// The business's own id for them.
    pub identifier: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Custom attributes (deep-merged).
    pub custom_attributes: Option<Value>,
    /// Additional attributes (deep-merged).
    pub additional_attributes: Option<Value>,
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// Identifies `current` (the session's contact) inside the caller's transaction and returns
/// the contact that survives: an existing contact found by identifier, email or phone (into
/// which `current` is merged), or `current` itself. Invalid emails and phones are ignored,
/// as on every widget path.
pub async fn identify(
    _svc: &Services,
    mut conn: Conn<'_>,
    current: Contact,
    identity: &Identity,
) -> Result<Contact> {
    let account_id = current.account_id;
    let identifier = given(&identity.identifier);
    let email = given(&identity.email)
        .map(|e| e.to_lowercase())
        .filter(|e| e.contains('@') && e.len() <= 255);
    let phone = given(&identity.phone_number).filter(|p| valid_phone(p));

    let mut contact = current;
    for (lookup, value) in [
        (Lookup::Identifier, &identifier),
        (Lookup::Email, &email),
        (Lookup::Phone, &phone),
    ] {
        let Some(value) = value else { continue };
        let Some(existing) = contacts::find_by(conn.reborrow(), account_id, lookup, value).await?
        else {
            continue;
        };
        if existing.id == contact.id {
            continue;
        }
        // Never merge two people known under different identifiers.
        let other_identifier = existing.identifier.as_ref().filter(|i| !i.is_empty());
        let ours = identifier
            .as_ref()
            .or(contact.identifier.as_ref().filter(|i| !i.is_empty()));
        if let (Some(theirs), Some(ours)) = (other_identifier, ours)
            && theirs != ours
        {
            continue;
        }
        // A phone match whose email differs from the one given is someone else.
        if lookup == Lookup::Phone
            && let (Some(their_email), Some(email)) = (&existing.email, &email)
            && their_email != email
        {
            continue;
        }
        contact = absorb(conn.reborrow(), existing, contact).await?;
    }

    let mut fields = ContactFields::from(&contact);
    if let Some(name) = given(&identity.name) {
        fields.name = name.chars().take(255).collect();
    }
    // A unique value another contact still holds (a guard stopped the merge) is left alone.
    for (lookup, value) in [
        (Lookup::Identifier, &identifier),
        (Lookup::Email, &email),
        (Lookup::Phone, &phone),
    ] {
        let Some(value) = value else { continue };
        if contacts::taken(conn.reborrow(), account_id, lookup, value, Some(contact.id)).await? {
            continue;
        }
        match lookup {
            Lookup::Identifier => fields.identifier = Some(value.clone()),
            Lookup::Email => fields.email = Some(value.clone()),
            Lookup::Phone => fields.phone_number = Some(value.clone()),
        }
    }
    for (patch, target) in [
        (&identity.custom_attributes, &mut fields.custom_attributes),
        (
            &identity.additional_attributes,
            &mut fields.additional_attributes,
        ),
    ] {
        if let Some(patch) = patch.as_ref().filter(|p| p.is_object()) {
            deep_merge(target, patch);
        }
    }
    if fields.email.is_some() || fields.phone_number.is_some() {
        fields.contact_type = fields.contact_type.max(1);
    }
    Ok(contacts::update(conn, account_id, contact.id, &fields)
        .await?
        .unwrap_or(contact))
}

/// Moves everything of `mergee` to `base`, deletes `mergee`, and returns `base` with the
/// mergee's values filling its blanks.
pub(super) async fn absorb(mut conn: Conn<'_>, base: Contact, mergee: Contact) -> Result<Contact> {
    conversations::move_contact(conn.reborrow(), mergee.id, base.id).await?;
    messages::move_contact_sender(conn.reborrow(), mergee.id, base.id).await?;
    contact_inboxes::move_all(conn.reborrow(), mergee.id, base.id).await?;
    notes::move_all(conn.reborrow(), mergee.id, base.id).await?;
    contacts::delete(conn.reborrow(), base.account_id, mergee.id).await?;
    let pick = |b: &Option<String>, m: &Option<String>| {
        b.clone()
            .filter(|v| !v.is_empty())
            .or_else(|| m.clone().filter(|v| !v.is_empty()))
    };
    let mut additional = mergee.additional_attributes.0.clone();
    deep_merge(&mut additional, &base.additional_attributes.0);
    let mut custom = mergee.custom_attributes.0.clone();
    deep_merge(&mut custom, &base.custom_attributes.0);
    let fields = ContactFields {
        name: pick(&base.name, &mergee.name).unwrap_or_default(),
        email: pick(&base.email, &mergee.email),
        phone_number: pick(&base.phone_number, &mergee.phone_number),
        identifier: pick(&base.identifier, &mergee.identifier),
        additional_attributes: additional,
        custom_attributes: custom,
        contact_type: base.contact_type.max(mergee.contact_type),
        blocked: base.blocked,
    };
    Ok(contacts::update(conn, base.account_id, base.id, &fields)
        .await?
        .unwrap_or(base))
}
