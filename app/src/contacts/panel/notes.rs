//! Notes about the contact: the add form and the list, each note with its delete form.

use leptos::prelude::*;

use super::models::NoteRow;
use crate::conversations::models::relative_time;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::post_form::{FormAction, PostForm};

/// What the agent is typing in the new-note box, kept outside the section: the section is
/// rebuilt whenever the contact's data changes (another edit saved, another agent's change),
/// and that must not wipe a half-written note. Cleared once `add` saves one.
pub fn note_draft(add: FormAction) -> RwSignal<String> {
    let draft = RwSignal::new(String::new());
    Effect::new(move |previous: Option<usize>| {
        let version = add.version().get();
        if previous.is_some_and(|p| p != version)
            && matches!(add.value().get_untracked(), Some(Ok(_)))
        {
            draft.set(String::new());
        }
        version
    });
    draft
}

/// The notes section of the panel.
#[component]
pub fn NotesSection(
    notes: Vec<NoteRow>,
    account_id: i64,
    contact_id: i64,
    now: i64,
    add: FormAction,
    delete: FormAction,
    /// See [`note_draft`].
    draft: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = notes.is_empty();
    let rows = notes
        .into_iter()
        .map(|note| {
            let meta = match note.author {
                Some(author) => format!(
                    "{author} · {}",
                    relative_time(crate::i18n::page_locale(), note.created_at, now)
                ),
                None => relative_time(crate::i18n::page_locale(), note.created_at, now),
            };
            // Formatted when the server rendered (and sanitised) the markdown; otherwise a
            // text node, never parsed as HTML.
            let content = if note.html.is_empty() {
                view! { <p class="note-content">{note.content}</p> }.into_any()
            } else {
                view! { <div class="note-content formatted" inner_html=note.html></div> }.into_any()
            };
            view! {
                <li class="note" data-note-id=note.id>
                    {content}
                    <div class="note-meta">
                        <span class="muted">{meta}</span>
                        <PostForm action=delete attr:class="inline-form">
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="contact_id" value=contact_id />
                            <input type="hidden" name="note_id" value=note.id />
                            <button type="submit" class="link-button" disabled=delete.pending()>
                                {tu_string!(i18n, contact_panel.delete)}
                            </button>
                        </PostForm>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id=ids::CONTACT_NOTES class="panel-section" aria-labelledby="contact-notes-heading">
            <h3 id="contact-notes-heading">{tu_string!(i18n, contact_panel.notes)}</h3>
            <PostForm action=add attr:class="note-form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact_id />
                <label for="contact-note-content" class="visually-hidden">{tu_string!(i18n, contact_panel.new_note)}</label>
                <textarea
                    id="contact-note-content"
                    name="content"
                    rows="2"
                    required
                    placeholder=tu_string!(i18n, contact_panel.note_placeholder)
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                ></textarea>
                <button type="submit" class="button small" disabled=add.pending()>{tu_string!(i18n, contact_panel.add_note)}</button>
            </PostForm>
            {empty.then(|| view! { <p class="muted">{tu_string!(i18n, contact_panel.no_notes_yet)}</p> })}
            <ul class="note-list">{rows}</ul>
        </section>
    }
}
