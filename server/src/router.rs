//! The whole HTTP surface: REST routes, the dashboard (Leptos pages and server functions),
//! the widget frame and static assets, behind request ids, logging, metrics and limits.

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::{HeaderName, HeaderValue, Request, Response, StatusCode, header};
use axum::middleware;
use axum::routing::{delete, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use onechat_app::context::DashboardContext;
use onechat_app::{App, shell};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::http::client_ip;
use crate::metrics;
use crate::routes::{attachments, auth, avatars, system, widget};
use crate::state::AppState;

/// Builds the router for `state`. Tests drive it in process with `tower::ServiceExt::oneshot`.
pub fn router(state: AppState) -> Router {
    let dashboard = DashboardContext {
        services: state.services.clone(),
        secure_cookies: state.config.secure_cookies(),
    };
    let leptos_options = state.leptos_options.clone();
    let provide_dashboard = {
        let dashboard = dashboard.clone();
        move || provide_context(dashboard.clone())
    };

    let (rest_api, openapi) = crate::api::router().split_for_parts();
    let openapi_json = std::sync::Arc::new(openapi.to_json().unwrap_or_else(|_| "{}".into()));

    let api = Router::new()
        .merge(rest_api)
        .route(
            "/api-docs/openapi.json",
            get(move || {
                let body = openapi_json.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        body.as_str().to_owned(),
                    )
                }
            }),
        )
        .merge(crate::routes::contact_imports::router())
        .route("/api", get(system::api_info))
        .route("/health", get(system::health))
        .route("/metrics", get(metrics::render))
        .route("/auth/sign_in", post(auth::sign_in))
        .route("/auth/validate_token", get(auth::validate_token))
        .route("/auth/sign_out", delete(auth::sign_out))
        .route("/cable", get(crate::cable::handler))
        .route("/widget", get(widget::page).layer(CompressionLayer::new()))
        .route(
            "/packs/js/sdk.js",
            get(widget::sdk).layer(CompressionLayer::new()),
        )
        .route(
            "/attachments/{id}/{signature}/{name}",
            get(attachments::download),
        )
        .route("/avatars/{file}", get(avatars::show))
        .nest_service(
            "/widget-assets",
            tower::ServiceBuilder::new()
                .layer(CompressionLayer::new())
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=300"),
                ))
                // Release builds ship brotli and gzip copies made at the best level
                // (`cargo leptos build --precompress`); other files are compressed on the fly.
                .service(
                    ServeDir::new(&state.config.widget_site_root)
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
        );

    Router::new()
        .merge(api)
        .leptos_routes_with_context(
            &state,
            generate_route_list(App),
            provide_dashboard.clone(),
            {
                let options = leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            provide_dashboard,
            shell,
        ))
        .layer(middleware::from_fn(crate::http::server_fn_status::correct))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client_ip::resolve,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static("frame-ancestors 'self'"),
        ))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .with_state(state)
}

/// The log span of a request: its id and route template, never the raw path or query,
/// which can carry customer data and bearer secrets (contact source ids, tokens).
fn request_span(request: &Request<Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .unwrap_or("fallback");
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route, request_id)
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    tracing::error!("a request handler panicked");
    let body = r#"{"error":"Internal server error"}"#;
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
