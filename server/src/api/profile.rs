//! `/api/v1/profile`: the signed-in user.

use axum::Json;
use axum::extract::State;
use onechat_core::services::profile;
use onechat_core::wire::profile::{
    ActiveAccountParams, AutoOfflineParams, AvailabilityParams, ProfileParams,
};
use onechat_core::wire::user::UserProfile;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::CurrentUser;
use crate::state::AppState;

impl ResourceKey for ProfileParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for AvailabilityParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for AutoOfflineParams {
    const KEY: &'static str = "profile";
}

impl ResourceKey for ActiveAccountParams {
    const KEY: &'static str = "profile";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, update))
        .routes(routes!(availability))
        .routes(routes!(auto_offline))
        .routes(routes!(set_active_account))
        .routes(routes!(reset_access_token))
}

/// The signed-in user, with their accounts and API token.
#[utoipa::path(
    get, path = "/api/v1/profile", tag = "Profile",
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn show(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::user_profile(&state.services, &user, None).await?,
    ))
}

/// Changes the user's name, display name, email, signature, dashboard settings or password
/// (which needs `current_password`).
#[utoipa::path(
    method(put, patch), path = "/api/v1/profile", tag = "Profile",
    request_body = ProfileParams,
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<ProfileParams>,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::update(&state.services, &user, &params).await?,
    ))
}

/// Sets the user's availability in one of their accounts.
#[utoipa::path(
    post, path = "/api/v1/profile/availability", tag = "Profile",
    request_body = AvailabilityParams,
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn availability(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<AvailabilityParams>,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::set_availability(&state.services, &user, &params).await?,
    ))
}

/// Sets whether the user goes offline automatically in one of their accounts.
#[utoipa::path(
    post, path = "/api/v1/profile/auto_offline", tag = "Profile",
    request_body = AutoOfflineParams,
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn auto_offline(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<AutoOfflineParams>,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::set_auto_offline(&state.services, &user, &params).await?,
    ))
}

/// Records the account the user is working in.
#[utoipa::path(
    put, path = "/api/v1/profile/set_active_account", tag = "Profile",
    request_body = ActiveAccountParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn set_active_account(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Params(params): Params<ActiveAccountParams>,
) -> Result<(), ApiError> {
    Ok(profile::set_active_account(&state.services, &user, &params).await?)
}

/// Replaces the user's API access token.
#[utoipa::path(
    post, path = "/api/v1/profile/reset_access_token", tag = "Profile",
    responses((status = 200, body = UserProfile)),
    extensions(("x-onechat-access" = json!("user"))),
)]
async fn reset_access_token(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<UserProfile>, ApiError> {
    Ok(Json(
        profile::reset_access_token(&state.services, &user).await?,
    ))
}
