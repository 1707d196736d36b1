//! `settings/agents/list`: the account's members with their role and availability; inviting
//! (with a one-time set-password link, as OneChat sends no email), editing and removing them.

mod invite;
mod page;
mod row;
mod server_fns;

pub use page::AgentsPage;
pub use server_fns::{
    AgentItem, AgentsData, DeleteAgent, GetAgentsPage, Invitation, InviteAgent, IssueAgentLink,
    UpdateAgent,
};
