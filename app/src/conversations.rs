//! The conversations workspace: the filtered list, the open thread with its reply box, and
//! live updates over `/cable`.

mod list_pane;
mod live;
pub mod models;
mod page;
mod reply_box;
mod server_fns;
mod thread;

#[cfg(feature = "ssr")]
mod render;

pub use page::ConversationsPage;
pub use server_fns::{
    GetLiveConfig, GetThread, ListConversations, SendReply, ToggleConversationStatus,
    get_live_config, get_thread, list_conversations, send_reply, toggle_conversation_status,
};
