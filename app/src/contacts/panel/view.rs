//! The panel itself: loads the data of the open conversation, refetches after each edit and
//! when another agent changes the contact, and lays out the sections.

use leptos::prelude::*;
use leptos_router::components::A;

use super::attributes::AttributeForm;
use super::models::{ContactCard, ConversationInfo, PanelData, PastConversation};
use super::notes::{NotesSection, note_draft};
use super::server_fns::{
    AddContactNote, DeleteContactNote, SetContactLabels, SetCustomAttribute, UpdateContact,
    get_contact_panel,
};
use crate::conversations::models::relative_time;
use crate::conversations::{Live, LiveEvent};
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::post_form::{FormAction, PostForm};
use crate::{ids, routes};

/// The narrowest window (CSS pixels) where the panel starts unfolded.
const WIDE: f64 = 1440.0;

/// Whether the panel is unfolded (`None` until decided), kept by the workspace so the choice
/// holds from one conversation to the next.
#[derive(Debug, Clone, Copy)]
pub struct PanelOpen(pub RwSignal<Option<bool>>);

impl PanelOpen {
    /// Provides it for the panels below the calling component.
    pub fn provide() {
        provide_context(PanelOpen(RwSignal::new(None)));
    }
}

/// The panel's edits; the panel refetches after any of them.
#[derive(Clone, Copy)]
struct PanelActions {
    contact: FormAction,
    attribute: FormAction,
    labels: FormAction,
    add_note: FormAction,
    delete_note: FormAction,
    /// The note being written (see [`note_draft`]).
    note_draft: RwSignal<String>,
}

impl PanelActions {
    fn version(self) -> usize {
        self.contact.version().get()
            + self.attribute.version().get()
            + self.labels.version().get()
            + self.add_note.version().get()
            + self.delete_note.version().get()
    }
}

/// The contact panel of the conversation `display_id`.
#[component]
pub fn ContactPanel(account_id: i64, display_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let add_note = FormAction::of::<AddContactNote>();
    let actions = PanelActions {
        contact: FormAction::of::<UpdateContact>(),
        attribute: FormAction::of::<SetCustomAttribute>(),
        labels: FormAction::of::<SetContactLabels>(),
        add_note,
        delete_note: FormAction::of::<DeleteContactNote>(),
        note_draft: note_draft(add_note),
    };
    let live = use_context::<Live>();
    let open = use_context::<PanelOpen>()
        .map(|p| p.0)
        .unwrap_or_else(|| RwSignal::new(None));
    // Rendered folded (the server cannot know the width); once live, unfolded on wide screens
    // unless the agent already chose.
    Effect::new(move |_| {
        if open.get_untracked().is_none() {
            let wide = window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w >= WIDE);
            open.set(Some(wide));
        }
    });
    let contact_id = StoredValue::new(None::<i64>);
    // Another agent changed this contact: refetch (identical data re-renders nothing).
    let contact_changed = RwSignal::new(0u64);
    if let Some(live) = live {
        Effect::new(move |_| {
            if let Some(LiveEvent::Contact { id }) = live.event.get()
                && contact_id.get_value() == Some(id)
            {
                contact_changed.update(|n| *n += 1);
            }
        });
    }
    let data = crate::json_resource::new(
        move || (actions.version(), contact_changed.get()),
        move |_| get_contact_panel(account_id, display_id),
    );
    view! {
        <aside id=ids::CONTACT_PANEL class="contact-panel" aria-label=tu_string!(i18n, contact_panel.aria_label)>
            <details
                class="contact-panel-toggle"
                prop:open=move || open.get().unwrap_or(false)
                on:toggle=move |ev| {
                    let shown = event_target::<leptos::web_sys::Element>(&ev).has_attribute("open");
                    open.set(Some(shown));
                }
            >
                <summary>{tu_string!(i18n, contact_panel.contact_details)}</summary>
                <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, contact_panel.loading)}</p> }>
                    // The list is built from the loaded value, never from the resource itself:
                    // a `For` reading the resource rebuilt while the transition still held it
                    // off the page, inserting against a marker that was not there. Keyed by the
                    // whole data, so a refetch that changes nothing keeps the forms (and
                    // whatever the agent is typing in them).
                    {move || Suspend::new(async move {
                        let loaded = data.await;
                        let error = loaded
                            .as_ref()
                            .err()
                            .map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> });
                        view! {
                            {error}
                            <For
                                each=move || loaded.clone().ok().into_iter()
                                key=|panel| panel.clone()
                                let:panel
                            >
                                {contact_id.set_value(Some(panel.contact.id))}
                                <PanelBody panel account_id actions live />
                            </For>
                        }
                    })}
                </Transition>
            </details>
        </aside>
    }
}

