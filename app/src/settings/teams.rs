//! `settings/teams/list`: teams with their description, auto-assignment switch and members,
//! managed by administrators.

mod page;
mod server_fns;

pub use page::TeamsPage;
pub use server_fns::{
    AddTeamMember, CreateTeam, DeleteTeam, ListTeams, RemoveTeamMember, TeamItem, TeamsData,
    UpdateTeam,
};
