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
/// The profile picture (or its initials) on the profile page.
pub const PROFILE_AVATAR: &str = "profile-avatar";
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
/// The search box above the conversation list.
pub const LIST_SEARCH: &str = "list-search";
/// The conversation list's sort select.
pub const LIST_SORT: &str = "list-sort";
/// The "Load more" link under the conversation list.
pub const LOAD_MORE: &str = "load-more";
/// The message search results page.
pub const SEARCH_PAGE: &str = "search-page";
/// The search page's form.
pub const SEARCH_FORM: &str = "search-form";
/// The open conversation's scrolling message pane.
pub const THREAD_SCROLL: &str = "thread-scroll";
/// The "Load earlier messages" link at the top of the thread.
pub const LOAD_EARLIER: &str = "load-earlier";
/// The thread's mute, participants and transcript controls.
pub const THREAD_SETTINGS: &str = "thread-settings";
/// The reply box's emoji popover (its emoji buttons are `emoji-picker-<n>`).
pub const EMOJI_PICKER: &str = "emoji-picker";
/// The reply box's hidden file input.
pub const REPLY_FILE_INPUT: &str = "reply-file-input";
/// The chips of the files attached to the reply.
pub const REPLY_ATTACHMENTS: &str = "reply-attachments";
/// The `@` mention suggestions of a private note.
pub const MENTION_MENU: &str = "mention-menu";
/// The reply box's rich text toggle.
pub const RICH_TEXT_TOGGLE: &str = "rich-text-toggle";
/// The contact panel beside an open conversation.
pub const CONTACT_PANEL: &str = "contact-panel";
/// The contact panel's name, email, phone… form.
pub const CONTACT_FORM: &str = "contact-form";
/// The contact panel's custom attributes.
pub const CONTACT_ATTRIBUTES: &str = "contact-attributes";
/// The contact panel's labels form.
pub const CONTACT_LABELS_FORM: &str = "contact-labels-form";
/// The contact panel's notes.
pub const CONTACT_NOTES: &str = "contact-notes";
/// The contact panel's previous conversations.
pub const CONTACT_PREVIOUS: &str = "contact-previous";
/// The contact panel's conversation information.
pub const CONVERSATION_INFO: &str = "conversation-info";
/// The profile page's avatar form.
pub const AVATAR_FORM: &str = "avatar-form";
/// The password rules checklist on the profile page.
pub const PASSWORD_RULES: &str = "password-rules";
/// The contacts list's link to the CSV import.
pub const CONTACT_IMPORT_LINK: &str = "contact-import-link";
/// The contact import's upload page.
pub const CONTACT_IMPORT_PAGE: &str = "contact-import-page";
/// The link to the sample CSV file.
pub const CONTACT_IMPORT_SAMPLE: &str = "contact-import-sample";
/// The contact import's upload form.
pub const CONTACT_IMPORT_FORM: &str = "contact-import-form";
/// One contact import's page.
pub const CONTACT_IMPORT_STATUS: &str = "contact-import-status";
/// A running import's progress.
pub const CONTACT_IMPORT_PROGRESS: &str = "contact-import-progress";
/// A finished import's report.
pub const CONTACT_IMPORT_REPORT: &str = "contact-import-report";
/// The download of an import's rejected rows.
pub const CONTACT_IMPORT_FAILED_DOWNLOAD: &str = "contact-import-failed-download";
