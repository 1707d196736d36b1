//! The navigation sidebar: the conversation views (all, mentions, unattended), the account's
//! inboxes, sidebar labels and teams, notifications and the profile. Views are plain links
//! carrying the list's filters in the query string, so they work without JavaScript; the
//! current one is marked with `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::sidebar_fns::{SidebarData, get_sidebar};
use crate::conversations::list_filters::Filters;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::notifications::NotificationBell;
use crate::routes;

/// Links to the workspace's sections.
#[component]
pub fn Sidebar(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/app/accounts/{account_id}");
    let location = use_location();
    // The list's view when a conversations page is shown (`None` on other pages).
    let view = Memo::new(move |_| {
        let path = location.pathname.get();
        let on_list = path.ends_with("/dashboard")
            || path.contains("/conversations/")
            || path.trim_end_matches('/') == format!("/app/accounts/{account_id}");
        on_list.then(|| Filters::from_query(|name| location.query.read().get(name)))
    });
    // Sidebar links keep the agent's tab, status and sort.
    let kept = move || view.get().map(|f| f.base()).unwrap_or_default();
    let dashboard = routes::dashboard(account_id);
    let link = move |narrow: fn(&mut Filters)| {
        let dashboard = dashboard.clone();
        move || {
            let mut f = kept();
            narrow(&mut f);
            format!("{dashboard}{}", f.query())
        }
    };
    let current = move |is: fn(&Filters) -> bool| move || view.get().filter(is).map(|_| "page");
    let profile = routes::profile_settings(account_id);
    let on_profile = move || {
        location
            .pathname
            .get()
            .ends_with("/profile/settings")
            .then_some("page")
    };
    let on_contacts = move || {
        location
            .pathname
            .get()
            .contains("/contacts")
            .then_some("page")
    };
    let on_settings = move || {
        location
            .pathname
            .get()
            .contains("/settings/")
            .then_some("page")
    };
    let sections = crate::json_resource::new(|| (), move |_| get_sidebar(account_id));

    view! {
        <nav id=ids::SIDEBAR class="sidebar" aria-label=tu_string!(i18n, layout.main_navigation)>
            <a class="sidebar-brand" href=format!("{base}/dashboard") aria-label=tu_string!(i18n, layout.home)>
                <img src="/logo.svg" alt="" width="28" height="28" />
            </a>
            <ul class="sidebar-views">
                <li>
                    <a
                        href=link(|_| ())
                        class="sidebar-link"
                        aria-current=current(|f| !f.is_narrowed())
                    >
                        <span class="icon" aria-hidden="true">"💬"</span>
                        <span>{tu_string!(i18n, layout.conversations)}</span>
                    </a>
                </li>
                <li>
                    <a
                        href=link(|f| {
                            f.assignee = "all";
                            f.conversation_type = Some("mention");
                        })
                        class="sidebar-link"
                        aria-current=current(|f| f.conversation_type == Some("mention"))
                    >
                        <span class="icon" aria-hidden="true">"@"</span>
                        <span>{tu_string!(i18n, layout.mentions)}</span>
                    </a>
                </li>
                <li>
                    <a
                        href=link(|f| {
                            f.assignee = "all";
                            f.conversation_type = Some("unattended");
                        })
                        class="sidebar-link"
                        aria-current=current(|f| f.conversation_type == Some("unattended"))
                    >
                        <span class="icon" aria-hidden="true">"⏳"</span>
                        <span>{tu_string!(i18n, layout.unattended)}</span>
                    </a>
                </li>
                <li>
                    <a href=routes::contacts(account_id) class="sidebar-link" aria-current=on_contacts>
                        <span class="icon" aria-hidden="true">"📇"</span>
                        <span>{tu_string!(i18n, layout.contacts)}</span>
                    </a>
                </li>
                <li>
                    <NotificationBell account_id />
                </li>
                <li>
                    <a href=profile class="sidebar-link" aria-current=on_profile>
                        <span class="icon" aria-hidden="true">"👤"</span>
                        <span>{tu_string!(i18n, layout.profile)}</span>
                    </a>
                </li>
                <li>
                    <a href=routes::settings(account_id) class="sidebar-link" aria-current=on_settings>
                        <span class="icon" aria-hidden="true">"⚙"</span>
                        <span>{tu_string!(i18n, layout.settings)}</span>
                    </a>
                </li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let data = sections.await.unwrap_or_default();
                    view! { <Sections data account_id view /> }
                })}
            </Transition>
        // Other areas mount their sidebar sections below (one line each).
            <crate::conversations::filters::SavedViewsNav account_id />
            <crate::contacts::SegmentsNav account_id />
        </nav>
    }
}

