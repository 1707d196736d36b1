//! Small DOM helpers the forms share: reading a form's values and testing admin-written regexes.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{FormData, HtmlFormElement};

/// The `(name, value)` pairs a submitted form holds (unchecked checkboxes are absent).
pub fn form_values(form: &HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = FormData::new_with_form(form) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let Ok(Some(entries)) = js_sys::try_iter(&data) else {
        return out;
    };
    for entry in entries.flatten() {
        let pair = js_sys::Array::from(&entry);
        if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((name, value));
        }
    }
    out
}

/// The value of `name` in `values`, or "".
pub fn value_of<'a>(values: &'a [(String, String)], name: &str) -> &'a str {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Whether `value` matches the JS regex `pattern`. An invalid pattern (an admin typo) accepts
/// everything rather than blocking visitors: `new RegExp` is called through `Reflect` so its
/// SyntaxError comes back as an `Err` instead of trapping.
pub fn regex_matches(pattern: &str, value: &str) -> bool {
    let global = js_sys::global();
    let Ok(ctor) = js_sys::Reflect::get(&global, &JsValue::from_str("RegExp")) else {
        return true;
    };
    let Ok(ctor) = ctor.dyn_into::<js_sys::Function>() else {
        return true;
    };
    let args = js_sys::Array::of1(&JsValue::from_str(pattern));
    match js_sys::Reflect::construct(&ctor, &args).map(JsCast::unchecked_into::<js_sys::RegExp>) {
        Ok(re) => re.test(value),
        Err(_) => true,
    }
}
