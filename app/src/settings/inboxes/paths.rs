//! The URLs of the inbox settings pages (Chatwoot's dashboard URLs).

/// The inbox list.
pub fn list(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/settings/inboxes/list")
}

/// "Add inbox": choose a channel.
pub fn new(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/settings/inboxes/new")
}

/// "Add inbox" for one channel (`website` or `api`).
pub fn new_channel(account_id: i64, channel: &str) -> String {
    format!("/app/accounts/{account_id}/settings/inboxes/new/{channel}")
}

/// The wizard's "add agents" step.
pub fn agents(account_id: i64, inbox_id: i64) -> String {
    format!("/app/accounts/{account_id}/settings/inboxes/new/{inbox_id}/agents")
}

/// The wizard's last page, with the install snippet.
pub fn finish(account_id: i64, inbox_id: i64) -> String {
    format!("/app/accounts/{account_id}/settings/inboxes/new/{inbox_id}/finish")
}

/// One inbox's settings, on `tab` (`settings` when empty).
pub fn inbox(account_id: i64, inbox_id: i64, tab: &str) -> String {
    let base = format!("/app/accounts/{account_id}/settings/inboxes/{inbox_id}");
    if tab.is_empty() || tab == "settings" {
        base
    } else {
        format!("{base}?tab={tab}")
    }
}
