//! What a thread message carries besides its text: files, the interactive part (what was
//! offered and answered), delivery state, and the conversation's mute/participant state.
//! Shared by the server (which fills them from core's wire JSON) and the browser.

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, td_string};

/// How an attachment is previewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttachmentKind {
    /// A thumbnail that opens the full image.
    Image,
    /// A video player.
    Video,
    /// An audio player.
    Audio,
    /// A download link.
    File,
}

/// A file on a message. URLs are http(s) only (checked on the server).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ThreadAttachment {
    /// How it is previewed.
    pub kind: AttachmentKind,
    /// The file itself.
    pub url: String,
    /// The preview image (images only; else empty).
    pub thumb_url: String,
    /// The file name.
    pub name: String,
    /// "12.3 KB", when known.
    pub size: Option<String>,
}

/// Where an outgoing message's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Delivery {
    /// Accepted by OneChat.
    Sent,
    /// Reached the contact's channel.
    Delivered,
    /// Seen by the contact.
    Read,
    /// Not delivered.
    Failed,
}

impl Delivery {
    /// The label screen readers announce (and the tooltip), in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Delivery::Sent => td_string!(locale, thread.delivery.sent),
            Delivery::Delivered => td_string!(locale, thread.delivery.delivered),
            Delivery::Read => td_string!(locale, thread.delivery.read),
            Delivery::Failed => td_string!(locale, thread.delivery.failed),
        }
    }

    /// The visible icon (decorative: the label carries the meaning).
    pub fn icon(self) -> &'static str {
        match self {
            Delivery::Sent => "✓",
            Delivery::Delivered | Delivery::Read => "✓✓",
            Delivery::Failed => "!",
        }
    }

    /// The CSS modifier.
    pub fn class(self) -> &'static str {
        match self {
            Delivery::Sent => "delivery sent",
            Delivery::Delivered => "delivery delivered",
            Delivery::Read => "delivery read",
            Delivery::Failed => "delivery failed",
        }
    }
}

/// One thing an interactive message offered: an option, a form field, a card or an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Offer {
    /// Title or label.
    pub title: String,
    /// A description, when there is one.
    pub detail: Option<String>,
    /// An http(s) link (cards and articles).
    pub link: Option<String>,
}

/// One answered value: what was asked and what the contact gave.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answer {
    /// "Email", "Rating", a form field's label… (empty for a chosen option).
    pub label: String,
    /// The answer as text.
    pub value: String,
}

/// The interactive part of a message (select, form, cards, article, email or CSAT prompt).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interactive {
    /// What kind of prompt it is, as shown ("Options", "Form", "Satisfaction survey"…).
    pub title: String,
    /// What was offered.
    pub offers: Vec<Offer>,
    /// The contact's answer, once given.
    pub answers: Vec<Answer>,
    /// Whether it asks for an answer (articles only inform).
    pub answerable: bool,
}

/// Mute and participants, under the thread header. Keyed: a change re-creates the forms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ThreadSettings {
    /// The contact is blocked; their messages reopen nothing.
    pub muted: bool,
    /// The agents following the conversation.
    pub participant_ids: Vec<i64>,
}

/// "512 B", "12.3 KB", "4.0 MB".
pub fn file_size(bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * KB;
    match bytes {
        ..KB => format!("{} B", bytes.max(0)),
        KB..MB => format!("{}.{} KB", bytes / KB, bytes % KB * 10 / KB),
        _ => format!("{}.{} MB", bytes / MB, bytes % MB * 10 / MB),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_round_down_to_one_decimal() {
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(1023), "1023 B");
        assert_eq!(file_size(1024), "1.0 KB");
        assert_eq!(file_size(12_600), "12.3 KB");
        assert_eq!(file_size(5 * 1024 * 1024 + 600_000), "5.5 MB");
    }
}
