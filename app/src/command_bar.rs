//! The command bar (Ctrl+K / ⌘+K): a searchable list of navigation commands and, with a
//! conversation open, actions on it; plus Chatwoot's keyboard shortcuts and their help.

mod bar;
pub mod commands;
#[cfg(feature = "hydrate")]
mod keys;
mod server_fns;

pub use bar::CommandBar;
pub use server_fns::{
    AddConversationLabel, CommandTarget, GetCommandTarget, add_conversation_label,
    get_command_target,
};
