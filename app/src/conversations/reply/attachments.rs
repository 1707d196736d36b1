//! Files attached to a reply: picked with the button, dropped on the box or pasted into the
//! textarea. Each is checked against the size limits before it is read, shown as a chip
//! (name, size, remove) and sent with the message as base64. Reading happens in the
//! browser only; on the server the list is always empty.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::fill;
use crate::i18n::{Locale, tu_string, use_i18n};
use crate::ids;
use crate::uploads::{self as upload, ReplyFile};

/// A file read and ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Attached {
    file: ReplyFile,
    size: u64,
}

/// The attachments of one reply box.
#[derive(Debug, Clone, Copy)]
pub struct Attachments {
    files: RwSignal<Vec<Attached>>,
    /// Files still being read: sending waits for them.
    reading: RwSignal<usize>,
    error: RwSignal<Option<String>>,
    /// The language of the messages about unreadable files (read in the browser only).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    locale: Locale,
}

impl Attachments {
    /// No files yet (call in a component: the messages follow its language).
    pub fn new() -> Attachments {
        Attachments {
            files: RwSignal::new(Vec::new()),
            reading: RwSignal::new(0),
            error: RwSignal::new(None),
            locale: use_i18n().get_locale_untracked(),
        }
    }

    /// Whether a file is attached.
    pub fn any(self) -> bool {
        self.files.with_untracked(|f| !f.is_empty())
    }

    /// Whether a file is still being read.
    pub fn busy(&self) -> Signal<bool> {
        let reading = self.reading;
        Signal::derive(move || reading.get() > 0)
    }

    /// The files to send.
    pub fn to_send(self) -> Vec<ReplyFile> {
        self.files
            .with_untracked(|f| f.iter().map(|a| a.file.clone()).collect())
    }

    /// Empties the list (the message was sent).
    pub fn clear(self) {
        self.files.set(Vec::new());
        self.error.set(None);
    }

    /// Checks and starts reading every file of `list`.
    #[cfg(feature = "hydrate")]
    pub fn add_list(self, list: Option<web_sys::FileList>) {
        let Some(list) = list else { return };
        self.error.set(None);
        for i in 0..list.length() {
            if let Some(file) = list.get(i) {
                self.add(file);
            }
        }
    }

    #[cfg(feature = "hydrate")]
    fn add(self, file: web_sys::File) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;

        let name = file.name();
        let size = file.size() as u64;
        let (already, count) = self
            .files
            .with_untracked(|f| (f.iter().map(|a| a.size).sum::<u64>(), f.len()));
        let pending = self.reading.get_untracked();
        if let Some(refused) = upload::refuse(&name, size, already, count + pending) {
            self.error.set(Some(refused));
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            return;
        };
        self.reading.update(|n| *n += 1);
        let done = reader.clone();
        let content_type = file.type_();
        let locale = self.locale;
        let on_done = Closure::once_into_js(move || {
            self.reading.update(|n| *n = n.saturating_sub(1));
            // `data:<type>;base64,<data>`: the browser does the base64.
            let data = done
                .result()
                .ok()
                .and_then(|r| r.as_string())
                .and_then(|url| url.split_once(',').map(|(_, data)| data.to_owned()));
            match data {
                Some(data) => self.files.update(|f| {
                    f.push(Attached {
                        file: ReplyFile {
                            name,
                            content_type,
                            data,
                        },
                        size,
                    })
                }),
                None => self.error.set(Some(fill(
                    crate::i18n::td_string!(locale, reply.file_unreadable),
                    &[("name", &name)],
                ))),
            }
        });
        reader.set_onloadend(Some(on_done.unchecked_ref()));
        if reader.read_as_data_url(&file).is_err() {
            self.reading.update(|n| *n = n.saturating_sub(1));
        }
    }

    /// Files dropped on the reply box.
    pub fn on_drop(self, ev: leptos::ev::DragEvent) {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        self.add_list(ev.data_transfer().and_then(|d| d.files()));
    }

    /// A paste into the textarea: files are attached, text pastes as usual.
    pub fn on_paste(self, ev: leptos::ev::ClipboardEvent) {
        #[cfg(feature = "hydrate")]
        {
            let files = ev.clipboard_data().and_then(|d| d.files());
            if files.as_ref().is_some_and(|f| f.length() > 0) {
                ev.prevent_default();
                self.add_list(files);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (self, ev);
    }
}

/// The "Attach files" button with its hidden file input.
#[component]
pub fn AttachButton(attachments: Attachments) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<Input>::new();
    view! {
        <input
            node_ref=input
            id=ids::REPLY_FILE_INPUT
            class="visually-hidden"
            type="file"
            multiple
            tabindex="-1"
            aria-hidden="true"
            on:change=move |_| {
                #[cfg(feature = "hydrate")]
                if let Some(el) = input.get_untracked() {
                    attachments.add_list(el.files());
                    // Lets the same file be picked again after removing it.
                    el.set_value("");
                }
                #[cfg(not(feature = "hydrate"))]
                let _ = attachments;
            }
        />
        <button
            type="button"
            class="reply-tool"
            aria-label=tu_string!(i18n, reply.attach_files)
            title=tu_string!(i18n, reply.attach_files)
            on:click=move |_| {
                if let Some(el) = input.get_untracked() {
                    el.click();
                }
            }
        >
            "📎"
        </button>
    }
}

/// The attached files as chips, and why the last file was refused.
#[component]
pub fn AttachmentChips(attachments: Attachments) -> impl IntoView {
    let i18n = use_i18n();
    let files = attachments.files;
    let busy = attachments.busy();
    view! {
        <ul id=ids::REPLY_ATTACHMENTS class="attachment-chips" aria-label=tu_string!(i18n, reply.files_to_send)>
            <For
                each=move || files.get().into_iter().enumerate()
                key=|(i, a)| (*i, a.file.name.clone(), a.size)
                let((i, attached))
            >
                <li class="attachment-chip">
                    <span class="chip-name">{attached.file.name.clone()}</span>
                    <span class="muted">{upload::human_size(attached.size)}</span>
                    <button
                        type="button"
                        class="chip-remove"
                        aria-label=fill(tu_string!(i18n, reply.remove_file), &[("name", &attached.file.name)])
                        on:click=move |_| files.update(|f| {
                            if i < f.len() {
                                f.remove(i);
                            }
                        })
                    >
                        "×"
                    </button>
                </li>
            </For>
        </ul>
        {move || busy.get().then(|| view! { <p class="muted">{tu_string!(i18n, reply.reading_files)}</p> })}
        {move || attachments.error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
    }
}
