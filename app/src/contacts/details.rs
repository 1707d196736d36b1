//! One contact's page (`/app/accounts/:account_id/contacts/:contact_id`): details, custom
//! attributes, labels, formatted notes and conversations (the panel's editors), editing,
//! deleting, merging another contact into it, and starting an outbound conversation.

mod actions;
mod fields;
mod models;
mod page;
mod server_fns;

pub use fields::{ContactFields, ContactValues};
pub use models::{ContactPageData, MergeCandidate, ReachableInbox};
pub use page::ContactPage;
pub use server_fns::{
    DeleteContact, GetContactPage, MergeCandidates, MergeContacts, SaveContact, StartConversation,
    delete_contact, get_contact_page, merge_candidates, merge_contacts, save_contact,
    start_conversation,
};
