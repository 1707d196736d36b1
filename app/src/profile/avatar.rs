//! The profile picture section: the current picture (or initials), a file picker that uploads
//! the chosen image at once, and "Remove picture". Reading the file needs JavaScript.

use leptos::prelude::*;

use super::avatar_fns::{MAX_AVATAR_BYTES, RemoveAvatar, UploadAvatar};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::ids;
use crate::uploads::human_size;

/// Types the server accepts; the browser's picker offers only these.
const ACCEPTED: &str = "image/png,image/jpeg,image/gif,image/webp";

#[component]
pub fn AvatarSection(avatar_url: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(avatar_url);
    let upload = ServerAction::<UploadAvatar>::new();
    let remove = ServerAction::<RemoveAvatar>::new();
    let refused = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(new_url)) = upload.value().get() {
            url.set(new_url);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            url.set(String::new());
        }
    });
    let error = move || {
        refused.get().or_else(|| {
            let failed = |r: Option<Result<_, crate::error::DashboardError>>| {
                r.and_then(Result::err).map(|e| e.to_string())
            };
            failed(upload.value().get().map(|r| r.map(|_| ())))
                .or_else(|| failed(remove.value().get()))
        })
    };
    let initials = super::initials(&name);
    let on_change = move |ev: leptos::ev::Event| {
        refused.set(None);
        #[cfg(feature = "hydrate")]
        read_and_upload(ev, upload, refused, i18n.get_locale_untracked());
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <section class="card settings-section" aria-labelledby="avatar-heading">
            <h2 id="avatar-heading">{tu_string!(i18n, profile.avatar.title)}</h2>
            <div class="avatar-row">
                {move || {
                    let shown = url.get();
                    if shown.is_empty() {
                        view! {
                            <span id=ids::PROFILE_AVATAR class="avatar large" aria-label=tu_string!(i18n, profile.avatar.no_picture)>
                                {initials.clone()}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <img id=ids::PROFILE_AVATAR class="avatar large" src=shown alt=tu_string!(i18n, profile.avatar.your_picture) />
                        }
                            .into_any()
                    }
                }}
                <div class="form">
                    <label for="profile-avatar-file">{tu_string!(i18n, profile.avatar.upload)}</label>
                    <input
                        id="profile-avatar-file"
                        type="file"
                        accept=ACCEPTED
                        disabled=move || upload.pending().get()
                        on:change=on_change
                    />
                    <p class="muted">
                        {fill(tu_string!(i18n, profile.avatar.formats), &[("size", &human_size(MAX_AVATAR_BYTES))])}
                    </p>
                </div>
                <Show when=move || !url.get().is_empty()>
                    <ActionForm action=remove>
                        <button type="submit" class="button" disabled=remove.pending()>
                            {tu_string!(i18n, profile.avatar.remove)}
                        </button>
                    </ActionForm>
                </Show>
            </div>
            <p class="form-error" role="alert">{error}</p>
            <p class="form-saved" role="status">
                {move || upload.pending().get().then_some(tu_string!(i18n, profile.avatar.uploading))}
            </p>
        </section>
    }
}

/// Reads the chosen file (the browser does the base64) and sends it.
#[cfg(feature = "hydrate")]
fn read_and_upload(
    ev: leptos::ev::Event,
    upload: ServerAction<UploadAvatar>,
    refused: RwSignal<Option<String>>,
    locale: crate::i18n::Locale,
) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    use crate::i18n::td_string;
    use crate::uploads::ReplyFile;

    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return;
    };
    if file.size() as u64 > MAX_AVATAR_BYTES {
        refused.set(Some(fill(
            td_string!(locale, profile.avatar.too_large),
            &[
                ("size", &human_size(MAX_AVATAR_BYTES)),
                ("name", &file.name()),
            ],
        )));
        input.set_value("");
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let done = reader.clone();
    let (name, content_type) = (file.name(), file.type_());
    let on_done = Closure::once_into_js(move || {
        // `data:<type>;base64,<data>`.
        let data = done
            .result()
            .ok()
            .and_then(|r| r.as_string())
            .and_then(|url| url.split_once(',').map(|(_, data)| data.to_owned()));
        match data {
            Some(data) => {
                upload.dispatch(UploadAvatar {
                    file: ReplyFile {
                        name,
                        content_type,
                        data,
                    },
                });
            }
            None => refused.set(Some(fill(
                td_string!(locale, profile.avatar.unreadable),
                &[("name", &name)],
            ))),
        }
        input.set_value("");
    });
    reader.set_onloadend(Some(on_done.unchecked_ref()));
    let _ = reader.read_as_data_url(&file);
}
