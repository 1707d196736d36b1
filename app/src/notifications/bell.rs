//! The bell in the sidebar: a link to the list with the unread count as a badge, refetched on
//! live notification events (every 30 s while the live connection is down).

use leptos::prelude::*;
use leptos_router::components::A;

use super::server_fns::{MarkAllNotificationsRead, OpenNotification, get_unread_count};
use crate::i18n::{tu_string, use_i18n};
use crate::post_form::FormAction;
use crate::{ids, routes};

/// Shared by the bell and the list page, so reading on the page also updates the badge.
#[derive(Clone, Copy)]
pub struct Bell {
    /// The list page's "Mark all as read".
    pub read_all: FormAction,
    /// The list page's "open this notification" (marks it read).
    pub open: FormAction,
    /// Bumped every 30 s in the browser while the live connection is down.
    tick: RwSignal<u64>,
    /// Bumped by live notification events and after a reconnect.
    pub(super) live: Option<RwSignal<u64>>,
}

/// Provides the [`Bell`] to the workspace frame; call it once, above the sidebar and outlet
/// and after the frame provided its [`Live`](crate::conversations::Live).
pub fn provide_bell() {
    let live = use_context::<crate::conversations::Live>();
    let bell = Bell {
        read_all: FormAction::of::<MarkAllNotificationsRead>(),
        open: FormAction::of::<OpenNotification>(),
        tick: RwSignal::new(0),
        live: live.map(|live| live.notifications),
    };
    // Polling is the fallback for when the live connection is down.
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if !live.is_some_and(|live| live.connected.get_untracked()) {
                bell.tick.update(|t| *t += 1);
            }
        },
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    provide_context(bell);
}

/// The bell linking to `account_id`'s notification list.
#[component]
pub fn NotificationBell(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let Some(bell) = use_context::<Bell>() else {
        return ().into_any();
    };
    let count = crate::json_resource::new(
        move || {
            (
                bell.tick.get(),
                bell.live.map(|n| n.get()),
                bell.read_all.version().get(),
                bell.open.version().get(),
            )
        },
        move |_| get_unread_count(account_id),
    );
    let badge = move || {
        count
            .get()
            .and_then(Result::ok)
            .filter(|n| *n > 0)
            .map(|n| {
                view! {
                    <span id=ids::NOTIFICATION_BADGE class="badge">
                        {if n > 99 { "99+".to_owned() } else { n.to_string() }}
                    </span>
                    <span class="visually-hidden">{tu_string!(i18n, notifications.unread_suffix)}</span>
                }
            })
    };

    view! {
        <A href=routes::notifications(account_id) attr:class="sidebar-link" attr:id=ids::NOTIFICATION_BELL>
            <span class="icon bell" aria-hidden="true">"🔔"</span>
            <span>{tu_string!(i18n, notifications.title)}</span>
            <Transition>{badge}</Transition>
        </A>
    }
    .into_any()
}
