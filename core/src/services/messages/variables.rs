//! Template variables in an agent's message: `{{ contact.first_name }}` is replaced by the
//! contact's first name, and `{{ contact.first_name || 'there' }}` falls back to `there` when
//! the value is missing (the product guide's syntax). A pure function: the caller gathers the
//! values (see [`Sources`]) and decides which messages are substituted.
//!
//! Rules, after Chatwoot: names are the guide's list plus the e-mail, inbox and account ones;
//! a known variable without a value becomes its fallback, or nothing; text inside backtick
//! code spans is left alone (Chatwoot skips code the same way). Unlike Chatwoot's Liquid,
//! which blanks unknown names, an unknown name is kept exactly as written: Chatwoot warns
//! before sending one, and silently dropping what the agent typed would lose text.

/// The variables an agent can use, as offered by the reply box.
pub const NAMES: [&str; 16] = [
    "contact.name",
    "contact.first_name",
    "contact.last_name",
    "contact.email",
    "contact.phone_number",
    "contact.id",
    "agent.name",
    "agent.first_name",
    "agent.last_name",
    "agent.email",
    "agent.phone_number",
    "conversation.id",
    "inbox.id",
    "inbox.name",
    "account.id",
    "account.name",
];

/// A person a variable can describe (the contact, or the sending agent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// Record id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone_number: Option<String>,
}

/// Everything a message's variables can be filled from; `None` parts leave their variables
/// empty (so fallbacks apply).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// The conversation's display id.
    pub conversation_id: Option<i64>,
    /// The conversation's contact.
    pub contact: Option<Person>,
    /// The agent sending the message.
    pub agent: Option<Person>,
    /// The inbox: id and name.
    pub inbox: Option<(i64, String)>,
    /// The account: id and name.
    pub account: Option<(i64, String)>,
}

impl Sources {
    /// The value of a known variable (`Some(None)` when it has none), `None` for an unknown
    /// name.
    pub fn value(&self, name: &str) -> Option<Option<String>> {
        let (object, field) = name.split_once('.')?;
        let person = |p: &Option<Person>| -> Option<Option<String>> {
            let p = p.as_ref();
            Some(match field {
                "id" => p.map(|p| p.id.to_string()),
                "name" => p.map(|p| p.name.trim().to_owned()),
                "first_name" => p.map(|p| first_name(&p.name).to_owned()),
                "last_name" => p.map(|p| last_name(&p.name).to_owned()),
                "email" => p.and_then(|p| p.email.clone()),
                "phone_number" => p.and_then(|p| p.phone_number.clone()),
                _ => return None,
            })
        };
        let value = match (object, field) {
            ("contact", _) => person(&self.contact)?,
            ("agent", "id") => return None,
            ("agent", _) => person(&self.agent)?,
            ("conversation", "id") => self.conversation_id.map(|id| id.to_string()),
            ("inbox", "id") => self.inbox.as_ref().map(|(id, _)| id.to_string()),
            ("inbox", "name") => self.inbox.as_ref().map(|(_, name)| name.clone()),
            ("account", "id") => self.account.as_ref().map(|(id, _)| id.to_string()),
            ("account", "name") => self.account.as_ref().map(|(_, name)| name.clone()),
            _ => return None,
        };
        Some(value.filter(|v| !v.trim().is_empty()))
    }
}

/// The first word of a name (Chatwoot's `first_name`).
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or_default()
}

/// The last word of a name of two words or more, else empty (Chatwoot's `last_name`).
pub fn last_name(name: &str) -> &str {
    let mut words = name.split_whitespace();
    let first = words.next();
    match (first, words.next_back()) {
        (Some(_), Some(last)) => last,
        _ => "",
    }
}

