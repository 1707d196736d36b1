//! OneChat's domain, shared by the server, the dashboard and the widget.
//!
//! Without features this crate is only the wire types (the JSON shapes of the API and the
//! enums they carry), so it compiles to wasm32 for the browser bundles. The `server` feature
//! adds storage (SQLite or PostgreSQL behind one API), the domain services and the event bus:
//! every other crate reaches the database through these services and never writes SQL itself.

pub mod domain;
pub mod wire;

#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod error;
#[cfg(feature = "server")]
pub mod events;
#[cfg(feature = "server")]
pub mod secrets;
#[cfg(feature = "server")]
pub mod services;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "testing")]
pub mod testing;

#[cfg(feature = "server")]
pub use error::{Error, Result};
#[cfg(feature = "server")]
pub use services::Services;
