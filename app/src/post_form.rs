//! Forms that post to a server function through one non-generic helper instead of a typed
//! `ServerAction` + `ActionForm`.
//!
//! Why: each `ServerAction<S>` compiles, into the browser bundle, a form decoder and a
//! `serde_qs` encoder for `S` plus the action machinery, only to turn the form's fields into
//! `S` and straight back into the same form body. [`PostForm`] sends the form's fields as they
//! are (the body the browser would post without JavaScript, which the server function already
//! reads) and keeps the answer as text, so that code exists once for every form.
//!
//! Without JavaScript nothing changes: the form is a plain `POST` to the function's URL, and
//! the server answers with a redirect back.

use leptos::prelude::*;

use crate::error::DashboardError;

/// One form's server function and how its last submission went: the parts of a
/// `ServerAction` the views read.
#[derive(Clone, Copy)]
pub struct FormAction {
    /// The server function's URL (`S::url()`).
    url: &'static str,
    /// Completed submissions, successful or not.
    version: RwSignal<usize>,
    /// A submission is on its way.
    pending: RwSignal<bool>,
    /// The last answer: the JSON the function returned, or its error.
    value: RwSignal<Option<Result<String, DashboardError>>>,
}

impl FormAction {
    /// The state of forms posting to the server function `S`, owned by the calling component.
    /// Only `S`'s URL is used: nothing of `S`'s argument encoding reaches the bundle.
    ///
    /// A form posted without JavaScript comes back to its page with the error in the URL
    /// (see the server's `server_fn_status`); it starts as that submission's answer, so the
    /// error shows under the form, as `ServerAction` does.
    pub fn of<S: leptos::server_fn::ServerFn>() -> FormAction {
        FormAction {
            url: S::url(),
            version: RwSignal::new(0),
            pending: RwSignal::new(false),
            value: RwSignal::new(error_in_url(S::PATH)),
        }
    }

    /// How many submissions completed: read it in a resource's source to refetch after each.
    pub fn version(self) -> RwSignal<usize> {
        self.version
    }

    /// Whether a submission is on its way (to disable the submit button).
    pub fn pending(self) -> RwSignal<bool> {
        self.pending
    }

    /// The last answer: the JSON text the server function returned, or its error.
    pub fn value(self) -> RwSignal<Option<Result<String, DashboardError>>> {
        self.value
    }

    /// Posts `args` to the server function as JSON in the background, like a form submission
    /// (for what a form's fields cannot carry: the reply box's files and mention links).
    /// `args` must be the function's own arguments; `S` from [`FormAction::of`] reads them.
    pub fn send_json<T: serde::Serialize>(self, args: &T) {
        let body = crate::json_text::to_json(args);
        self.pending.set(true);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let answer = match body {
                Ok(body) => post(self.url, "application/json", body).await,
                Err(error) => Err(DashboardError::Transport(error.to_string())),
            };
            self.finish(answer);
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = body;
    }

    /// Records a submission's answer.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn finish(self, answer: Result<String, DashboardError>) {
        self.value.set(Some(answer));
        self.pending.set(false);
        self.version.update(|n| *n += 1);
    }

    /// The last submission's error, as shown under the form.
    pub fn error(self) -> Option<String> {
        self.value
            .get()
            .and_then(Result::err)
            .map(|error| error.to_string())
    }
}

/// The error a form posted to `path` without JavaScript brought back in the page's URL.
fn error_in_url(path: &str) -> Option<Result<String, DashboardError>> {
    use leptos::server::ServerActionError;
    use leptos::server_fn::error::ServerFnUrlError;
    use_context::<ServerActionError>()
        .filter(|error| error.path() == path)
        .map(|error| Err(ServerFnUrlError::<DashboardError>::decode_err(error.err())))
}

/// A `<form method="post">` to `action`'s server function; with JavaScript it posts in the
/// background and records the answer in `action`. Attributes given as `attr:` land on the
/// `<form>`.
#[component]
pub fn PostForm(action: FormAction, children: Children) -> impl IntoView {
    view! {
        <form method="post" action=action.url on:submit=move |ev| submit(action, ev)>
            {children()}
        </form>
    }
}

/// Posts the submitted form's fields (with the button that submitted it) in the background.
#[cfg(feature = "hydrate")]
fn submit(action: FormAction, ev: leptos::ev::SubmitEvent) {
    use wasm_bindgen::JsCast;

    // Another handler (a confirmation, say) may already have taken the submission.
    if ev.default_prevented() {
        return;
    }
    ev.prevent_default();
    let Some(form) = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let body = web_sys::FormData::new_with_form(&form)
        .and_then(|fields| {
            // A named submit button counts as a field, as in a plain form post.
            if let Some(button) = ev.submitter()
                && let Some(name) = button.get_attribute("name")
            {
                let value = button.get_attribute("value").unwrap_or_default();
                fields.append_with_str(&name, &value)?;
            }
            web_sys::UrlSearchParams::new_with_str_sequence_sequence(&fields)
        })
        .map(|params| String::from(params.to_string()));
    action.pending.set(true);
    leptos::task::spawn_local(async move {
        let answer = match body {
            Ok(body) => post(action.url, "application/x-www-form-urlencoded", body).await,
            Err(_) => Err(DashboardError::Transport("unreadable form".into())),
        };
        action.finish(answer);
    });
}

/// Server rendering never submits.
#[cfg(not(feature = "hydrate"))]
fn submit(_action: FormAction, _ev: leptos::ev::SubmitEvent) {}

/// `POST url` with a form (or JSON) body, asking for JSON (so the server function answers,
/// and asks for any redirect in a header, instead of redirecting as it does for a plain form
/// post).
#[cfg(feature = "hydrate")]
async fn post(url: &str, content_type: &str, body: String) -> Result<String, DashboardError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let transport = |error: JsValue| {
        DashboardError::Transport(error.as_string().unwrap_or_else(|| "network error".into()))
    };
    let headers = web_sys::Headers::new().map_err(transport)?;
    headers
        .set("Content-Type", content_type)
        .map_err(transport)?;
    headers
        .set("Accept", "application/json")
        .map_err(transport)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(transport)?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(transport)?)
        .await
        .map_err(transport)?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        // `leptos_axum::redirect` answers a script with this header instead of a 302; the
        // router's hook then navigates in the page, as for any server function.
        let headers = response.headers();
        if let (Ok(Some(_)), Ok(Some(location))) =
            (headers.get("serverfnredirect"), headers.get("location"))
        {
            leptos::server_fn::redirect::call_redirect_hook(&location);
        }
        Ok(text)
    } else {
        // The server function's error, as JSON; anything else (a proxy's page) by its status.
        Err(crate::json_text::from_json::<DashboardError>(&text)
            .unwrap_or_else(|_| DashboardError::Transport(format!("HTTP {}", response.status()))))
    }
}