#[component]
fn PanelBody(
    panel: PanelData,
    account_id: i64,
    actions: PanelActions,
    live: Option<Live>,
) -> impl IntoView {
    let i18n = use_i18n();
    let PanelData {
        contact,
        contact_attributes,
        labels,
        label_choices,
        notes,
        previous,
        conversation,
        now,
    } = panel;
    let contact_id = contact.id;
    let no_attributes = contact_attributes.is_empty();
    let attributes = contact_attributes
        .into_iter()
        .map(|field| {
            view! {
                <AttributeForm
                    field
                    account_id
                    model="contact_attribute"
                    target_id=contact_id
                    action=actions.attribute
                />
            }
        })
        .collect_view();
    view! {
        <ContactHeader contact=contact.clone() live />
        <ContactForm contact account_id action=actions.contact />
        <section id=ids::CONTACT_ATTRIBUTES class="panel-section" aria-labelledby="contact-attributes-heading">
            <h3 id="contact-attributes-heading">{tu_string!(i18n, contact_panel.contact_attributes)}</h3>
            {no_attributes.then(|| view! { <p class="muted">{tu_string!(i18n, contact_panel.no_contact_attributes)}</p> })}
            {attributes}
            <p class="form-error" role="alert">{move || actions.attribute.error()}</p>
        </section>
        <LabelsSection labels label_choices account_id contact_id action=actions.labels />
        <NotesSection
            notes
            account_id
            contact_id
            now
            add=actions.add_note
            draft=actions.note_draft
            delete=actions.delete_note
        />
        <p class="form-error" role="alert">
            {move || actions.add_note.error().or_else(|| actions.delete_note.error())}
        </p>
        <PreviousSection previous account_id now />
        <InfoSection conversation account_id now action=actions.attribute live />
    }
}

/// A presence dot: green when online.
fn dot(locale: Locale, online: bool) -> impl IntoView {
    view! {
        <span class=if online { "presence-dot online" } else { "presence-dot" } aria-hidden="true"></span>
        <span class="visually-hidden">{if online { td_string!(locale, contact_panel.online) } else { td_string!(locale, contact_panel.offline) }}</span>
    }
}

#[component]
fn ContactHeader(contact: ContactCard, live: Option<Live>) -> impl IntoView {
    let locale = use_i18n().get_locale_untracked();
    let id = contact.id;
    let initially = contact.online;
    let online = move || match live.and_then(|l| l.online.get()) {
        Some(now) => now.contacts.contains(&id),
        None => initially,
    };
    let avatar = if contact.thumbnail.is_empty() {
        view! { <span class="avatar initials" aria-hidden="true">{contact.initials()}</span> }
            .into_any()
    } else {
        view! { <img class="avatar" src=contact.thumbnail.clone() alt="" /> }.into_any()
    };
    let reach = [contact.email.clone(), contact.phone_number.clone()]
        .into_iter()
        .filter(|line| !line.is_empty())
        .map(|line| view! { <span class="muted">{line}</span> })
        .collect_view();
    view! {
        <header class="contact-header">
            {avatar}
            <div class="contact-name">
                <strong>{contact.name}</strong>
                {move || dot(locale, online())}
                {reach}
            </div>
        </header>
    }
}

#[component]
fn ContactForm(contact: ContactCard, account_id: i64, action: FormAction) -> impl IntoView {
    let i18n = use_i18n();
    let field = |id: &'static str,
                 name: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 value: String| {
        view! {
            <label for=id>{label}</label>
            <input id=id name=name type=kind value=value />
        }
    };
    view! {
        <details class="panel-section">
            <summary>{tu_string!(i18n, contact_panel.edit_contact)}</summary>
            <PostForm action attr:id=ids::CONTACT_FORM attr:class="form compact">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact.id />
                {field("contact-name", "name", tu_string!(i18n, contact_panel.name), "text", contact.name)}
                {field("contact-email", "email", tu_string!(i18n, contact_panel.email), "email", contact.email)}
                {field("contact-phone", "phone_number", tu_string!(i18n, contact_panel.phone), "tel", contact.phone_number)}
                {field("contact-company", "company_name", tu_string!(i18n, contact_panel.company), "text", contact.company_name)}
                {field("contact-city", "city", tu_string!(i18n, contact_panel.city), "text", contact.city)}
                {field("contact-country", "country", tu_string!(i18n, contact_panel.country), "text", contact.country)}
                <p class="form-error" role="alert">{move || action.error()}</p>
                <button type="submit" class="button small primary" disabled=action.pending()>
                    {tu_string!(i18n, contact_panel.save_contact)}
                </button>
            </PostForm>
        </details>
    }
}