/// The inboxes, labels and teams sections (each hidden when empty).
#[component]
fn Sections(data: SidebarData, account_id: i64, view: Memo<Option<Filters>>) -> impl IntoView {
    let i18n = use_i18n();
    let dashboard = routes::dashboard(account_id);
    let href = |narrow| narrowed(view, dashboard.clone(), narrow);
    let shown = [
        !data.inboxes.is_empty(),
        !data.labels.is_empty(),
        !data.teams.is_empty(),
    ];
    let inboxes = data
        .inboxes
        .into_iter()
        .map(|inbox| {
            let id = inbox.id;
            let aria = move || {
                view.get()
                    .filter(|f| f.inbox_id == Some(id))
                    .map(|_| "page")
            };
            view! {
                <li>
                    <a class="sidebar-item" href=href(Box::new(move |f: &mut Filters| f.inbox_id = Some(id))) aria-current=aria>
                        {inbox.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let labels = data
        .labels
        .into_iter()
        .map(|label| {
            let title = label.title.clone();
            let wanted = title.clone();
            let aria = move || {
                view.get()
                    .filter(|f| f.label.as_deref() == Some(wanted.as_str()))
                    .map(|_| "page")
            };
            view! {
                <li>
                    <a
                        class="sidebar-item"
                        href=href(Box::new(move |f: &mut Filters| f.label = Some(title.clone())))
                        aria-current=aria
                    >
                        <span class="label-dot" style=format!("background:{}", label.color) aria-hidden="true"></span>
                        {label.title}
                    </a>
                </li>
            }
        })
        .collect_view();
    let teams = data
        .teams
        .into_iter()
        .map(|team| {
            let id = team.id;
            let aria = move || {
                view.get()
                    .filter(|f| f.team_id == Some(id))
                    .map(|_| "page")
            };
            view! {
                <li>
                    <a class="sidebar-item" href=href(Box::new(move |f: &mut Filters| f.team_id = Some(id))) aria-current=aria>
                        {team.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        {shown[0].then(|| view! { <Section title=tu_string!(i18n, layout.inboxes) id="sidebar-inboxes" items=inboxes.into_any() /> })}
        {shown[1].then(|| view! { <Section title=tu_string!(i18n, layout.labels) id="sidebar-labels" items=labels.into_any() /> })}
        {shown[2].then(|| view! { <Section title=tu_string!(i18n, layout.teams) id="sidebar-teams" items=teams.into_any() /> })}
    }
}

/// A boxed change to the list's filters.
type Narrow = Box<dyn Fn(&mut Filters) + Send + Sync>;

/// A link to the list narrowed by `narrow`, keeping the current tab, status and sort.
fn narrowed(
    view: Memo<Option<Filters>>,
    dashboard: String,
    narrow: Narrow,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let mut f = view.get().map(|f| f.base()).unwrap_or_default();
        narrow(&mut f);
        format!("{dashboard}{}", f.query())
    }
}

/// A titled list of links.
#[component]
fn Section(title: &'static str, id: &'static str, items: AnyView) -> impl IntoView {
    view! {
        <section class="sidebar-section" aria-labelledby=id>
            <h2 id=id class="sidebar-heading">{title}</h2>
            <ul>{items}</ul>
        </section>
    }
}
