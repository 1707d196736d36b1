//! `/api/v1/accounts/{account_id}/search/messages`: Chatwoot's message search.

use axum::Json;
use axum::extract::State;
use axum_extra::extract::Query;
use onechat_core::services::search::{self, MessageResults, SearchParams};
use onechat_core::wire::envelope::Payload;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::scope::UserScope;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(messages))
}

/// Messages of the last three months containing `q` (case-insensitive), in the inboxes the
/// caller may see, newest first, 15 a page.
#[utoipa::path(
    get, path = "/search/messages", tag = "Search",
    params(("account_id" = i64, Path), SearchParams),
    responses((status = 200, body = Payload<MessageResults>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn messages(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(params): Query<SearchParams>,
) -> Result<Json<Payload<MessageResults>>, ApiError> {
    Ok(Json(Payload::new(
        search::messages(&state.services, &scope, &params).await?,
    )))
}
