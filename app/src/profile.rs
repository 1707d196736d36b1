//! The signed-in user's own settings: the profile page (name, email, signature, password with
//! its rules, access token) and the availability switch in the user menu.

mod availability;
mod page;
mod password_rules;
mod server_fns;

pub use availability::AvailabilityMenu;
pub use page::ProfilePage;
pub use server_fns::{
    ChangePassword, GetProfile, ProfileView, ResetAccessToken, SetAvailability, UpdateProfile,
    UpdateSignature, change_password, get_profile, reset_access_token, set_availability,
    update_profile, update_signature,
};
