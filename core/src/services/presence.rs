//! Who is online right now: users and contacts seen within the last [`TTL`]. Connections
//! report presence (the `/cable` feature); everything that shows an `availability_status`
//! reads it here. In memory per process; with Redis configured the server shares it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::domain::Availability;

/// How long a presence report lasts (Chatwoot's `PRESENCE_DURATION`).
pub const TTL: Duration = Duration::from_secs(20);

/// Whose presence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Present {
    /// An agent.
    User(i64),
    /// A visitor.
    Contact(i64),
}

/// Last-seen times per account.
#[derive(Debug, Clone, Default)]
pub struct Presence {
    seen: Arc<Mutex<HashMap<(i64, Present), Instant>>>,
}

impl Presence {
    /// Records that `who` is online in `account_id` now.
    pub fn report(&self, account_id: i64, who: Present) {
        let mut seen = self.lock();
        let now = Instant::now();
        if seen.len() > 100_000 {
            seen.retain(|_, at| now.duration_since(*at) < TTL);
        }
        seen.insert((account_id, who), now);
    }

    /// Whether `who` reported within the TTL.
    pub fn is_online(&self, account_id: i64, who: Present) -> bool {
        self.lock()
            .get(&(account_id, who))
            .is_some_and(|at| at.elapsed() < TTL)
    }

    /// What others see of an agent: their chosen availability when they do not go offline
    /// automatically, else that availability while they are connected and `offline` when not.
    pub fn user_status(
        &self,
        account_id: i64,
        user_id: i64,
        chosen: Availability,
        auto_offline: bool,
    ) -> Availability {
        if !auto_offline || self.is_online(account_id, Present::User(user_id)) {
            chosen
        } else {
            Availability::Offline
        }
    }

    /// `online` or `offline` for a contact.
    pub fn contact_status(&self, account_id: i64, contact_id: i64) -> &'static str {
        if self.is_online(account_id, Present::Contact(contact_id)) {
            "online"
        } else {
            "offline"
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(i64, Present), Instant>> {
        // Each update is one insert: a poisoned map is still consistent.
        self.seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_offline_agents_are_offline_until_they_report() {
        let presence = Presence::default();
        assert_eq!(
            presence.user_status(1, 7, Availability::Busy, true),
            Availability::Offline
        );
        assert_eq!(
            presence.user_status(1, 7, Availability::Busy, false),
            Availability::Busy
        );
        presence.report(1, Present::User(7));
        assert_eq!(
            presence.user_status(1, 7, Availability::Busy, true),
            Availability::Busy
        );
        assert_eq!(
            presence.user_status(2, 7, Availability::Online, true),
            Availability::Offline,
            "per account"
        );
        assert_eq!(presence.contact_status(1, 3), "offline");
        presence.report(1, Present::Contact(3));
        assert_eq!(presence.contact_status(1, 3), "online");
    }
}
