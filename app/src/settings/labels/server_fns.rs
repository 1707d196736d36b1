//! Server functions of the labels page: `onechat_core::services::labels`, for administrators.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// A label as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelItem {
    /// Label id.
    pub id: i64,
    /// Lower-case title.
    pub title: String,
    /// Description, empty when none.
    pub description: String,
    /// `#rrggbb`.
    pub color: String,
    /// Listed in the sidebar.
    pub show_on_sidebar: bool,
}

/// The account's labels, by title (administrators).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_labels(account_id: i64) -> Result<Vec<LabelItem>, DashboardError> {
    use onechat_core::services::labels;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let mut items: Vec<LabelItem> = labels::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|l| LabelItem {
            id: l.id,
            title: l.title,
            description: l.description.unwrap_or_default(),
            color: l.color,
            show_on_sidebar: l.show_on_sidebar,
        })
        .collect();
    items.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(items)
}

/// Creates a label.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_label(
    account_id: i64,
    title: String,
    description: String,
    color: String,
    show_on_sidebar: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::labels;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    labels::create(
        &ctx.services,
        &scope,
        &params(title, description, color, show_on_sidebar),
    )
    .await?;
    Ok(())
}

/// Changes a label.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_label(
    account_id: i64,
    label_id: i64,
    title: String,
    description: String,
    color: String,
    show_on_sidebar: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::labels;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    labels::update(
        &ctx.services,
        &scope,
        label_id,
        &params(title, description, color, show_on_sidebar),
    )
    .await?;
    Ok(())
}

/// Deletes a label definition (conversations keep the tag).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_label(account_id: i64, label_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::labels;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    labels::delete(&ctx.services, &scope, label_id).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
fn params(
    title: String,
    description: String,
    color: String,
    show_on_sidebar: Option<String>,
) -> onechat_core::wire::label::LabelParams {
    onechat_core::wire::label::LabelParams {
        title: Some(title),
        // Always sent, so clearing the field clears the description.
        description: Some(description.trim().to_owned()),
        color: Some(color),
        show_on_sidebar: Some(crate::settings::forms::ticked(show_on_sidebar)),
    }
}
