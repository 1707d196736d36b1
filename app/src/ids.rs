//! DOM ids and test hooks shared by components and the end-to-end tests, so a rename breaks
//! the build rather than the tests.

/// The first-run setup form.
pub const SETUP_FORM: &str = "setup-form";
/// The login form.
pub const LOGIN_FORM: &str = "login-form";
/// Where form errors are shown.
pub const FORM_ERROR: &str = "form-error";
/// The workspace's sidebar navigation.
pub const SIDEBAR: &str = "sidebar";
/// The button that opens the user menu.
pub const USER_MENU_BUTTON: &str = "user-menu-button";
/// The user menu itself.
pub const USER_MENU: &str = "user-menu";
/// The conversation list pane.
pub const CONVERSATION_LIST: &str = "conversation-list";
/// The open conversation's messages.
pub const THREAD: &str = "thread";
/// The reply box's form.
pub const REPLY_FORM: &str = "reply-form";
