//! The settings frame: a heading, the sub-navigation and the page. Administrators see every
//! section; agents only canned responses (the server refuses the rest to them anyway).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use onechat_core::domain::Role;

use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::layout::CurrentAccount;

/// One section of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Account name, language, auto-resolve.
    General,
    /// Members, invitations, roles.
    Agents,
    /// Teams and their members.
    Teams,
    /// Inboxes (their own pages).
    Inboxes,
    /// Label definitions.
    Labels,
    /// Canned responses.
    Canned,
    /// Custom attribute definitions.
    Attributes,
}

impl Section {
    const ALL: [Section; 7] = [
        Section::General,
        Section::Agents,
        Section::Teams,
        Section::Inboxes,
        Section::Labels,
        Section::Canned,
        Section::Attributes,
    ];

    /// The path under `settings/` (Chatwoot's).
    pub fn path(self) -> &'static str {
        match self {
            Section::General => "general",
            Section::Agents => "agents/list",
            Section::Teams => "teams/list",
            Section::Inboxes => "inboxes/list",
            Section::Labels => "labels/list",
            Section::Canned => "canned-response/list",
            Section::Attributes => "custom-attributes/list",
        }
    }

    /// The link text and page title.
    pub fn title(self, locale: Locale) -> &'static str {
        match self {
            Section::General => td_string!(locale, settings.nav.general),
            Section::Agents => td_string!(locale, settings.nav.agents),
            Section::Teams => td_string!(locale, settings.nav.teams),
            Section::Inboxes => td_string!(locale, settings.nav.inboxes),
            Section::Labels => td_string!(locale, settings.nav.labels),
            Section::Canned => td_string!(locale, settings.nav.canned),
            Section::Attributes => td_string!(locale, settings.nav.attributes),
        }
    }

    /// Whether someone with `role` may open it.
    pub fn open_to(self, role: Role) -> bool {
        role == Role::Administrator || self == Section::Canned
    }
}

/// `/app/accounts/:account_id/settings/<section>`.
pub fn settings_path(account_id: i64, section: Section) -> String {
    format!("/app/accounts/{account_id}/settings/{}", section.path())
}

/// The signed-in member's account id and role (`None` outside the workspace).
pub fn current() -> Option<(i64, Role)> {
    use_context::<CurrentAccount>().map(|c| (c.account.id, c.account.role))
}

/// A settings page: its title, the sub-navigation and `children`.
#[component]
pub fn SettingsFrame(section: Section, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let (account_id, role) = current().unwrap_or((0, Role::Agent));
    let links = Section::ALL
        .into_iter()
        .filter(|s| s.open_to(role))
        .map(|s| {
            let current = (s == section).then_some("page");
            view! {
                <li>
                    <a href=settings_path(account_id, s) class="settings-nav-link" aria-current=current>
                        {s.title(locale)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=section.title(locale) />
        <div class="settings-layout">
            <nav class="settings-nav" aria-label=tu_string!(i18n, settings.nav.settings)>
                <h2 class="settings-nav-heading">{tu_string!(i18n, settings.nav.settings)}</h2>
                <ul>{links}</ul>
            </nav>
            <div class="settings-page settings-content">
                <h1>{section.title(locale)}</h1>
                {children()}
            </div>
        </div>
    }
}

/// `…/settings`: the first section the member may open.
#[component]
pub fn SettingsIndex() -> impl IntoView {
    let (account_id, role) = current().unwrap_or((0, Role::Agent));
    let first = if role == Role::Administrator {
        Section::General
    } else {
        Section::Canned
    };
    view! { <Redirect path=settings_path(account_id, first) /> }
}
