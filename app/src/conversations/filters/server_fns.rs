//! Server functions of the filter builder and the saved views: the choices its selects
//! offer, and the signed-in agent's saved conversation views (custom filters of type
//! conversation). Thin calls into `onechat_core::services` under the caller's scope.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// An option of a value select: the value sent and the text shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Sent in the payload (an id or a label title).
    pub value: String,
    /// Shown.
    pub label: String,
}

/// A conversation custom attribute the builder offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeChoice {
    /// `attribute_key`.
    pub key: String,
    /// Display name.
    pub name: String,
    /// text, number, currency, percent, link, date, list or checkbox.
    pub display_type: String,
    /// The values of a list attribute.
    pub values: Vec<String>,
}

/// What the builder's selects offer in one account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    /// The account's agents.
    pub agents: Vec<Choice>,
    /// The inboxes the user can see.
    pub inboxes: Vec<Choice>,
    /// The teams.
    pub teams: Vec<Choice>,
    /// Label titles.
    pub labels: Vec<Choice>,
    /// Conversation custom attributes.
    pub attributes: Vec<AttributeChoice>,
}

/// A saved conversation view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    /// The custom filter's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The conditions as JSON text (`[{attribute_key, …}]`), what `?filter=` carries.
    pub filter: String,
}

/// The agents, inboxes, teams, labels and conversation custom attributes of `account_id`.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_filter_choices(account_id: i64) -> Result<FilterChoices, DashboardError> {
    use onechat_core::domain::StoredEnum as _;
    use onechat_core::services::{agents, custom_attribute_definitions, inboxes, labels, teams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let choice = |value: String, label: String| Choice { value, label };
    let agents = agents::list(svc, &scope)
        .await?
        .into_iter()
        .map(|a| choice(a.id.to_string(), a.available_name))
        .collect();
    let inboxes = inboxes::list(svc, &scope)
        .await?
        .into_iter()
        .map(|i| choice(i.id.to_string(), i.name))
        .collect();
    let teams = teams::list(svc, &scope)
        .await?
        .into_iter()
        .map(|t| choice(t.id.to_string(), t.name))
        .collect();
    let labels = labels::list(svc, &scope)
        .await?
        .into_iter()
        .map(|l| choice(l.title.clone(), l.title))
        .collect();
    let attributes =
        custom_attribute_definitions::list(svc, &scope, Some("conversation_attribute"))
            .await?
            .into_iter()
            .map(|d| AttributeChoice {
                key: d.attribute_key,
                name: d.attribute_display_name,
                display_type: d.attribute_display_type.as_str().to_owned(),
                values: d
                    .attribute_values
                    .as_array()
                    .map(|values| {
                        values
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
    Ok(FilterChoices {
        agents,
        inboxes,
        teams,
        labels,
        attributes,
    })
}

/// The signed-in agent's saved conversation views in `account_id`, oldest first.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_saved_views(account_id: i64) -> Result<Vec<SavedView>, DashboardError> {
    use onechat_core::services::custom_filters::{self, FilterType};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(
        custom_filters::list(&ctx.services, &scope, FilterType::Conversation)
            .await?
            .into_iter()
            .map(to_view)
            .collect(),
    )
}

/// Saves the conditions `filter` (JSON text of `[{attribute_key, …}]`) as a view named
/// `name`. The core checks the name and that the filter would run.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn save_view(
    account_id: i64,
    name: String,
    filter: String,
) -> Result<SavedView, DashboardError> {
    use onechat_core::services::custom_filters::{self, CustomFilterParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let payload: serde_json::Value =
        serde_json::from_str(&filter).map_err(|_| DashboardError::Invalid {
            message: "The filter is not valid: expected a JSON list of conditions".into(),
            fields: vec!["filter".into()],
        })?;
    let params = CustomFilterParams {
        name: Some(name),
        filter_type: Some(serde_json::Value::String("conversation".into())),
        query: Some(serde_json::json!({ "payload": payload })),
    };
    Ok(to_view(
        custom_filters::create(&ctx.services, &scope, &params).await?,
    ))
}

/// Deletes one of the signed-in agent's saved views.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_saved_view(account_id: i64, id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::custom_filters;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    custom_filters::delete(&ctx.services, &scope, id).await?;
    Ok(())
}

#[cfg(feature = "ssr")]
fn to_view(filter: onechat_core::services::custom_filters::CustomFilter) -> SavedView {
    let payload = filter
        .query
        .get("payload")
        .cloned()
        .unwrap_or_else(|| serde_json::Value::Array(Vec::new()));
    SavedView {
        id: filter.id,
        name: filter.name,
        filter: payload.to_string(),
    }
}
