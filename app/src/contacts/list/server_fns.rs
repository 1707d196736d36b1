//! Server functions of the contacts list: one page of contacts (listed, searched, filtered
//! or a saved segment) and creating a contact. Thin calls into `onechat_core::services`
//! under the signed-in user's scope.

// A server function's arguments are its form's fields.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::models::ContactList;
use crate::error::DashboardError;

/// One page of the account's contacts: the saved segment `segment_id` when given, else the
/// conditions `filter` (JSON text of `[{attribute_key, …}]`) when given, else those matching
/// `q` (name, email, phone, identifier, company), else every reachable contact. `sort` is
/// Chatwoot's key (`name`, `-last_activity_at`…); filters keep the default order.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_contacts(
    account_id: i64,
    #[server(default)] q: String,
    #[server(default)] sort: String,
    #[server(default)] page: Option<i64>,
    #[server(default)] filter: String,
    #[server(default)] segment_id: Option<i64>,
) -> Result<ContactList, DashboardError> {
    use onechat_core::services::contacts::{self, ListParams};
    use onechat_core::services::custom_filters;
    use onechat_core::services::filters::{FilterCondition, FilterParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let svc = &ctx.services;
    let page = page.unwrap_or(1).max(1);
    let mut segment = None;
    let mut filter = filter.trim().to_owned();
    if let Some(id) = segment_id {
        let saved = custom_filters::show(svc, &scope, id).await?;
        if saved.filter_type != "contact" {
            return Err(onechat_core::Error::NotFound.into());
        }
        filter = saved
            .query
            .get("payload")
            .cloned()
            .unwrap_or_default()
            .to_string();
        segment = Some((saved.id, saved.name));
    }
    let (meta, found) = if filter.is_empty() {
        let params = ListParams {
            page: Some(page),
            sort: Some(sort.trim().to_owned()).filter(|s| !s.is_empty()),
            include_contact_inboxes: Some(false),
            ..ListParams::default()
        };
        let q = q.trim();
        if q.is_empty() {
            contacts::list(svc, &scope, &params).await?
        } else {
            contacts::search(svc, &scope, Some(q), &params).await?
        }
    } else {
        let payload: Vec<FilterCondition> = serde_json::from_str(&filter).map_err(|_| {
            crate::conversations::list_filters::invalid(
                "filter",
                "The filter is not valid: expected a JSON list of conditions",
            )
        })?;
        let params = FilterParams {
            payload,
            page: Some(page),
        };
        contacts::filter(svc, &scope, &params, Some(sort.trim())).await?
    };
    Ok(ContactList {
        rows: found.iter().map(row).collect(),
        count: meta.count,
        page: meta.current_page,
        page_size: contacts::PAGE_SIZE,
        segment,
        filter,
        now: unix_now(),
    })
}

/// Creates a contact and opens its page. Email, phone (+E.164) and identifier must be
/// unique in the account; core's validation errors come back as 422.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_contact(
    account_id: i64,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] phone_number: String,
    #[server(default)] identifier: String,
    #[server(default)] company_name: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
) -> Result<i64, DashboardError> {
    use onechat_core::services::contacts;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = contact_params(
        name,
        email,
        phone_number,
        identifier,
        company_name,
        city,
        country,
    )?;
    let created = contacts::create(&ctx.services, &scope, &params).await?;
    let id = created.contact.id;
    leptos_axum::redirect(&crate::routes::contact(account_id, id));
    Ok(id)
}

/// The contact form's fields as core's parameters; the name is required. An empty field
/// clears the value (identifier, email and phone are then stored as none).
#[cfg(feature = "ssr")]
pub fn contact_params(
    name: String,
    email: String,
    phone_number: String,
    identifier: String,
    company_name: String,
    city: String,
    country: String,
) -> Result<onechat_core::wire::contact::ContactParams, DashboardError> {
    if name.trim().is_empty() {
        return Err(crate::conversations::list_filters::invalid(
            "name",
            "Name can't be blank",
        ));
    }
    Ok(onechat_core::wire::contact::ContactParams {
        name: Some(name),
        email: Some(email),
        phone_number: Some(phone_number),
        identifier: Some(identifier),
        additional_attributes: Some(serde_json::json!({
            "company_name": company_name.trim(),
            "city": city.trim(),
            "country": country.trim(),
        })),
        ..Default::default()
    })
}

/// A core contact as a row of the table.
#[cfg(feature = "ssr")]
fn row(contact: &onechat_core::wire::contact::Contact) -> super::models::ContactRow {
    let text = |key: &str| {
        contact
            .additional_attributes
            .get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let location = [text("city"), text("country")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    super::models::ContactRow {
        id: contact.id,
        name: contact.name.clone(),
        thumbnail: contact.thumbnail.clone(),
        email: contact.email.clone().unwrap_or_default(),
        phone_number: contact.phone_number.clone().unwrap_or_default(),
        company: text("company_name"),
        location,
        last_activity_at: contact.last_activity_at,
    }
}

/// The server's clock in unix seconds.
#[cfg(feature = "ssr")]
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
