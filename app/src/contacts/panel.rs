//! The contact panel: the right-hand column of an open conversation with the contact's
//! details, custom attributes, labels, notes and previous conversations, and the
//! conversation's own information. Every edit is a small form that works without JavaScript.

mod attributes;
mod models;
mod notes;
mod server_fns;
#[cfg(feature = "ssr")]
mod values;
mod view;

pub use models::{
    AttributeField, ContactCard, ConversationInfo, NoteRow, PanelData, PastConversation,
};
pub use server_fns::{
    AddContactNote, DeleteContactNote, GetContactPanel, SetContactLabels, SetCustomAttribute,
    UpdateContact, add_contact_note, delete_contact_note, get_contact_panel, set_contact_labels,
    set_custom_attribute, update_contact,
};
pub use view::{ContactPanel, PanelOpen};
