//! What the conversation workspace renders. The server trims core's wire types down to these,
//! so the browser receives only the fields it shows.

use crate::i18n::{Locale, fill, td_string};
use onechat_core::domain::ConversationStatus;
use onechat_core::wire::conversation::ListMeta;
use serde::{Deserialize, Serialize};

/// One page of the conversation list with its tab counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationPage {
    /// Mine / unassigned / all counts for the current status filter.
    pub counts: ListMeta,
    /// The rows, most recent activity first.
    pub rows: Vec<ConversationRow>,
    /// The server's clock (unix seconds): relative times are computed against it, so the
    /// server render and the hydrated page agree.
    pub now: i64,
    /// How many pages the rows are (1 to the pages asked for).
    pub pages: i64,
    /// Whether another page follows.
    pub has_more: bool,
}

/// One row of the conversation list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationRow {
    /// Per-account display id (the one in URLs).
    pub display_id: i64,
    /// The contact's name.
    pub contact_name: String,
    /// The last message that is not an activity line, as plain text.
    pub preview: String,
    /// The inbox's name.
    pub inbox_name: String,
    /// Unix seconds.
    pub last_activity_at: i64,
    /// Unread incoming messages.
    pub unread_count: i64,
    /// The assigned agent's name.
    pub assignee_name: Option<String>,
    /// low, medium, high, urgent, or `None`.
    pub priority: Option<String>,
    /// The conversation's labels with their colours.
    pub labels: Vec<LabelChip>,
}

/// A label as a small chip in a list row or the sidebar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelChip {
    /// The label's title.
    pub title: String,
    /// Hex colour, e.g. `#1f93ff` (checked by [`LabelChip::new`], so it is safe in a style).
    pub color: String,
}

impl LabelChip {
    /// A chip; a colour that is not `#` and 3 to 8 hex digits becomes the brand blue.
    pub fn new(title: String, color: &str) -> LabelChip {
        let hex = color.strip_prefix('#').unwrap_or_default();
        let valid = (3..=8).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit());
        LabelChip {
            title,
            color: if valid {
                color.to_owned()
            } else {
                "#1f93ff".to_owned()
            },
        }
    }
}

/// An open conversation: its header and the latest messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// Per-account display id.
    pub display_id: i64,
    /// The contact's name.
    pub contact_name: String,
    /// open, pending, snoozed or resolved.
    pub status: ConversationStatus,
    /// Assignee, team, labels and priority, with what can be picked.
    pub details: ThreadDetails,
    /// Mute and participants.
    pub settings: super::thread_models::ThreadSettings,
    /// Oldest first: the latest page, or everything from the `before` page on.
    pub messages: Vec<ThreadMessage>,
    /// Older messages may exist before the first one shown.
    pub has_earlier: bool,
    /// The server's clock (unix seconds).
    pub now: i64,
}

/// What the details forms under the thread header show. A change re-creates the forms;
/// an unchanged refetch leaves them (and whatever the agent is picking) alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ThreadDetails {
    /// The assigned agent.
    pub assignee_id: Option<i64>,
    /// The assigned team.
    pub team_id: Option<i64>,
    /// The conversation's labels.
    pub labels: Vec<String>,
    /// low, medium, high, urgent, or `None`.
    pub priority: Option<String>,
    /// What the selects and checkboxes offer.
    pub choices: ThreadChoices,
}

/// The account's agents, teams and labels, as the thread header offers them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ThreadChoices {
    /// Agents by name.
    pub agents: Vec<Choice>,
    /// Teams by name.
    pub teams: Vec<Choice>,
    /// Label titles.
    pub labels: Vec<String>,
}

/// One option of a select.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Choice {
    /// The agent's or team's id.
    pub id: i64,
    /// What is shown.
    pub name: String,
}

/// How a message is shown in the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageKind {
    /// From the contact.
    Incoming,
    /// To the contact (agents, bots, templates).
    Outgoing,
    /// A system line ("Conversation was resolved by …").
    Activity,
    /// Visible to agents only.
    PrivateNote,
}

