//! The widget's HTTP client for `/api/v1/widget/*` (same origin as the iframe): every call carries
//! `website_token` and `locale` in the query and the visitor's JWT in `X-Auth-Token`.

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, Headers, Request, RequestInit, Response};

/// Why a call failed. The UI shows one friendly line; the body travels on for `SET_USER_ERROR`.
#[derive(Clone, Debug)]
pub enum ApiError {
    /// fetch itself failed (offline, CORS, aborted).
    Network,
    /// A 4xx/5xx with the response body.
    Status(u16, String),
    /// A 2xx whose body was not what we expected.
    Decode,
}

/// A request body.
pub enum Body<'a> {
    Empty,
    Json(&'a Value),
    Form(&'a FormData),
}

/// Who is calling: rebuilt from the session for each call so a token switch applies at once.
#[derive(Clone, Debug, Default)]
pub struct Client {
    pub website_token: String,
    pub locale: String,
    pub auth_token: String,
}

impl Client {
    /// `GET path` with extra query pairs (`"after=12"`).
    pub async fn get(&self, path: &str, query: &str) -> Result<Value, ApiError> {
        self.call("GET", path, query, Body::Empty).await
    }

    /// A call with a JSON body.
    pub async fn send(&self, method: &str, path: &str, body: &Value) -> Result<Value, ApiError> {
        self.call(method, path, "", Body::Json(body)).await
    }

    /// Any call; the answer as JSON (an empty or non-JSON 2xx body reads as null).
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        query: &str,
        body: Body<'_>,
    ) -> Result<Value, ApiError> {
        let text = self
            .fetch(method, path, query, body)
            .await
            .map_err(|_| ApiError::Network)??;
        Ok(crate::json::parse(&text))
    }

    fn url(&self, path: &str, query: &str) -> String {
        let mut url = format!(
            "/api/v1/widget/{path}?website_token={}&locale={}",
            js_sys::encode_uri_component(&self.website_token),
            js_sys::encode_uri_component(&self.locale),
        );
        if !query.is_empty() {
            url.push('&');
            url.push_str(query);
        }
        url
    }

    /// The raw exchange: outer error = JS failure, inner = HTTP status.
    async fn fetch(
        &self,
        method: &str,
        path: &str,
        query: &str,
        body: Body<'_>,
    ) -> Result<Result<String, ApiError>, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        headers.set("X-Auth-Token", &self.auth_token)?;
        let init = RequestInit::new();
        init.set_method(method);
        match body {
            Body::Empty => {}
            Body::Json(value) => {
                headers.set("Content-Type", "application/json")?;
                init.set_body(&JsValue::from_str(&value.to_string()));
            }
            // The browser writes the multipart boundary into Content-Type itself.
            Body::Form(form) => init.set_body(form),
        }
        init.set_headers(&headers);
        let request = Request::new_with_str_and_init(&self.url(path, query), &init)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await?
            .dyn_into()?;
        let text = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        if response.ok() {
            Ok(Ok(text))
        } else {
            Ok(Err(ApiError::Status(response.status(), text)))
        }
    }
}
