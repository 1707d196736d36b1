//! Reading fields out of `serde_json::Value` by hand. Every API shape goes through the one `Value`
//! parser instead of a serde derive per type, which roughly halves the JSON code in the bundle;
//! it is also the tolerant reader we want: a missing or odd field reads as its default.

use serde_json::Value;

/// `text` as JSON, or null.
pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// `v[key]` as a string (numbers are not strings here).
pub fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// `v[key]` as a non-empty string.
pub fn text(v: &Value, key: &str) -> Option<String> {
    string(v, key).filter(|s| !s.is_empty())
}

/// `v[key]` as a float (a numeric string counts), else 0.
pub fn number(v: &Value, key: &str) -> f64 {
    match v.get(key) {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

/// `v[key]` as an optional float.
pub fn opt_number(v: &Value, key: &str) -> Option<f64> {
    v.get(key).filter(|x| !x.is_null()).map(|_| number(v, key))
}

/// `v[key]` as an id (a numeric string counts), else 0.
pub fn id(v: &Value, key: &str) -> u64 {
    match v.get(key) {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    }
}

/// `v[key]` as a boolean, else false.
pub fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// `v[key]` as an array, else empty.
pub fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// `v[key]` as an object or another value, null when absent.
pub fn field(v: &Value, key: &str) -> Value {
    v.get(key).cloned().unwrap_or(Value::Null)
}

/// Maps each element of `v[key]` (or of `v` itself when it is an array) with `f`.
pub fn each<T>(v: &Value, key: &str, f: impl Fn(&Value) -> T) -> Vec<T> {
    let items = if key.is_empty() {
        v.as_array().map_or(&[][..], Vec::as_slice)
    } else {
        list(v, key)
    };
    items.iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_reads() {
        let v = parse(r#"{"a":"1","b":2,"c":null,"d":[1,2],"e":true}"#);
        assert_eq!(id(&v, "a"), 1);
        assert_eq!(number(&v, "b"), 2.0);
        assert_eq!(opt_number(&v, "c"), None);
        assert_eq!(list(&v, "d").len(), 2);
        assert!(flag(&v, "e"));
        assert_eq!(string(&v, "b"), None);
        assert_eq!(parse("not json"), Value::Null);
        assert_eq!(
            each(&parse("[1,2]"), "", |x| x.as_u64()),
            [Some(1), Some(2)]
        );
    }
}
