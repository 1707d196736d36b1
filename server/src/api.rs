//! The Chatwoot-compatible REST API (`/api/v1/...`). Every handler carries its own OpenAPI
//! description, and routes are registered through `utoipa_axum`, so the document served at
//! `/api-docs/openapi.json` always lists exactly the routes that exist.
//!
//! Access levels are recorded on each operation as the extension `x-onechat-access`
//! (`member`, `administrator`, or `bot` for routes agent bots may also call); the permission
//! tests walk the document and check each level is enforced.

mod accounts;
mod agent_bots;
mod agents;
mod campaigns;
mod canned_responses;
pub mod contact_imports;
mod contacts;
mod conversations;
mod custom_attribute_definitions;
mod custom_filters;
mod inbox_members;
mod inboxes;
mod labels;
mod messages;
mod notifications;
mod profile;
mod public;
mod search;
mod teams;
mod widget;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// The `x-onechat-access` extension name.
pub const ACCESS: &str = "x-onechat-access";

/// All API routes, with their OpenAPI document.
pub fn router() -> OpenApiRouter<AppState> {
    let account = OpenApiRouter::new()
        .merge(labels::router())
        .merge(campaigns::router())
        .merge(agents::router())
        .merge(teams::router())
        .merge(canned_responses::router())
        .merge(custom_attribute_definitions::router())
        .merge(custom_filters::router())
        .merge(inboxes::router())
        .merge(inbox_members::router())
        .merge(agent_bots::router())
        .merge(contacts::router())
        .merge(contact_imports::router())
        .merge(conversations::router())
        .merge(messages::router())
        .merge(search::router())
        .merge(notifications::router());
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(accounts::router())
        .merge(profile::router())
        .merge(public::router())
        .merge(widget::router())
        .nest("/api/v1/accounts/{account_id}", account)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "OneChat API",
        description = "Chatwoot-compatible Application API. Authenticate with the \
            `api_access_token` header (a user's or an agent bot's token) or with the \
            devise-token-auth headers returned by `POST /auth/sign_in`.",
        license(name = "MIT"),
    ),
    modifiers(&Security),
    security(("api_access_token" = []), ("user_session" = [])),
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_access_token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("api_access_token"))),
        );
        components.add_security_scheme(
            "user_session",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "access-token",
                "with `client` and `uid` from POST /auth/sign_in",
            ))),
        );
    }
}
