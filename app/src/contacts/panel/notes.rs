//! Notes about the contact: the add form and the list, each note with its delete form.

use leptos::prelude::*;

use super::models::NoteRow;
use super::server_fns::{AddContactNote, DeleteContactNote};
use crate::conversations::models::relative_time;
use crate::ids;

/// The notes section of the panel.
#[component]
pub fn NotesSection(
    notes: Vec<NoteRow>,
    account_id: i64,
    contact_id: i64,
    now: i64,
    add: ServerAction<AddContactNote>,
    delete: ServerAction<DeleteContactNote>,
) -> impl IntoView {
    let empty = notes.is_empty();
    let rows = notes
        .into_iter()
        .map(|note| {
            let meta = match note.author {
                Some(author) => format!("{author} · {}", relative_time(note.created_at, now)),
                None => relative_time(note.created_at, now),
            };
            view! {
                <li class="note" data-note-id=note.id>
                    // A text node: note content is never parsed as HTML.
                    <p class="note-content">{note.content}</p>
                    <div class="note-meta">
                        <span class="muted">{meta}</span>
                        <ActionForm action=delete attr:class="inline-form">
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="contact_id" value=contact_id />
                            <input type="hidden" name="note_id" value=note.id />
                            <button type="submit" class="link-button" disabled=delete.pending()>
                                "Delete"
                            </button>
                        </ActionForm>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id=ids::CONTACT_NOTES class="panel-section" aria-labelledby="contact-notes-heading">
            <h3 id="contact-notes-heading">"Notes"</h3>
            <ActionForm action=add attr:class="note-form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact_id />
                <label for="contact-note-content" class="visually-hidden">"New note"</label>
                <textarea
                    id="contact-note-content"
                    name="content"
                    rows="2"
                    required
                    placeholder="Add a note about this contact"
                ></textarea>
                <button type="submit" class="button small" disabled=add.pending()>"Add note"</button>
            </ActionForm>
            {empty.then(|| view! { <p class="muted">"No notes yet"</p> })}
            <ul class="note-list">{rows}</ul>
        </section>
    }
}
