//! The agent's notifications: the bell with its unread count in the sidebar and the list
//! page. Both refetch on live notification events and after the list page marks something
//! read; the bell also polls every 30 s while the live connection is down.

mod bell;
mod models;
mod page;
mod server_fns;

pub use bell::{NotificationBell, provide_bell};
pub use models::{NotificationList, NotificationRow};
pub use page::NotificationsPage;
pub use server_fns::{
    GetUnreadCount, ListNotifications, MarkAllNotificationsRead, OpenNotification,
    get_unread_count, list_notifications, mark_all_notifications_read, open_notification,
};
