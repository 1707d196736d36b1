//! The contact page: loads the contact, refetches after each edit, and lays out the
//! sections (the panel's attribute, label and note editors; edit, delete, merge and new
//! conversation forms from [`super::actions`]).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::actions::{DeleteSection, MergeSection, NewConversationSection};
use super::fields::ContactFields;
use super::models::ContactPageData;
use super::server_fns::{MergeContacts, SaveContact, get_contact_page};
use crate::contacts::panel::{
    AddContactNote, AttributeForm, DeleteContactNote, LabelsSection, NotesSection,
    PastConversation, SetContactLabels, SetCustomAttribute, note_draft,
};
use crate::conversations::models::relative_time;
use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::post_form::FormAction;
use crate::routes;

/// The edits of the page; it refetches after any of them.
#[derive(Clone, Copy)]
struct Edits {
    contact: ServerAction<SaveContact>,
    attribute: FormAction,
    labels: FormAction,
    add_note: FormAction,
    delete_note: FormAction,
    /// Merging another contact into this one changes its details, not its URL.
    merge: ServerAction<MergeContacts>,
    /// The note being written (see [`note_draft`]).
    note_draft: RwSignal<String>,
}

impl Edits {
    fn version(self) -> usize {
        self.contact.version().get()
            + self.attribute.version().get()
            + self.labels.version().get()
            + self.add_note.version().get()
            + self.delete_note.version().get()
            + self.merge.version().get()
    }
}

/// The error of an action's last run, for the line under its form.
pub(super) fn error_of<T: Send + Sync + Clone + 'static>(
    value: MappedSignal<Option<Result<T, DashboardError>>>,
) -> impl Fn() -> Option<String> + Copy {
    move || value.get().and_then(Result::err).map(|e| e.to_string())
}

