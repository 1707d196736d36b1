//! HTTP plumbing shared by the routes: the error type, JSON bodies, who is calling, and the
//! client address.

pub mod caller;
pub mod client_ip;
pub mod error;
pub mod form;
pub mod json;
pub mod params;
pub mod scope;
pub mod server_fn_status;
pub mod throttle;

pub use error::ApiError;
pub use json::ApiJson;
