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
/// The open conversation's assignee, team, priority and label forms.
pub const THREAD_ACTIONS: &str = "thread-actions";
/// The reply box's canned-response picker.
pub const CANNED_MENU: &str = "canned-menu";
/// The profile page.
pub const PROFILE_PAGE: &str = "profile-page";
/// The profile page's name, display name and email form.
pub const PROFILE_FORM: &str = "profile-form";
/// The profile page's password form.
pub const PASSWORD_FORM: &str = "password-form";
/// The access token on the profile page.
pub const ACCESS_TOKEN: &str = "access-token";
/// The availability switch in the user menu.
pub const AVAILABILITY_FORM: &str = "availability-form";
/// The sidebar's link to the notifications.
pub const NOTIFICATION_BELL: &str = "notification-bell";
/// The unread count on the bell (absent when nothing is unread).
pub const NOTIFICATION_BADGE: &str = "notification-badge";
/// The notification list.
pub const NOTIFICATION_LIST: &str = "notification-list";
/// The "Mark all as read" form.
pub const MARK_ALL_READ_FORM: &str = "mark-all-read-form";
