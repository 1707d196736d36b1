//! The sidebar's data: the account's inboxes, sidebar labels and teams, in one server call.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conversations::models::LabelChip;
use crate::error::DashboardError;

/// What the sidebar lists under its sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidebarData {
    /// The inboxes the agent can see, by name.
    pub inboxes: Vec<SidebarEntry>,
    /// Labels marked "show on sidebar", by title.
    pub labels: Vec<LabelChip>,
    /// The account's teams, by name.
    pub teams: Vec<SidebarEntry>,
}

/// An inbox or team link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidebarEntry {
    /// The inbox's or team's id.
    pub id: i64,
    /// What is shown.
    pub name: String,
}

/// The sidebar's sections for `account_id` (inboxes limited to those the user may see).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_sidebar(account_id: i64) -> Result<SidebarData, DashboardError> {
    use onechat_core::services::{inboxes, labels, teams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let by_name = |entries: &mut Vec<SidebarEntry>| {
        entries.sort_by_key(|e| e.name.to_lowercase());
    };
    let mut inbox_entries: Vec<SidebarEntry> = inboxes::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|i| SidebarEntry {
            id: i.id,
            name: i.name,
        })
        .collect();
    by_name(&mut inbox_entries);
    let mut team_entries: Vec<SidebarEntry> = teams::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|t| SidebarEntry {
            id: t.id,
            name: t.name,
        })
        .collect();
    by_name(&mut team_entries);
    let mut label_chips: Vec<LabelChip> = labels::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .filter(|l| l.show_on_sidebar)
        .map(|l| LabelChip::new(l.title, &l.color))
        .collect();
    label_chips.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(SidebarData {
        inboxes: inbox_entries,
        labels: label_chips,
        teams: team_entries,
    })
}
