//! The website widget's backend (`/api/v1/widget/*` and the `/widget` page): every call
//! names the inbox by its website token and the visitor by their session token, and reaches
//! only that visitor's contact and conversations (interfaces.md §4.2).

pub mod boot;
pub mod campaigns;
pub mod contact;
pub mod conversation;
pub mod messages;
pub mod session;
pub mod token;

pub use boot::{Boot, boot, config};
pub use messages::Visitor;
