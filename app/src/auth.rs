//! Signing in and out of the dashboard, and who is signed in.

mod login_page;
mod server_fns;

pub use login_page::LoginPage;
pub use server_fns::{GetSession, LogIn, LogOut, get_session, log_in, log_out};
