//! `/api/v1/accounts/{account_id}`: the account's own details and settings.

use axum::Json;
use axum::extract::State;
use onechat_core::services::accounts;
use onechat_core::wire::account::{AccountDetails, AccountParams, CacheKeysResponse};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for AccountParams {
    const KEY: &'static str = "account";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, update))
        .routes(routes!(cache_keys))
        .routes(routes!(update_active_at))
}

/// The account's details, settings, enabled features and cache keys.
#[utoipa::path(
    get, path = "/api/v1/accounts/{account_id}", tag = "Account",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = AccountDetails)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<AccountDetails>, ApiError> {
    Ok(Json(accounts::show(&state.services, &scope).await?))
}

/// Changes the account's name, locale, domain, support email, auto-resolve settings,
/// required conversation attributes and custom attributes.
#[utoipa::path(
    patch, path = "/api/v1/accounts/{account_id}", tag = "Account",
    params(("account_id" = i64, Path)),
    request_body = AccountParams,
    responses((status = 200, body = AccountDetails)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<AccountParams>,
) -> Result<Json<AccountDetails>, ApiError> {
    Ok(Json(
        accounts::update(&state.services, &scope, &params).await?,
    ))
}

/// Keys that change whenever the account's labels, inboxes or teams do.
#[utoipa::path(
    get, path = "/api/v1/accounts/{account_id}/cache_keys", tag = "Account",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = CacheKeysResponse)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn cache_keys(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<CacheKeysResponse>, ApiError> {
    Ok(Json(CacheKeysResponse {
        cache_keys: accounts::cache_keys(&state.services, &scope).await?,
    }))
}

/// Marks the signed-in member as active in this account now.
#[utoipa::path(
    post, path = "/api/v1/accounts/{account_id}/update_active_at", tag = "Account",
    params(("account_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update_active_at(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<(), ApiError> {
    Ok(accounts::touch_active_at(&state.services, &scope).await?)
}
