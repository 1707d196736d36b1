//! The OneChat server: configuration, the HTTP router (dashboard, REST API, widget), metrics,
//! logging and the command line. All data access goes through `onechat_core`'s services.

// Leptos view types nest deeply; release builds (without erase_components) need the room.
#![recursion_limit = "256"]

pub mod api;
pub mod cable;
pub mod cli;
pub mod config;
pub mod http;
pub mod jobs;
pub mod metrics;
pub mod router;
pub mod routes;
pub mod serve;
pub mod state;
pub mod telemetry;

pub use router::router;
pub use state::AppState;