/// `content` with its known variables replaced from `sources`.
pub fn substitute(content: &str, sources: &Sources) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find(['`', '{']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            let skipped = code_span_len(rest);
            out.push_str(&rest[..skipped]);
            rest = &rest[skipped..];
        } else if let Some(body_end) = rest.strip_prefix("{{").and_then(|r| r.find("}}")) {
            let whole = &rest[..body_end + 4];
            match replacement(&rest[2..body_end + 2], sources) {
                Some(value) => out.push_str(&value),
                None => out.push_str(whole),
            }
            rest = &rest[whole.len()..];
        } else {
            out.push('{');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// What `{{ body }}` becomes, or `None` to keep it as written (an unknown name).
fn replacement(body: &str, sources: &Sources) -> Option<String> {
    let (name, fallback) = split_fallback(body);
    let value = sources.value(name)?;
    Some(value.unwrap_or_else(|| fallback.unwrap_or_default().to_owned()))
}

/// `name || 'fallback'` → the name and the unquoted fallback.
fn split_fallback(body: &str) -> (&str, Option<&str>) {
    match body.split_once("||") {
        Some((name, fallback)) => (name.trim(), Some(unquote(fallback.trim()))),
        None => (body.trim(), None),
    }
}

/// Strips one pair of matching single or double quotes.
fn unquote(text: &str) -> &str {
    for quote in ['\'', '"'] {
        if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote)) {
            return inner;
        }
    }
    text
}

/// The byte length of the code span starting at `text` (a run of backticks up to the next run
/// of the same length), or of the backtick run alone when it is never closed.
fn code_span_len(text: &str) -> usize {
    let ticks = text.bytes().take_while(|b| *b == b'`').count();
    let mut search = ticks;
    while let Some(found) = text[search..].find('`') {
        let start = search + found;
        let run = text[start..].bytes().take_while(|b| *b == b'`').count();
        if run == ticks {
            return start + run;
        }
        search = start + run;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources {
        Sources {
            conversation_id: Some(42),
            contact: Some(Person {
                id: 7,
                name: "Grace Brewster Hopper".into(),
                email: Some("grace@example.com".into()),
                phone_number: None,
            }),
            agent: Some(Person {
                id: 1,
                name: "Ada".into(),
                email: Some("ada@example.com".into()),
                phone_number: None,
            }),
            inbox: Some((3, "Website".into())),
            account: Some((1, "Acme".into())),
        }
    }

    #[test]
    fn known_variables_are_replaced_with_or_without_spaces() {
        let text = "Hi {{contact.first_name}}, I'm {{ agent.name }} from {{ account.name }} \
                    about #{{conversation.id}} ({{ contact.last_name }}, {{contact.email}}).";
        assert_eq!(
            substitute(text, &sources()),
            "Hi Grace, I'm Ada from Acme about #42 (Hopper, grace@example.com)."
        );
        assert_eq!(
            substitute("{{inbox.name}} {{inbox.id}} {{contact.id}}", &sources()),
            "Website 3 7"
        );
    }

    #[test]
    fn a_missing_value_uses_the_fallback_or_nothing() {
        let s = sources();
        assert_eq!(
            substitute("Call {{ contact.phone_number || 'us' }}!", &s),
            "Call us!"
        );
        assert_eq!(
            substitute("Hey {{ agent.last_name || \"there\" }}", &s),
            "Hey there"
        );
        assert_eq!(substitute("[{{ agent.last_name }}]", &s), "[]");
        // A value wins over the fallback.
        assert_eq!(
            substitute("Hey {{ contact.first_name || 'there'}}", &s),
            "Hey Grace"
        );
        // No contact at all: fallbacks everywhere.
        let empty = Sources::default();
        assert_eq!(
            substitute("Hey {{ contact.first_name || 'there'}}", &empty),
            "Hey there"
        );
    }

    #[test]
    fn unknown_names_and_code_are_left_as_written() {
        let s = sources();
        let text = "Order {{ order.id }} and {{agent.id}} and {{ contact.name";
        assert_eq!(substitute(text, &s), text);
        assert_eq!(
            substitute("`{{contact.name}}` but {{contact.name}}", &s),
            "`{{contact.name}}` but Grace Brewster Hopper"
        );
        assert_eq!(
            substitute("```\n{{ contact.name }}\n```", &s),
            "```\n{{ contact.name }}\n```"
        );
        // An unclosed backtick is just a character.
        assert_eq!(
            substitute("it`s {{contact.first_name}} { }", &s),
            "it`s Grace { }"
        );
    }

    #[test]
    fn names_split_like_chatwoot() {
        assert_eq!(first_name("  Grace  Hopper "), "Grace");
        assert_eq!(last_name("Grace Brewster Hopper"), "Hopper");
        assert_eq!(last_name("Grace"), "");
        assert_eq!(first_name(""), "");
    }

    #[test]
    fn every_offered_name_is_known() {
        for name in NAMES {
            assert!(sources().value(name).is_some(), "{name}");
        }
    }
}
