//! The agent's notifications: the bell with its unread count in the sidebar and the list
//! page. The bell refetches after the list page marks something read and every 30 s.

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
