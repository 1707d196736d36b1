//! The conversations workspace: the filtered list, the open thread with its reply box, and
//! live updates over `/cable`.

mod action_fns;
mod actions;
mod canned;
mod list_pane;
mod live;
pub mod models;
pub mod options;
mod page;
mod reply_box;
mod server_fns;
mod thread;
mod typing;

#[cfg(feature = "ssr")]
mod render;

pub use action_fns::{
    AssignConversation, AssignTeam, ListCannedResponses, SetConversationLabels,
    SetConversationPriority, SetConversationStatus, SetTyping, assign_conversation, assign_team,
    list_canned_responses, set_conversation_labels, set_conversation_priority,
    set_conversation_status, set_typing,
};
pub use page::ConversationsPage;
pub use server_fns::{
    GetLiveConfig, GetThread, ListConversations, SendReply, ToggleConversationStatus,
    get_live_config, get_thread, list_conversations, send_reply, toggle_conversation_status,
};
