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
// The contacts page reuses the panel's editors.
pub(crate) use attributes::AttributeForm;
pub(crate) use notes::{NotesSection, note_draft};
#[cfg(feature = "ssr")]
pub(crate) use values::field as attribute_field;
pub(crate) use view::LabelsSection;
