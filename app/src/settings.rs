//! The account's settings (`/app/accounts/:account_id/settings/…`, Chatwoot's URLs): general
//! details, agents, teams, labels, canned responses and custom attribute definitions, plus
//! the set-password page an invited agent opens. Every page is a lazily loaded route; every
//! server function calls the same `onechat-core` service as the REST API, which decides who
//! may do what (administrators manage; agents only use canned responses).

mod agents;
mod attributes;
mod canned;
mod forms;
mod general;
pub mod inboxes;
mod labels;
mod nav;
mod pages;
mod password;
#[cfg(feature = "ssr")]
mod scope;
mod teams;

pub use agents::{
    AgentItem, AgentsData, DeleteAgent, GetAgentsPage, Invitation, InviteAgent, IssueAgentLink,
    UpdateAgent,
};
pub use attributes::{
    AttributeItem, CreateAttributeDefinition, DeleteAttributeDefinition, ListAttributeDefinitions,
    UpdateAttributeDefinition,
};
pub use canned::{
    CannedItem, CreateCannedResponse, DeleteCannedResponse, ListCannedResponses,
    UpdateCannedResponse,
};
pub use general::{GeneralSettings, GetGeneralSettings, LANGUAGES, UpdateGeneralSettings};
pub use labels::{CreateLabel, DeleteLabel, LabelItem, ListLabels, UpdateLabel};
pub use nav::{Section, SettingsIndex, settings_path};
pub use pages::{
    AgentsRoute, AttributesRoute, CannedRoute, GeneralRoute, LabelsRoute, SetPasswordRoute,
    TeamsRoute,
};
pub use password::SetPassword;
pub use teams::{
    AddTeamMember, CreateTeam, DeleteTeam, ListTeams, RemoveTeamMember, TeamItem, TeamsData,
    UpdateTeam,
};
