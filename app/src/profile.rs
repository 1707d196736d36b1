//! The signed-in user's own settings: the profile page (name, email, signature, password with
//! its rules, access token, picture) and the availability switch in the user menu.

mod availability;
mod avatar;
mod avatar_fns;
mod page;
mod password_rules;
mod server_fns;

pub use availability::AvailabilityMenu;
pub use avatar_fns::{RemoveAvatar, UploadAvatar, remove_avatar, upload_avatar};
pub use page::ProfilePage;
pub use server_fns::{
    ChangePassword, GetProfile, ProfileView, ResetAccessToken, SetAvailability, UpdateProfile,
    UpdateSignature, change_password, get_profile, reset_access_token, set_availability,
    update_profile, update_signature,
};

/// Up to two initials of `name`, shown where there is no picture.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}
