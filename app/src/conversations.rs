//! The conversations workspace: the filtered list, the open thread with its reply box, and
//! live updates over `/cable`.

mod action_fns;
mod actions;
mod canned;
pub mod filters;
pub mod list_filters;
mod list_pane;
mod list_row;
mod live;
pub mod models;
pub mod options;
mod page;
mod reply;
mod reply_box;
mod server_fns;
mod thread;
mod thread_fns;
pub mod thread_models;
mod thread_settings;
mod typing;

#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
mod render;
#[cfg(feature = "ssr")]
mod thread_render;

pub use action_fns::{
    AssignConversation, AssignTeam, ListCannedResponses, SetConversationLabels,
    SetConversationPriority, SetConversationStatus, SetTyping, assign_conversation, assign_team,
    list_canned_responses, set_conversation_labels, set_conversation_priority,
    set_conversation_status, set_typing,
};
pub use live::{
    Live, LiveEvent, Online, Typer, TypingIndicator, from_context as live_from_context,
    start as start_live,
};
pub use page::ConversationsPage;
pub use reply::send_fns::{ListMentionAgents, list_mention_agents};
pub use server_fns::{
    GetLiveConfig, GetThread, ListConversations, SendReply, ToggleConversationStatus,
    get_live_config, get_thread, list_conversations, send_reply, toggle_conversation_status,
};
pub use thread_fns::{
    DeleteMessage, SendTranscript, SetMuted, SetParticipants, SnoozeUntil, delete_message,
    send_transcript, set_muted, set_participants, snooze_until,
};
