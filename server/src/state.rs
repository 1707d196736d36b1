//! The state every handler shares.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use onechat_core::Services;

use crate::cable::Cable;
use crate::config::ServeConfig;
use crate::metrics::Metrics;

/// Shared by all routes; cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Where Leptos finds the built dashboard assets.
    pub leptos_options: LeptosOptions,
    /// The core services.
    pub services: Services,
    /// The configuration the server started with.
    pub config: Arc<ServeConfig>,
    /// Prometheus metrics.
    pub metrics: Arc<Metrics>,
    /// `/cable`: real-time subscriptions and fan-out.
    pub cable: Cable,
}
