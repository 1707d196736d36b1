//! Ongoing website campaigns: on each host URL change, start a timer for every campaign whose URL
//! rule (and business-hours rule) matches; when one fires on a fresh visitor, show its message.

use std::time::Duration;

use leptos::prelude::*;
use serde_json::json;

use crate::bridge;
use crate::logic::url_match::url_matches;
use crate::state::Chat;
use crate::types::Campaign;

/// Re-evaluates the campaigns against the current host URL, restarting their timers.
pub fn rematch(chat: Chat) {
    chat.campaign_timers.update_value(|timers| {
        for timer in timers.drain(..) {
            timer.clear();
        }
    });
    let url = chat.referrer.get_untracked();
    if url.is_empty() {
        return;
    }
    let away = chat.out_of_office();
    let matching: Vec<Campaign> = chat.campaigns.with_untracked(|all| {
        all.iter()
            .filter(|c| url_matches(&c.url, &url))
            .filter(|c| !(c.business_hours_only && away))
            .cloned()
            .collect()
    });
    for campaign in matching {
        let secs = campaign.time_on_page.max(0.0);
        let fire_later = move || fire(chat, campaign);
        if let Ok(timer) = set_timeout_with_handle(fire_later, Duration::from_secs_f64(secs)) {
            chat.campaign_timers
                .update_value(|timers| timers.push(timer));
        }
    }
}

/// Shows the campaign if the visitor has not talked to us yet and has not snoozed campaigns.
fn fire(chat: Chat, campaign: Campaign) {
    let talked = chat.messages.with_untracked(|m| !m.is_empty())
        || chat.conversation.with_untracked(Option::is_some);
    let snoozed = chat.prefs.with_untracked(|p| p.campaigns_snoozed_till) > js_sys::Date::now();
    if talked || snoozed || chat.active_campaign.with_untracked(Option::is_some) {
        return;
    }
    chat.active_campaign.set(Some(campaign));
    bridge::post("setCampaignReadOn", json!({}));
    if !chat.is_open.get_untracked() {
        chat.unread.set(1);
        chat.unread_view.set(true);
        bridge::post("setUnreadMode", json!({}));
        bridge::post("handleNotificationDot", json!({ "unreadMessageCount": 1 }));
    }
}
