//! Live updates of the workspace. In the browser one `/cable` subscription per workspace
//! bumps counters that resources read (so they refetch), publishes the last event the UI
//! reacts to (typing, notifications, contacts) and keeps who is online. On the server (and
//! before hydration) nothing changes.

#[cfg(feature = "hydrate")]
mod cable;
mod typing_indicator;

pub use typing_indicator::TypingIndicator;

use leptos::prelude::*;

/// Who is typing in a typing event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typer {
    /// `true` for the conversation's contact, `false` for an agent.
    pub contact: bool,
    /// Contact or user id.
    pub id: i64,
    /// The name to show (empty when the event had none).
    pub name: String,
}

/// The events components react to one by one (everything else only bumps [`Live::tick`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// `conversation.typing_on` / `conversation.typing_off` for the conversation `display_id`.
    Typing {
        /// The conversation's display id.
        display_id: i64,
        /// Started (`true`) or stopped typing.
        on: bool,
        /// Who.
        typer: Typer,
    },
    /// `notification.created`, `.updated` or `.deleted` for the signed-in agent.
    Notification,
    /// `contact.updated`, `.merged` or `.deleted` of the contact `id`.
    Contact {
        /// The contact id.
        id: i64,
    },
}

/// Who is online, from the last `presence.update`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Online {
    /// Agents present, with their availability (`online`, `busy`…).
    pub users: Vec<(i64, String)>,
    /// Contacts connected to the widget.
    pub contacts: Vec<i64>,
}

impl Online {
    /// The availability of user `id`, when present.
    pub fn user(&self, id: i64) -> Option<&str> {
        self.users
            .iter()
            .find(|(user, _)| *user == id)
            .map(|(_, status)| status.as_str())
    }
}

/// The workspace's live state, provided as context by the workspace frame.
#[derive(Debug, Clone, Copy)]
pub struct Live {
    /// The account listened to.
    pub account_id: i64,
    /// Bumped when conversations or messages may have changed (and after a reconnect): read
    /// it in a resource's source to refetch.
    pub tick: RwSignal<u64>,
    /// Bumped on every notification event and after a reconnect.
    pub notifications: RwSignal<u64>,
    /// The last event of interest.
    pub event: RwSignal<Option<LiveEvent>>,
    /// Who is online; `None` until the first `presence.update` (use the server's answer).
    pub online: RwSignal<Option<Online>>,
    /// Whether the subscription is up (polling fallbacks can rest meanwhile).
    pub connected: RwSignal<bool>,
}

/// Starts listening for `account_id`'s events for as long as the calling component lives.
pub fn start(account_id: i64) -> Live {
    let live = Live {
        account_id,
        tick: RwSignal::new(0),
        notifications: RwSignal::new(0),
        event: RwSignal::new(None),
        online: RwSignal::new(None),
        connected: RwSignal::new(false),
    };
    #[cfg(feature = "hydrate")]
    cable::start(live);
    live
}

/// The workspace's [`Live`] for `account_id`, or a new subscription when there is none (a
/// page rendered outside the frame, or the frame still showing another account).
pub fn from_context(account_id: i64) -> Live {
    match use_context::<Live>() {
        Some(live) if live.account_id == account_id => live,
        _ => start(account_id),
    }
}
