//! Resources carried from the server to the browser as JSON, all compiled as one type.
//!
//! Why one type: Leptos compiles its resource machinery (the async derived signal, the memo
//! over its source, suspense and hydration hooks) once for every value type and again for
//! every source and fetcher closure: about 14 KB of WASM before wasm-opt per resource in the
//! main module (docs/PERFORMANCE.md, session 10). Here every resource is a
//! `Resource<Loaded>` made by one non-generic function from boxed closures. The typed value
//! is taken out of [`Loaded`] where the page reads it; only that step is compiled per type.
//!
//! The server writes the value into the page as `serde_json` text, after the resource's call
//! site (`file:line:column`). The browser reads it with [`crate::json_text::from_json`], the
//! dashboard's one JSON reader, the first time the page reads it.
//!
//! Why the call site: hydration hands each resource the value the server wrote under the same
//! sequence number, and a lazily loaded page is rendered more than once on the server, so a
//! resource created inside another one's `Suspend` can be handed a different resource's
//! value. A typed codec refused that JSON and the resource loaded its own value; an erased
//! one cannot tell by the JSON, so it compares the call site and refuses it the same way.

use std::any::Any;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::panic::Location;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use codee::{Decoder, Encoder};
use leptos::prelude::{Get, Resource, WithUntracked};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::DashboardError;
use crate::json_text::{JsonError, from_json};

/// What every resource of the dashboard holds: a `Result<T, DashboardError>`.
pub type Answer<T> = Result<T, DashboardError>;

/// A resource whose value is an [`Answer<T>`], loaded from the server and hydrated from the
/// JSON the server rendered into the page.
pub struct JsonResource<T> {
    inner: Resource<Loaded, LoadedCodec>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for JsonResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for JsonResource<T> {}

impl<T> JsonResource<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    /// The value once loaded (`None` while the first load is on its way); tracked.
    pub fn get(&self) -> Option<Answer<T>> {
        self.inner.get().map(|loaded| loaded.read::<T>())
    }

    /// Applies `f` to the value once loaded, without tracking or cloning it (event handlers).
    pub fn with_untracked<U>(&self, f: impl FnOnce(&Answer<T>) -> U) -> Option<U> {
        self.inner
            .with_untracked(|loaded| loaded.as_ref().map(|loaded| loaded.with::<T, U>(f)))
    }
}

impl<T> IntoFuture for JsonResource<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    type Output = Answer<T>;
    type IntoFuture = Reading<T>;

    /// Waits for the value, registering with the enclosing `Suspense`/`Transition`.
    fn into_future(self) -> Reading<T> {
        Reading {
            inner: self.inner.into_future(),
            value: PhantomData,
        }
    }
}

/// The future of `resource.await`: the erased resource's own, typed on the way out.
pub struct Reading<T> {
    inner: <Resource<Loaded, LoadedCodec> as IntoFuture>::IntoFuture,
    value: PhantomData<fn() -> T>,
}

impl<T> Future for Reading<T>
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    type Output = Answer<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer<T>> {
        // Both futures are `Unpin`: no pin projection needed.
        let this = self.get_mut();
        Pin::new(&mut this.inner)
            .poll(cx)
            .map(|loaded| loaded.read::<T>())
    }
}

/// Like `Resource::new`: reloads when `source` changes; the page streams while it loads.
#[track_caller]
pub fn new<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> JsonResource<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = Answer<T>> + Send + 'static,
{
    typed(source, fetcher, false)
}

/// Like `Resource::new_blocking`: the server waits for it before sending the page.
#[track_caller]
pub fn blocking<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> JsonResource<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = Answer<T>> + Send + 'static,
{
    typed(source, fetcher, true)
}

/// The per-call-site part: boxes the source and fetcher so that [`erased`] is compiled once.
#[track_caller]
fn typed<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
    blocking: bool,
) -> JsonResource<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = Answer<T>> + Send + 'static,
{
    let site = Location::caller();
    let source: SourceFn = Arc::new(move || Source(Arc::new(source())));
    let fetch: FetchFn = Arc::new(move |key: Source| -> LoadFuture {
        match key.0.as_any().downcast_ref::<S>() {
            Some(source) => {
                let load = fetcher(source.clone());
                Box::pin(async move { Loaded::of(load.await, site) })
            }
            // Both closures come from this call with the same `S`: not reached.
            None => Box::pin(async move {
                let failed = Err(DashboardError::Transport("resource source".to_owned()));
                Loaded::of::<T>(failed, site)
            }),
        }
    });
    let inner = CREATING.with(|creating| {
        creating.set(Some(site));
        let inner = erased(source, fetch, blocking);
        creating.set(None);
        inner
    });
    JsonResource {
        inner,
        value: PhantomData,
    }
}