impl MessageKind {
    /// The CSS class of the message bubble.
    pub fn class(self) -> &'static str {
        match self {
            MessageKind::Incoming => "message incoming",
            MessageKind::Outgoing => "message outgoing",
            MessageKind::Activity => "message activity",
            MessageKind::PrivateNote => "message private-note",
        }
    }

    /// From the wire's `message_type` (0 incoming, 1 outgoing, 2 activity, 3 template) and
    /// `private` flag.
    pub fn from_wire(message_type: i16, private: bool) -> MessageKind {
        match (message_type, private) {
            (2, _) => MessageKind::Activity,
            (_, true) => MessageKind::PrivateNote,
            (0, false) => MessageKind::Incoming,
            _ => MessageKind::Outgoing,
        }
    }
}

/// One message in the thread.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ThreadMessage {
    /// Message id.
    pub id: i64,
    /// Bubble style.
    pub kind: MessageKind,
    /// The content as HTML, rendered from markdown and sanitised on the server
    /// (`super::markdown`): the only HTML the thread shows with `inner_html`.
    pub html: String,
    /// Who sent it, when known.
    pub sender_name: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Files, with previews.
    pub attachments: Vec<super::thread_models::ThreadAttachment>,
    /// What an interactive message offered and how it was answered.
    pub interactive: Option<super::thread_models::Interactive>,
    /// Delivery state of outgoing messages.
    pub delivery: Option<super::thread_models::Delivery>,
    /// Why delivery failed, when it did.
    pub delivery_error: Option<String>,
    /// Deleted: shown as "This message was deleted".
    pub deleted: bool,
    /// The signed-in agent may delete it.
    pub deletable: bool,
}

/// What the browser needs to subscribe to the user's `RoomChannel` on `/cable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveConfig {
    /// The user's pubsub token.
    pub pubsub_token: String,
    /// The account shown.
    pub account_id: i64,
    /// The signed-in user.
    pub user_id: i64,
}

/// "now", "5m", "3h", "2d" (in `locale`'s words): how long ago `then` was, seen from `now`.
pub fn relative_time(locale: Locale, then: i64, now: i64) -> String {
    let secs = (now - then).max(0);
    let (template, n) = match secs {
        0..60 => return td_string!(locale, common.time.now).to_owned(),
        60..3_600 => (td_string!(locale, common.time.minutes), secs / 60),
        3_600..86_400 => (td_string!(locale, common.time.hours), secs / 3_600),
        _ => (td_string!(locale, common.time.days), secs / 86_400),
    };
    fill(template, &[("n", &n)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_time_rounds_down_to_the_largest_unit() {
        let english = Locale::en;
        assert_eq!(relative_time(english, 100, 100), "now");
        assert_eq!(relative_time(english, 100, 50), "now");
        assert_eq!(relative_time(english, 0, 59), "now");
        assert_eq!(relative_time(english, 0, 60), "1m");
        assert_eq!(relative_time(english, 0, 7_200), "2h");
        assert_eq!(relative_time(Locale::fr, 0, 7_200), "2 h");
        assert_eq!(relative_time(Locale::fr, 0, 3 * 86_400), "3 j");
        assert_eq!(relative_time(Locale::es, 0, 30), "ahora");
        assert_eq!(relative_time(english, 0, 3 * 86_400 + 5), "3d");
    }

    #[test]
    fn private_notes_and_activities_win_over_the_direction() {
        assert_eq!(MessageKind::from_wire(0, false), MessageKind::Incoming);
        assert_eq!(MessageKind::from_wire(1, false), MessageKind::Outgoing);
        assert_eq!(MessageKind::from_wire(3, false), MessageKind::Outgoing);
        assert_eq!(MessageKind::from_wire(1, true), MessageKind::PrivateNote);
        assert_eq!(MessageKind::from_wire(2, true), MessageKind::Activity);
    }
}
