//! What the contact page renders, computed on the server.

use serde::{Deserialize, Serialize};

use super::fields::ContactValues;
use crate::contacts::panel::{AttributeField, ContactCard, NoteRow, PastConversation};

/// Everything the contact page shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContactPageData {
    /// The contact's card (name, email, phone, company, avatar…).
    pub contact: ContactCard,
    /// The values of the edit form.
    pub values: ContactValues,
    /// Blocked contacts' messages reopen nothing.
    pub blocked: bool,
    /// The account's contact attributes, each with the contact's value.
    pub attributes: Vec<AttributeField>,
    /// The contact's labels.
    pub labels: Vec<String>,
    /// The account's labels, to add from.
    pub label_choices: Vec<String>,
    /// Notes, newest first, rendered from markdown.
    pub notes: Vec<NoteRow>,
    /// The contact's conversations the user may see, newest first.
    pub conversations: Vec<PastConversation>,
    /// The inboxes an outbound conversation can start in.
    pub inboxes: Vec<ReachableInbox>,
    /// Whether the user may delete the contact (administrators).
    pub can_delete: bool,
    /// The server's clock (unix seconds), for relative times.
    pub now: i64,
}

/// An inbox the contact can be reached in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReachableInbox {
    /// Inbox id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// A contact offered for merging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeCandidate {
    /// Contact id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Email or phone, whichever is known ("" when neither).
    pub reach: String,
}
