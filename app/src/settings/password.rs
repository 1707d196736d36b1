//! `/app/auth/password/edit?reset_password_token=…` (Chatwoot's URL): where an invited agent
//! (or one given a new link) chooses a password, then signs in.

mod page;
mod server_fns;

pub use page::SetPasswordPage;
pub use server_fns::SetPassword;
