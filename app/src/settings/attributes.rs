//! `settings/custom-attributes/list`: custom attribute definitions of contacts and of
//! conversations (one tab each), managed by administrators.

mod page;
mod server_fns;

pub use page::AttributesPage;
pub use server_fns::{
    AttributeItem, CreateAttributeDefinition, DeleteAttributeDefinition, ListAttributeDefinitions,
    UpdateAttributeDefinition,
};
