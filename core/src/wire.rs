//! The JSON shapes OneChat sends and accepts, Chatwoot-compatible field for field.
//!
//! Plain serde types with no server dependencies: the dashboard and the widget decode the same
//! structs the server encodes.

pub mod account;
pub mod agent;
pub mod agent_bot;
pub mod campaign;
pub mod canned_response;
pub mod contact;
pub mod conversation;
pub mod custom_attribute;
pub mod data_import;
pub mod envelope;
pub mod errors;
pub mod inbox;
pub mod label;
pub mod message;
pub mod notification;
pub mod profile;
pub mod public;
pub mod session;
pub mod system;
pub mod user;
pub mod widget;