#[component]
pub(crate) fn LabelsSection(
    labels: Vec<String>,
    label_choices: Vec<String>,
    account_id: i64,
    contact_id: i64,
    action: FormAction,
) -> impl IntoView {
    let i18n = use_i18n();
    // Labels on the contact that are no longer defined stay selectable, so saving keeps them.
    let mut choices = label_choices;
    for label in &labels {
        if !choices.contains(label) {
            choices.push(label.clone());
        }
    }
    let none = choices.is_empty();
    let boxes = choices
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let checked = labels.contains(&title);
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("labels[{i}]") value=title.clone() checked=checked />
                    {title}
                </label>
            }
        })
        .collect_view();
    let current = if labels.is_empty() {
        tu_string!(i18n, contact_panel.no_labels_none).to_owned()
    } else {
        labels.join(", ")
    };
    // Folded: the checkboxes are edited now and then, and would otherwise repeat the
    // conversation's own label checkboxes of the same names.
    view! {
        <details class="panel-section">
            <summary>{tu_string!(i18n, contact_panel.contact_labels)} <span class="muted">{current}</span></summary>
            <PostForm action attr:id=ids::CONTACT_LABELS_FORM>
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact_id />
                <fieldset class="label-list">
                    <legend class="visually-hidden">{tu_string!(i18n, contact_panel.labels)}</legend>
                    {none.then(|| view! { <span class="muted">{tu_string!(i18n, contact_panel.no_labels_yet)}</span> })}
                    {boxes}
                </fieldset>
                <button type="submit" class="button small" disabled=action.pending()>{tu_string!(i18n, contact_panel.save_contact_labels)}</button>
            </PostForm>
            <p class="form-error" role="alert">{move || action.error()}</p>
        </details>
    }
}

#[component]
fn PreviousSection(previous: Vec<PastConversation>, account_id: i64, now: i64) -> impl IntoView {
    let i18n = use_i18n();
    let empty = previous.is_empty();
    let rows = previous
        .into_iter()
        .map(|c| {
            view! {
                <li>
                    <A href=routes::conversation(account_id, c.display_id)>
                        <span class="previous-title">
                            {format!("#{} · {}", c.display_id, c.inbox)}
                            <span class="status-badge">{c.status}</span>
                        </span>
                        <span class="muted previous-snippet">{c.snippet}</span>
                        <span class="muted">{relative_time(crate::i18n::page_locale(), c.last_activity_at, now)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id=ids::CONTACT_PREVIOUS class="panel-section" aria-labelledby="contact-previous-heading">
            <h3 id="contact-previous-heading">{tu_string!(i18n, contact_panel.previous_conversations)}</h3>
            {empty.then(|| view! { <p class="muted">{tu_string!(i18n, contact_panel.no_other_conversations)}</p> })}
            <ul class="previous-list">{rows}</ul>
        </section>
    }
}

#[component]
fn InfoSection(
    conversation: ConversationInfo,
    account_id: i64,
    now: i64,
    action: FormAction,
    live: Option<Live>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let ConversationInfo {
        display_id,
        inbox,
        created_at,
        assignee,
        attributes,
    } = conversation;
    let assignee = match assignee {
        Some((id, name, status)) => {
            let initially = status == "online";
            let online = move || match live.and_then(|l| l.online.get()) {
                Some(now) => now.user(id) == Some("online"),
                None => initially,
            };
            view! { <span>{name}{move || dot(locale, online())}</span> }.into_any()
        }
        None => view! { <span class="muted">{tu_string!(i18n, contact_panel.unassigned)}</span> }
            .into_any(),
    };
    let attributes = attributes
        .into_iter()
        .map(|field| {
            view! {
                <AttributeForm
                    field
                    account_id
                    model="conversation_attribute"
                    target_id=display_id
                    action
                />
            }
        })
        .collect_view();
    view! {
        <section id=ids::CONVERSATION_INFO class="panel-section" aria-labelledby="conversation-info-heading">
            <h3 id="conversation-info-heading">{tu_string!(i18n, contact_panel.conversation_information)}</h3>
            <dl class="info-list">
                <dt>{tu_string!(i18n, contact_panel.inbox)}</dt>
                <dd>{inbox}</dd>
                <dt>{tu_string!(i18n, contact_panel.created)}</dt>
                <dd>{relative_time(crate::i18n::page_locale(), created_at, now)}</dd>
                <dt>{tu_string!(i18n, contact_panel.assignee)}</dt>
                <dd>{assignee}</dd>
            </dl>
            {attributes}
        </section>
    }
}
