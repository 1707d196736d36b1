//! The first page: the first-run setup form while no account exists, otherwise a redirect to
//! the workspace or the login page.

mod home_page;
mod server_fns;

pub use home_page::HomePage;
pub use server_fns::{
    GetInstallationState, SetupInstallation, get_installation_state, setup_installation,
};