/// The page of the contact named by the route.
#[component]
pub fn ContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(current) = use_context::<CurrentAccount>() else {
        return ().into_any();
    };
    let account_id = current.account.id;
    let params = use_params_map();
    let contact_id = Memo::new(move |_| {
        params
            .read()
            .get("contact_id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let add_note = FormAction::of::<AddContactNote>();
    let edits = Edits {
        contact: ServerAction::new(),
        attribute: FormAction::of::<SetCustomAttribute>(),
        labels: FormAction::of::<SetContactLabels>(),
        add_note,
        delete_note: FormAction::of::<DeleteContactNote>(),
        merge: ServerAction::new(),
        note_draft: note_draft(add_note),
    };
    let data = crate::json_resource::new(
        move || (contact_id.get(), edits.version()),
        move |(contact_id, _)| get_contact_page(account_id, contact_id),
    );
    view! {
        <Title text=tu_string!(i18n, contacts.details.title) />
        <div id="contact-page" class="contact-page">
            <p>
                <a href=routes::contacts(account_id) class="back-link">{tu_string!(i18n, contacts.details.all_contacts)}</a>
            </p>
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, contacts.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <Body page account_id edits /> }.into_any(),
                        Err(error) => view! {
                            <p class="form-error" role="alert">{error.to_string()}</p>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn Body(page: ContactPageData, account_id: i64, edits: Edits) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let ContactPageData {
        contact,
        values,
        blocked,
        attributes,
        labels,
        label_choices,
        notes,
        conversations,
        inboxes,
        can_delete,
        now,
    } = page;
    let contact_id = contact.id;
    let avatar = if contact.thumbnail.is_empty() {
        view! { <span class="avatar large initials" aria-hidden="true">{contact.initials()}</span> }
            .into_any()
    } else {
        view! { <img class="avatar large" src=contact.thumbnail.clone() alt="" /> }.into_any()
    };
    let detail = |term: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{term}</dt><dd>{value}</dd> })
    };
    let no_attributes = attributes.is_empty();
    let attribute_forms = attributes
        .into_iter()
        .map(|field| {
            view! {
                <AttributeForm
                    field
                    account_id
                    model="contact_attribute"
                    target_id=contact_id
                    action=edits.attribute
                />
            }
        })
        .collect_view();
    let merging = query.read_untracked().get("merge_q").is_some()
        || query.read_untracked().get("merge_with").is_some();
    view! {
        <Title text=contact.name.clone() />
        <header class="contact-page-header">
            {avatar}
            <div>
                <h1 id="contact-name">{contact.name.clone()}</h1>
                {blocked.then(|| view! { <span class="status-badge">{tu_string!(i18n, contacts.details.blocked)}</span> })}
                <dl class="info-list" id="contact-details">
                    {detail(tu_string!(i18n, contacts.columns.email), contact.email.clone())}
                    {detail(tu_string!(i18n, contacts.columns.phone), contact.phone_number.clone())}
                    {detail(tu_string!(i18n, contacts.fields.identifier), values.identifier.clone())}
                    {detail(tu_string!(i18n, contacts.columns.company), contact.company_name.clone())}
                    {detail(tu_string!(i18n, contacts.fields.city), contact.city.clone())}
                    {detail(tu_string!(i18n, contacts.fields.country), contact.country.clone())}
                    <dt>{tu_string!(i18n, contacts.details.created)}</dt>
                    <dd>{relative_time(crate::i18n::page_locale(), contact.created_at, now)}</dd>
                </dl>
            </div>
        </header>
        <div class="contact-page-actions">
            <NewConversationSection account_id contact_id inboxes />
            <details class="panel-section" id="contact-edit">
                <summary class="button">{tu_string!(i18n, contacts.details.edit_contact)}</summary>
                <ActionForm action=edits.contact attr:id="contact-edit-form" attr:class="form compact">
                    <input type="hidden" name="account_id" value=account_id />
                    <input type="hidden" name="contact_id" value=contact_id />
                    <ContactFields prefix="edit-contact" values />
                    <p class="form-error" role="alert">{error_of(edits.contact.value())}</p>
                    <button type="submit" class="button primary" disabled=edits.contact.pending()>
                        {tu_string!(i18n, contacts.details.save_contact)}
                    </button>
                </ActionForm>
            </details>
            <MergeSection account_id contact_id name=contact.name.clone() open=merging merge=edits.merge />
            {can_delete.then(|| view! { <DeleteSection account_id contact_id name=contact.name.clone() /> })}
        </div>
        <div class="contact-page-columns">
            <div>
                <section class="panel-section" aria-labelledby="contact-page-attributes">
                    <h2 id="contact-page-attributes">{tu_string!(i18n, contacts.details.attributes)}</h2>
                    {no_attributes.then(|| view! { <p class="muted">{tu_string!(i18n, contacts.details.no_attributes)}</p> })}
                    {attribute_forms}
                    <p class="form-error" role="alert">{move || edits.attribute.error()}</p>
                </section>
                <LabelsSection labels label_choices account_id contact_id action=edits.labels />
                <NotesSection
                    notes
                    account_id
                    contact_id
                    now
                    add=edits.add_note
                    delete=edits.delete_note
                    draft=edits.note_draft
                />
                <p class="form-error" role="alert">
                    {move || edits.add_note.error().or_else(|| edits.delete_note.error())}
                </p>
            </div>
            <ConversationsSection conversations account_id now />
        </div>
    }
}

#[component]
fn ConversationsSection(
    conversations: Vec<PastConversation>,
    account_id: i64,
    now: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = conversations.is_empty();
    let rows = conversations
        .into_iter()
        .map(|c| {
            view! {
                <li>
                    <a href=routes::conversation(account_id, c.display_id) data-display-id=c.display_id>
                        <span class="previous-title">
                            {format!("#{} · {}", c.display_id, c.inbox)}
                            <span class="status-badge">{c.status}</span>
                        </span>
                        <span class="muted previous-snippet">{c.snippet}</span>
                        <span class="muted">{relative_time(crate::i18n::page_locale(), c.last_activity_at, now)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="contact-conversations" class="panel-section" aria-labelledby="contact-conversations-heading">
            <h2 id="contact-conversations-heading">{tu_string!(i18n, contacts.details.conversations)}</h2>
            {empty.then(|| view! { <p class="muted">{tu_string!(i18n, contacts.details.no_conversations)}</p> })}
            <ul class="previous-list">{rows}</ul>
        </section>
    }
}
