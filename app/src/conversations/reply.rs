//! The reply box's tools: emoji, attachments, rich text formatting, `@` mentions in notes,
//! `{{` template variables, and the server functions that send a reply.

pub mod attachments;
pub mod editing;
pub mod emoji;
pub mod mention_picker;
pub mod send_fns;
pub mod toolbar;
pub mod variable_picker;
