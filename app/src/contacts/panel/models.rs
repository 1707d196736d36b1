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
        let initials = crate::profile::initials(&self.name);
        if initials.is_empty() {
            "?".to_owned()
        } else {
            initials
        }
    }
}

#[cfg(feature = "ssr")]
impl From<&onechat_core::wire::contact::Contact> for ContactCard {
    fn from(contact: &onechat_core::wire::contact::Contact) -> Self {
        let text = |key: &str| {
            contact
                .additional_attributes
                .get(key)
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        ContactCard {
            id: contact.id,
            name: contact.name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            phone_number: contact.phone_number.clone().unwrap_or_default(),
            company_name: text("company_name"),
            city: text("city"),
            country: text("country"),
            thumbnail: contact.thumbnail.clone(),
            online: contact.availability_status == "online",
            created_at: contact.created_at,
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
    /// Text as written (markdown).
    pub content: String,
    /// The text rendered to sanitised HTML on the server ("" shows `content` as text).
    #[serde(default)]
    pub html: String,
    /// The author's name, if still a member.
    pub author: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
}

/// A stored note as the panel shows it, its markdown rendered (and sanitised) on the server.
#[cfg(feature = "ssr")]
impl From<onechat_core::wire::contact::Note> for NoteRow {
    fn from(note: onechat_core::wire::contact::Note) -> Self {
        Self {
            id: note.id,
            html: crate::conversations::markdown::to_html(&note.content),
            content: note.content,
            author: note.user.map(|user| user.available_name),
            created_at: note.created_at,
        }
    }
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
