//! Contacts as the API sends and accepts them (interfaces.md §2.3, §2.19).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::agent::Agent;
use super::inbox::InboxSlim;

/// A contact (REST). `contact_inboxes` is present in lists and on the contact page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// city, country, company_name, social profiles…
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// `online` or `offline`.
    pub availability_status: String,
    /// Lower-case email.
    pub email: Option<String>,
    /// Contact id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// E.164 phone number.
    pub phone_number: Option<String>,
    /// Blocked contacts' messages reopen nothing.
    pub blocked: bool,
    /// The business's own id for the contact.
    pub identifier: Option<String>,
    /// Avatar URL, or "".
    pub thumbnail: String,
    /// Attributes defined by the account.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// Last activity (unix seconds).
    pub last_activity_at: Option<i64>,
    /// Created (unix seconds).
    pub created_at: i64,
    /// The inboxes the contact is reachable in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_inboxes: Option<Vec<ContactInbox>>,
}

/// A contact's link to an inbox, as listed in contact JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactInbox {
    /// The contact's id in the inbox's channel.
    pub source_id: String,
    /// The inbox.
    pub inbox: InboxSlim,
}

/// The contact inside events and messages (`push_event_data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactPush {
    /// Additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub additional_attributes: Value,
    /// Custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub custom_attributes: Value,
    /// Email.
    pub email: Option<String>,
    /// Contact id.
    pub id: i64,
    /// External id.
    pub identifier: Option<String>,
    /// Name.
    pub name: String,
    /// Phone.
    pub phone_number: Option<String>,
    /// Avatar URL, or "".
    pub thumbnail: String,
    /// Blocked.
    pub blocked: bool,
    /// Always `contact`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// `POST /contacts`, `PUT /contacts/{id}` (wrapped in `contact` or top-level).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactParams {
    /// Display name.
    pub name: Option<String>,
    /// External id (unique per account).
    pub identifier: Option<String>,
    /// Email (unique per account).
    pub email: Option<String>,
    /// E.164 phone number (unique per account).
    pub phone_number: Option<String>,
    /// Blocked.
    pub blocked: Option<bool>,
    /// Merged into the stored additional attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub additional_attributes: Option<Value>,
    /// Merged into the stored custom attributes.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub custom_attributes: Option<Value>,
    /// Create: also link the contact to this inbox.
    pub inbox_id: Option<i64>,
    /// Create: the source id in that inbox (default a new UUID).
    pub source_id: Option<String>,
    /// Accepted for compatibility; avatars are not fetched from URLs.
    pub avatar_url: Option<String>,
}

/// `{contact, contact_inbox}` returned by `POST /contacts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedContact {
    /// The new contact, with its inboxes.
    pub contact: Contact,
    /// The inbox link made from `inbox_id`, if any.
    pub contact_inbox: Option<ContactInbox>,
}

/// `meta` of contact lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactListMeta {
    /// Contacts in the whole list.
    pub count: i64,
    /// This page's number (1-based).
    pub current_page: i64,
}

/// A note about a contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    /// Note id.
    pub id: i64,
    /// Text (markdown).
    pub content: String,
    /// Account.
    pub account_id: i64,
    /// The contact.
    pub contact_id: i64,
    /// The author, if still a member.
    pub user: Option<Agent>,
    /// Created (unix seconds).
    pub created_at: i64,
    /// Last changed (unix seconds).
    pub updated_at: i64,
}

/// `POST /contacts/{id}/notes`, `PATCH …/notes/{note_id}` (wrapped in `note` or top-level).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoteParams {
    /// Text (markdown).
    pub content: Option<String>,
}
