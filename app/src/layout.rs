//! The workspace frame around every signed-in page: sidebar, header and user menu.

mod form_error;
mod sidebar;
mod sidebar_fns;
mod user_menu;
mod workspace;

pub use form_error::FormError;
pub use sidebar_fns::{GetSidebar, SidebarData, SidebarEntry, get_sidebar};
pub use workspace::{CurrentAccount, Workspace};