thread_local! {
    /// The call site of the resource being created: [`LoadedCodec::decode`] runs inside
    /// `Resource::new_with_options` and has no other way to know which resource it decodes for.
    static CREATING: std::cell::Cell<Option<&'static Location<'static>>> =
        const { std::cell::Cell::new(None) };
}

/// `file:line:column`, the same on the server and in the browser.
fn site_tag(site: &Location<'_>) -> String {
    format!("{}:{}:{}", site.file(), site.line(), site.column())
}

type SourceFn = Arc<dyn Fn() -> Source + Send + Sync>;
type LoadFuture = Pin<Box<dyn Future<Output = Loaded> + Send>>;
type FetchFn = Arc<dyn Fn(Source) -> LoadFuture + Send + Sync>;

/// The one instantiation of Leptos' resource the dashboard compiles.
#[track_caller]
fn erased(source: SourceFn, fetch: FetchFn, blocking: bool) -> Resource<Loaded, LoadedCodec> {
    Resource::new_with_options(move || source(), move |key| fetch(key), blocking)
}

/// A resource's source value with its type erased; equal when the typed values are equal.
#[derive(Clone)]
struct Source(Arc<dyn SourceValue>);

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.0.same_as(other.0.as_any())
    }
}

trait SourceValue: Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same_as(&self, other: &dyn Any) -> bool;
}

impl<S: PartialEq + Send + Sync + 'static> SourceValue for S {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<S>() == Some(self)
    }
}

/// A resource's value with its type erased: an `Answer<T>` loaded here, or the JSON text the
/// server rendered into the page, decoded the first time it is read.
#[derive(Clone)]
pub struct Loaded(Arc<LoadedInner>);

struct LoadedInner {
    /// The `Answer<T>`, once there.
    value: OnceLock<Box<dyn Any + Send + Sync>>,
    /// The server's JSON for it, while hydrating.
    text: Option<String>,
    /// How the server writes the value into the page.
    #[cfg(feature = "ssr")]
    encode: fn(&(dyn Any + Send + Sync)) -> Result<String, JsonError>,
    /// Where the resource was created (written before the value).
    #[cfg(feature = "ssr")]
    site: &'static Location<'static>,
}

impl Loaded {
    fn of<T: Serialize + Send + Sync + 'static>(
        answer: Answer<T>,
        site: &'static Location<'static>,
    ) -> Loaded {
        #[cfg(not(feature = "ssr"))]
        let _ = site;
        Loaded(Arc::new(LoadedInner {
            value: OnceLock::from(Box::new(answer) as Box<dyn Any + Send + Sync>),
            text: None,
            #[cfg(feature = "ssr")]
            encode: encode_answer::<T>,
            #[cfg(feature = "ssr")]
            site,
        }))
    }

    fn from_text(text: &str) -> Loaded {
        Loaded(Arc::new(LoadedInner {
            value: OnceLock::new(),
            text: Some(text.to_owned()),
            #[cfg(feature = "ssr")]
            encode: |_| {
                Err(JsonError(
                    "a hydrated value is not written again".to_owned(),
                ))
            },
            #[cfg(feature = "ssr")]
            site: Location::caller(),
        }))
    }

    /// The typed value. A resource is always read as the type it was made with; JSON that
    /// does not fit it (a server of another version) reads as a transport error.
    fn read<T: DeserializeOwned + Clone + Send + Sync + 'static>(&self) -> Answer<T> {
        self.with(Answer::<T>::clone)
    }

    /// Applies `f` to the typed value (decoded on the first read).
    fn with<T: DeserializeOwned + Send + Sync + 'static, U>(
        &self,
        f: impl FnOnce(&Answer<T>) -> U,
    ) -> U {
        let value = self.0.value.get_or_init(|| {
            let text = self.0.text.as_deref().unwrap_or("null");
            let answer: Answer<T> =
                from_json(text).unwrap_or_else(|e| Err(DashboardError::Transport(e.to_string())));
            Box::new(answer)
        });
        match value.downcast_ref::<Answer<T>>() {
            Some(answer) => f(answer),
            None => f(&Err(DashboardError::Transport("resource type".to_owned()))),
        }
    }
}

#[cfg(feature = "ssr")]
fn encode_answer<T: Serialize + 'static>(
    value: &(dyn Any + Send + Sync),
) -> Result<String, JsonError> {
    match value.downcast_ref::<Answer<T>>() {
        Some(answer) => serde_json::to_string(answer).map_err(|e| JsonError(e.to_string())),
        None => Err(JsonError("resource type".to_owned())),
    }
}

