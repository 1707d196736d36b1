//! Live updates of the workspace. In the browser a `/cable` subscription bumps a counter on
//! every conversation or message event; the list and thread resources read that counter, so
//! they refetch. On the server (and before hydration) nothing changes.

#[cfg(feature = "hydrate")]
mod cable;

use leptos::prelude::*;

/// Bumped whenever something the workspace shows may have changed.
#[derive(Debug, Clone, Copy)]
pub struct Live {
    /// Read it in a resource's source to refetch on every change.
    pub tick: RwSignal<u64>,
}

/// Starts listening for `account_id`'s events for as long as the calling component lives.
pub fn start(account_id: i64) -> Live {
    let live = Live {
        tick: RwSignal::new(0),
    };
    #[cfg(feature = "hydrate")]
    cable::start(account_id, live.tick);
    #[cfg(not(feature = "hydrate"))]
    let _ = account_id;
    live
}
