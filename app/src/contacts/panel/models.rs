//! What the contact panel renders: core's contact, notes, attribute definitions and
//! conversations trimmed to what is shown, computed on the server.

use serde::{Deserialize, Serialize};

/// Everything the panel shows for one open conversation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PanelData {
    /// The conversation's contact.
    pub contact: ContactCard,
    /// The account's contact attributes, each with the contact's value.
    pub contact_attributes: Vec<AttributeField>,
    /// The contact's labels.
    pub labels: Vec<String>,
    /// The account's labels, to add from.
    pub label_choices: Vec<String>,
    /// Notes about the contact, newest first.
    pub notes: Vec<NoteRow>,
    /// The contact's other conversations the agent may see, newest first.
    pub previous: Vec<PastConversation>,
    /// The open conversation.
    pub conversation: ConversationInfo,
    /// The server's clock (unix seconds), for relative times.
    pub now: i64,
}

/// The contact's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContactCard {
    /// Contact id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Email, or "".
    pub email: String,
    /// E.164 phone number, or "".
    pub phone_number: String,
    /// `additional_attributes.company_name`, or "".
    pub company_name: String,
    /// `additional_attributes.city`, or "".
    pub city: String,
    /// `additional_attributes.country`, or "".
    pub country: String,
    /// Avatar URL, or "" (then initials are shown).
    pub thumbnail: String,
    /// Connected to the widget when the page was rendered.
    pub online: bool,
    /// Created (unix seconds).
    pub created_at: i64,
}

impl ContactCard {
    /// Up to two initials of the name, for the avatar.
    pub fn initials(&self) -> String {
        let initials: String = self
            .name
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect();
        if initials.is_empty() {
            "?".to_owned()
        } else {
            initials
        }
    }
}

/// One custom attribute definition with the record's value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AttributeField {
    /// Key in `custom_attributes`.
    pub key: String,
    /// Label.
    pub label: String,
    /// `text`, `number`, `currency`, `percent`, `link`, `date`, `list` or `checkbox`.
    pub kind: String,
    /// The value as an input shows it ("" when unset; `true`/`false` for checkboxes;
    /// `YYYY-MM-DD` for dates).
    pub value: String,
    /// The options of a list.
    pub options: Vec<String>,
    /// The definition's description, if any.
    pub description: String,
}

/// A note about the contact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NoteRow {
    /// Note id.
    pub id: i64,
    /// Text (shown as text).
    pub content: String,
    /// The author's name, if still a member.
    pub author: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
}

/// Another conversation of the contact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PastConversation {
    /// Display id.
    pub display_id: i64,
    /// `open`, `resolved`…
    pub status: String,
    /// Its inbox's name.
    pub inbox: String,
    /// The last message, shortened.
    pub snippet: String,
    /// Last activity (unix seconds).
    pub last_activity_at: i64,
}

/// The open conversation's information.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConversationInfo {
    /// Display id.
    pub display_id: i64,
    /// Its inbox's name.
    pub inbox: String,
    /// Created (unix seconds).
    pub created_at: i64,
    /// The assigned agent (id, name, availability when rendered).
    pub assignee: Option<(i64, String, String)>,
    /// The account's conversation attributes, each with this conversation's value.
    pub attributes: Vec<AttributeField>,
}
