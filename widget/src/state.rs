//! The one store every component reads: the boot config plus the live session, conversation and
//! messages, as Copy signal handles provided through context.

use leptos::prelude::*;

use crate::api::Client;
use crate::config::Boot;
use crate::logic::hours;
use crate::logic::i18n::{self, Key, text};
use crate::types::{Agent, Campaign, Contact, Conversation, Message};

/// What the host's `config-set` (and later calls) override.
#[derive(Clone, Debug, Default)]
pub struct Prefs {
    pub locale: String,
    /// "light", "dark" or "auto".
    pub dark_mode: String,
    pub show_popout: bool,
    pub enable_file_upload: Option<bool>,
    pub enable_emoji_picker: Option<bool>,
    pub enable_end_conversation: Option<bool>,
    pub welcome_title: Option<String>,
    pub welcome_description: Option<String>,
    pub available_message: Option<String>,
    pub unavailable_message: Option<String>,
    /// Campaigns stay hidden until this epoch ms (the SDK's snooze cookie).
    pub campaigns_snoozed_till: f64,
    /// The host says the viewport is a phone: show our own close button.
    pub is_mobile: bool,
}

/// The widget's state. Every field is a cheap Copy handle.
#[derive(Clone, Copy)]
pub struct Chat {
    /// What the `/widget` page set on `window`; never changes.
    pub boot: StoredValue<Boot>,
    /// The visitor's JWT; `set_user` may switch it to another contact's.
    pub auth_token: RwSignal<String>,
    /// The cable subscription token, switched together with `auth_token`.
    pub pubsub_token: RwSignal<String>,
    pub prefs: RwSignal<Prefs>,
    /// The current (last) conversation, `None` before the first message.
    pub conversation: RwSignal<Option<Conversation>>,
    pub messages: RwSignal<Vec<Message>>,
    pub contact: RwSignal<Contact>,
    pub agents: RwSignal<Vec<Agent>>,
    /// Agent ids the last `presence.update` reported online (`None` before the first one).
    pub online_ids: RwSignal<Option<Vec<u64>>>,
    pub agent_typing: RwSignal<bool>,
    /// Whether the host shows the chat window (always true in a popout).
    pub is_open: RwSignal<bool>,
    /// Agent messages that arrived while closed.
    pub unread: RwSignal<u32>,
    /// The host shows the compact unread preview (opened by us, not by the visitor): opening
    /// it is not the visitor reading, and a campaign in it waits for their click or reply.
    pub unread_view: RwSignal<bool>,
    /// A friendly line about the last failure, shown above the composer.
    pub error: RwSignal<Option<String>>,
    /// A friendly line about the last success ("transcript sent").
    pub notice: RwSignal<Option<String>>,
    /// Set once the first messages fetch answered, so the pre-chat form does not flash.
    pub loaded: RwSignal<bool>,
    /// Whether `?before=` may still find older messages.
    pub has_older: RwSignal<bool>,
    /// All ongoing campaigns of the inbox, fetched once.
    pub campaigns: RwSignal<Vec<Campaign>>,
    /// The campaign shown to the visitor but not executed yet.
    pub active_campaign: RwSignal<Option<Campaign>>,
    /// The host page's URL (`change-url`), sent as `referer_url`.
    pub referrer: RwSignal<String>,
    /// The visitor chose "start a new conversation": the next send creates one explicitly
    /// instead of landing in the resolved one.
    pub force_new: RwSignal<bool>,
    /// Pending campaign timers, cleared when the host page's URL changes.
    pub campaign_timers: StoredValue<Vec<TimeoutHandle>>,
}

