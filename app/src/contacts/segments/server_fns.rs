//! Server functions of the contacts filter and segments: what the builder's selects offer,
//! and the signed-in user's segments (custom filters of type contact). Thin calls into
//! `onechat_core::services` under the caller's scope.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conversations::filters::FilterChoices;
use crate::error::DashboardError;

/// A saved segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The custom filter's id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// The labels and contact attributes of `account_id`, for the builder's selects (agents,
/// inboxes and teams stay empty: contact filters do not name them).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_contact_filter_choices(account_id: i64) -> Result<FilterChoices, DashboardError> {
    use onechat_core::domain::StoredEnum as _;
    use onechat_core::services::{custom_attribute_definitions, labels};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let labels = labels::list(svc, &scope)
        .await?
        .into_iter()
        .map(|l| crate::conversations::filters::Choice {
            value: l.title.clone(),
            label: l.title,
        })
        .collect();
    let attributes = custom_attribute_definitions::list(svc, &scope, Some("contact_attribute"))
        .await?
        .into_iter()
        .map(|d| crate::conversations::filters::AttributeChoice {
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
        labels,
        attributes,
        ..FilterChoices::default()
    })
}

/// The signed-in user's contact segments in `account_id`, oldest first.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_segments(account_id: i64) -> Result<Vec<Segment>, DashboardError> {
    use onechat_core::services::custom_filters::{self, FilterType};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(
        custom_filters::list(&ctx.services, &scope, FilterType::Contact)
            .await?
            .into_iter()
            .map(|f| Segment {
                id: f.id,
                name: f.name,
            })
            .collect(),
    )
}

/// Saves the conditions `filter` (JSON text of `[{attribute_key, …}]`) as a segment named
/// `name`. The core checks the name and that the filter would run on contacts.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn save_segment(
    account_id: i64,
    name: String,
    filter: String,
) -> Result<Segment, DashboardError> {
    use onechat_core::services::custom_filters::{self, CustomFilterParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let payload: serde_json::Value = serde_json::from_str(&filter)
        .ok()
        .filter(serde_json::Value::is_array)
        .ok_or_else(|| {
            crate::conversations::list_filters::invalid(
                "filter",
                "The filter is not valid: expected a JSON list of conditions",
            )
        })?;
    let params = CustomFilterParams {
        name: Some(name),
        filter_type: Some(serde_json::Value::String("contact".into())),
        query: Some(serde_json::json!({ "payload": payload })),
    };
    let saved = custom_filters::create(&ctx.services, &scope, &params).await?;
    Ok(Segment {
        id: saved.id,
        name: saved.name,
    })
}

/// Deletes one of the signed-in user's segments; with `back`, then opens the contacts list
/// (the segment's own page is gone).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_segment(
    account_id: i64,
    id: i64,
    #[server(default)] back: bool,
) -> Result<(), DashboardError> {
    use onechat_core::services::custom_filters;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let saved = custom_filters::show(&ctx.services, &scope, id).await?;
    if saved.filter_type != "contact" {
        return Err(onechat_core::Error::NotFound.into());
    }
    custom_filters::delete(&ctx.services, &scope, id).await?;
    if back {
        leptos_axum::redirect(&crate::routes::contacts(account_id));
    }
    Ok(())
}