/// The codec: the value's own `serde_json` text written on the server, kept as text when the
/// browser hydrates (decoded on first read, as its type is known only there).
pub struct LoadedCodec;

impl Encoder<Loaded> for LoadedCodec {
    type Error = JsonError;
    type Encoded = String;

    fn encode(loaded: &Loaded) -> Result<String, JsonError> {
        #[cfg(feature = "ssr")]
        match loaded.0.value.get() {
            Some(value) => (loaded.0.encode)(value.as_ref())
                .map(|json| format!("{}\n{json}", site_tag(loaded.0.site))),
            None => Err(JsonError(
                "a hydrated value is not written again".to_owned(),
            )),
        }
        #[cfg(not(feature = "ssr"))]
        {
            // The browser never writes resources into a page.
            let _ = loaded;
            Err(JsonError("resources are written by the server".to_owned()))
        }
    }
}

impl Decoder<Loaded> for LoadedCodec {
    type Error = JsonError;
    type Encoded = str;

    /// Refuses the value of another resource (see the module documentation); the resource
    /// then loads its own.
    fn decode(text: &str) -> Result<Loaded, JsonError> {
        let (site, json) = text
            .split_once('\n')
            .ok_or_else(|| JsonError("no call site".to_owned()))?;
        match CREATING.with(std::cell::Cell::get) {
            Some(creating) if site_tag(creating) != site => {
                Err(JsonError(format!("written by {site}")))
            }
            _ => Ok(Loaded::from_text(json)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn here() -> &'static Location<'static> {
        Location::caller()
    }

    /// Decodes `text` as hydration does while the resource made at `site` is being created.
    fn hydrate(text: &str, site: &'static Location<'static>) -> Result<Loaded, JsonError> {
        CREATING.with(|creating| {
            creating.set(Some(site));
            let decoded = LoadedCodec::decode(text);
            creating.set(None);
            decoded
        })
    }

    // Writing a resource into a page is the server's part.
    #[cfg(feature = "ssr")]
    #[test]
    fn what_the_server_writes_the_browser_reads_back() {
        let site = here();
        let answer: Answer<Vec<(i64, String)>> = Ok(vec![(1, "é \"quoted\"".into())]);
        let text = LoadedCodec::encode(&Loaded::of(answer.clone(), site)).unwrap();
        assert!(text.starts_with("app/src/json_resource.rs:"), "{text}");
        let hydrated = hydrate(&text, site).unwrap();
        assert_eq!(hydrated.read::<Vec<(i64, String)>>(), answer);
        // Read twice (an effect and a view): the same value.
        assert_eq!(hydrated.read::<Vec<(i64, String)>>(), answer);

        let failed: Answer<Vec<String>> = Err(DashboardError::SignInRequired);
        let text = LoadedCodec::encode(&Loaded::of(failed.clone(), site)).unwrap();
        assert_eq!(hydrate(&text, site).unwrap().read::<Vec<String>>(), failed);
    }

    // Writing a resource into a page is the server's part.
    #[cfg(feature = "ssr")]
    #[test]
    fn another_resources_value_is_refused_so_the_resource_loads_its_own() {
        let (mine, other) = (here(), here());
        let text = LoadedCodec::encode(&Loaded::of::<i64>(Ok(3), other)).unwrap();
        assert!(hydrate(&text, mine).is_err());
        assert_eq!(hydrate(&text, other).unwrap().read::<i64>(), Ok(3));
        assert!(hydrate("{\"Ok\":3}", mine).is_err(), "no call site");
    }

    #[test]
    fn json_of_another_shape_reads_as_a_transport_error() {
        let site = here();
        let tag = site_tag(site);
        let truncated = hydrate(&format!("{tag}\n{{\"Ok\":[\"a\""), site).unwrap();
        assert!(matches!(
            truncated.read::<Vec<String>>(),
            Err(DashboardError::Transport(_))
        ));
        let other = hydrate(&format!("{tag}\n{{\"Ok\":{{\"id\":1}}}}"), site).unwrap();
        assert!(matches!(
            other.read::<Vec<String>>(),
            Err(DashboardError::Transport(_))
        ));
    }

    #[test]
    fn sources_compare_by_their_typed_values() {
        let a = Source(Arc::new((1_i64, Some(2_i64))));
        assert!(a == Source(Arc::new((1_i64, Some(2_i64)))));
        assert!(a != Source(Arc::new((1_i64, None::<i64>))));
        assert!(a != Source(Arc::new(1_i64)));
    }
}
