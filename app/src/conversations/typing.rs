//! The agent's typing indicator: the first keystroke tells the others on the conversation the
//! agent is typing, and 3 s without typing (or sending, or leaving) says they stopped. Only the
//! browser sends anything; on the server every method does nothing.

use leptos::prelude::*;

/// How long after the last keystroke the agent counts as no longer typing.
#[cfg(feature = "hydrate")]
const IDLE: std::time::Duration = std::time::Duration::from_secs(3);

/// The typing state of one reply box.
#[derive(Debug, Clone, Copy)]
pub struct Typing {
    account_id: i64,
    display_id: i64,
    /// "on" was sent, "off" not yet.
    on: StoredValue<bool>,
    /// Whether the agent is writing a private note.
    private: StoredValue<bool>,
    #[cfg(feature = "hydrate")]
    idle: StoredValue<Option<TimeoutHandle>>,
}

impl Typing {
    /// For the reply box of `display_id`; says "off" when the box goes away while typing.
    pub fn new(account_id: i64, display_id: i64) -> Typing {
        let typing = Typing {
            account_id,
            display_id,
            on: StoredValue::new(false),
            private: StoredValue::new(false),
            #[cfg(feature = "hydrate")]
            idle: StoredValue::new(None),
        };
        on_cleanup(move || typing.stop());
        typing
    }

    /// A keystroke in the box; `private` when writing a note.
    pub fn input(self, private: bool) {
        #[cfg(feature = "hydrate")]
        {
            if let Some(Some(handle)) = self.idle.try_get_value() {
                handle.clear();
            }
            if !self.on.get_value() || self.private.get_value() != private {
                self.on.set_value(true);
                self.private.set_value(private);
                self.send("on", private);
            }
            let handle = set_timeout_with_handle(move || self.stop(), IDLE).ok();
            self.idle.set_value(handle);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (self, private);
    }

    /// The agent sent the message or left: "off", if "on" was said.
    pub fn stop(self) {
        #[cfg(feature = "hydrate")]
        {
            if let Some(Some(handle)) = self.idle.try_get_value() {
                handle.clear();
            }
            let _ = self.idle.try_set_value(None);
            // Also runs from the box's cleanup, when the stored values may be gone.
            if self.on.try_get_value() == Some(true) {
                let _ = self.on.try_set_value(false);
                self.send("off", self.private.try_get_value().unwrap_or_default());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (self.account_id, self.display_id, self.on, self.private);
    }

    #[cfg(feature = "hydrate")]
    fn send(self, status: &'static str, private: bool) {
        let (account_id, display_id) = (self.account_id, self.display_id);
        leptos::task::spawn_local(send_typing(account_id, display_id, status, private));
    }
}

/// The call itself, loaded with the first keystroke rather than with the page (`#[lazy]`).
/// Best effort: a lost indicator is not worth an error in the reply box.
#[cfg(feature = "hydrate")]
#[lazy]
async fn send_typing(account_id: i64, display_id: i64, status: &'static str, private: bool) {
    let _ = super::action_fns::set_typing(account_id, display_id, status.to_owned(), private).await;
}