impl Chat {
    /// A fresh store from the page's globals.
    pub fn new(boot: Boot, embedded: bool) -> Self {
        let prefs = Prefs {
            locale: boot
                .url_locale
                .clone()
                .or_else(|| boot.channel.locale.clone())
                .unwrap_or_else(|| "en".into()),
            dark_mode: "light".into(),
            ..Prefs::default()
        };
        Self {
            auth_token: RwSignal::new(boot.auth_token.clone()),
            pubsub_token: RwSignal::new(boot.pubsub_token.clone()),
            boot: StoredValue::new(boot),
            prefs: RwSignal::new(prefs),
            conversation: RwSignal::new(None),
            messages: RwSignal::new(Vec::new()),
            contact: RwSignal::new(Contact::default()),
            agents: RwSignal::new(Vec::new()),
            online_ids: RwSignal::new(None),
            agent_typing: RwSignal::new(false),
            is_open: RwSignal::new(!embedded),
            unread: RwSignal::new(0),
            unread_view: RwSignal::new(false),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            loaded: RwSignal::new(false),
            has_older: RwSignal::new(true),
            campaigns: RwSignal::new(Vec::new()),
            active_campaign: RwSignal::new(None),
            referrer: RwSignal::new(String::new()),
            force_new: RwSignal::new(false),
            campaign_timers: StoredValue::new(Vec::new()),
        }
    }

    /// An API client for the current session (read untracked: it is for event handlers).
    pub fn client(&self) -> Client {
        Client {
            website_token: self.boot.with_value(|b| b.channel.website_token.clone()),
            locale: self.prefs.with_untracked(|p| p.locale.clone()),
            auth_token: self.auth_token.get_untracked(),
        }
    }

    /// A UI string in the current locale (tracked, so labels follow `set-locale`).
    pub fn t(&self, key: Key) -> &'static str {
        self.prefs.with(|p| i18n::t(&p.locale, key))
    }

    /// A reactive label for `view!`: always the same closure type, so the dozens of labels share
    /// one compiled render effect instead of one each (this matters for the bundle size).
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The same, untracked, for event handlers.
    pub fn t_now(&self, key: Key) -> &'static str {
        self.prefs.with_untracked(|p| i18n::t(&p.locale, key))
    }

    /// Shows the generic failure line.
    pub fn fail(&self) {
        self.error
            .set(Some(self.t_now(text!(error_generic)).into()));
    }

    /// Whether an inbox feature is on, after the host's `enable*` overrides.
    pub fn feature(&self, name: &str) -> bool {
        let inbox = self.boot.with_value(|b| b.channel.has_feature(name));
        self.prefs.with(|p| {
            let host = match name {
                "attachments" => p.enable_file_upload,
                "emoji_picker" => p.enable_emoji_picker,
                "end_conversation" => p.enable_end_conversation,
                _ => None,
            };
            // The host can only switch off what the inbox allows, except file upload, which
            // the SDK documents as overriding the inbox flag either way.
            match (name, host) {
                ("attachments", Some(on)) => on,
                (_, Some(on)) => inbox && on,
                (_, None) => inbox,
            }
        })
    }

    /// Whether the inbox is outside its working hours right now (false when they are off).
    pub fn out_of_office(&self) -> bool {
        self.boot.with_value(|b| {
            let c = &b.channel;
            if !c.working_hours_enabled {
                return false;
            }
            let offset = hours::parse_offset(c.utc_offset.as_deref().unwrap_or_default());
            let (day, minute) = hours::local_day_minute(js_sys::Date::now(), offset);
            !hours::is_open(&c.working_hours, day, minute)
        })
    }

    /// Whether the visitor may not write anymore: resolved, and the inbox forbids reopening.
    pub fn ended(&self) -> bool {
        let resolved = self
            .conversation
            .with(|c| c.as_ref().is_some_and(Conversation::is_resolved));
        resolved
            && !self
                .boot
                .with_value(|b| b.channel.allow_messages_after_resolved)
    }

    /// Whether the conversation exists and is not resolved.
    pub fn conversation_open(&self) -> bool {
        self.conversation
            .with(|c| c.as_ref().is_some_and(|c| c.id != 0 && !c.is_resolved()))
    }
}

/// The store from context.
pub fn use_chat() -> Chat {
    expect_context::<Chat>()
}
