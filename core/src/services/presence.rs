//! Who is online right now: users and contacts seen within the last [`TTL`]. `/cable`
//! connections report presence; everything that shows an `availability_status` reads it here.
//! In memory per process; with Redis configured the server shares every report between
//! processes (and loads the recent ones at start), so each process's map is the cluster's.

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

/// Last-seen times of one account's users and contacts.
#[derive(Debug, Default)]
struct AccountPresence {
    users: HashMap<i64, Instant>,
    contacts: HashMap<i64, Instant>,
}

impl AccountPresence {
    fn map(&mut self, who: Present) -> (&mut HashMap<i64, Instant>, i64) {
        match who {
            Present::User(id) => (&mut self.users, id),
            Present::Contact(id) => (&mut self.contacts, id),
        }
    }

    fn prune(&mut self, now: Instant) {
        self.users.retain(|_, at| now.duration_since(*at) < TTL);
        self.contacts.retain(|_, at| now.duration_since(*at) < TTL);
    }
}

/// Last-seen times per account.
#[derive(Debug, Clone, Default)]
pub struct Presence {
    accounts: Arc<Mutex<HashMap<i64, AccountPresence>>>,
}

impl Presence {
    /// Records that `who` is online in `account_id` now.
    pub fn report(&self, account_id: i64, who: Present) {
        self.report_at(account_id, who, Instant::now());
    }

    /// Records that `who` was seen at `at` (a report from another process); an older report
    /// never replaces a newer one.
    pub fn report_at(&self, account_id: i64, who: Present, at: Instant) {
        let mut accounts = self.lock();
        let account = accounts.entry(account_id).or_default();
        // Stale entries only cost memory; sweep when a map grows past what is plausible.
        if account.map(who).0.len() > 50_000 {
            account.prune(Instant::now());
        }
        let (map, id) = account.map(who);
        let seen = map.entry(id).or_insert(at);
        if *seen < at {
            *seen = at;
        }
    }

    /// Whether `who` reported within the TTL.
    pub fn is_online(&self, account_id: i64, who: Present) -> bool {
        let mut accounts = self.lock();
        let Some(account) = accounts.get_mut(&account_id) else {
            return false;
        };
        let (map, id) = account.map(who);
        map.get(&id).is_some_and(|at| at.elapsed() < TTL)
    }

    /// The users and contacts of an account online now, ids ascending.
    pub fn online(&self, account_id: i64) -> (Vec<i64>, Vec<i64>) {
        let mut accounts = self.lock();
        let Some(account) = accounts.get_mut(&account_id) else {
            return (Vec::new(), Vec::new());
        };
        account.prune(Instant::now());
        let mut users: Vec<i64> = account.users.keys().copied().collect();
        let mut contacts: Vec<i64> = account.contacts.keys().copied().collect();
        users.sort_unstable();
        contacts.sort_unstable();
        (users, contacts)
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

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, AccountPresence>> {
        // Each update is one insert: a poisoned map is still consistent.
        self.accounts
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
        assert_eq!(presence.online(1), (vec![7], vec![3]));
        assert_eq!(presence.online(2), (vec![], vec![]));
    }

    #[test]
    fn old_reports_expire_and_never_replace_newer_ones() {
        let presence = Presence::default();
        let now = Instant::now();
        let Some(stale) = now.checked_sub(TTL + Duration::from_secs(1)) else {
            return; // a machine up for less than the TTL
        };
        presence.report_at(1, Present::Contact(5), stale);
        assert_eq!(presence.contact_status(1, 5), "offline");
        presence.report_at(1, Present::Contact(5), now);
        presence.report_at(1, Present::Contact(5), stale);
        assert_eq!(presence.contact_status(1, 5), "online");
        assert_eq!(presence.online(1), (vec![], vec![5]));
    }
}
