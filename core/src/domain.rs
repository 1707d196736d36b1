//! Domain enums: stored as small integers (the values of interfaces.md §7), sent as strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An enum whose variants have a stored integer and a wire name.
pub trait StoredEnum: Sized + Copy + 'static {
    /// Every variant, in stored-value order.
    const ALL: &'static [Self];
    /// The integer kept in the database.
    fn to_i16(self) -> i16;
    /// The name used on the wire (JSON, query strings).
    fn as_str(self) -> &'static str;
    /// The variant stored as `value`, if any.
    fn from_i16(value: i16) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.to_i16() == value)
    }
    /// The variant named `name` on the wire, if any.
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == name)
    }
}

macro_rules! stored_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($wire),+]))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl StoredEnum for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn to_i16(self) -> i16 { match self { $(Self::$variant => $value),+ } }
            fn as_str(self) -> &'static str { match self { $(Self::$variant => $wire),+ } }
        }

        impl TryFrom<i16> for $name {
            type Error = UnknownVariant;
            fn try_from(value: i16) -> Result<Self, Self::Error> {
                <Self as StoredEnum>::from_i16(value).ok_or_else(|| UnknownVariant(value.to_string()))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as StoredEnum>::parse(s).ok_or_else(|| UnknownVariant(s.to_owned()))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                <Self as StoredEnum>::parse(&raw).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown value `{raw}`"))
                })
            }
        }
    };
}

/// A wire name that matches no variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVariant(pub String);

impl std::fmt::Display for UnknownVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown value `{}`", self.0)
    }
}

impl std::error::Error for UnknownVariant {}

stored_enum! {
    /// Whether an account may be used.
    AccountStatus { Active = 0 => "active", Suspended = 1 => "suspended" }
}

stored_enum! {
    /// A member's role in an account.
    Role { Agent = 0 => "agent", Administrator = 1 => "administrator" }
}

stored_enum! {
    /// The availability an agent chose (presence adds the live online/offline on top).
    Availability { Online = 0 => "online", Offline = 1 => "offline", Busy = 2 => "busy" }
}

stored_enum! {
    /// Where a conversation stands.
    ConversationStatus { Open = 0 => "open", Resolved = 1 => "resolved", Pending = 2 => "pending", Snoozed = 3 => "snoozed" }
}

stored_enum! {
    /// A conversation's priority; absent means none.
    Priority { Low = 0 => "low", Medium = 1 => "medium", High = 2 => "high", Urgent = 3 => "urgent" }
}

stored_enum! {
    /// Who a message comes from and how it is shown.
    MessageType { Incoming = 0 => "incoming", Outgoing = 1 => "outgoing", Activity = 2 => "activity", Template = 3 => "template" }
}

stored_enum! {
    /// How a message's content is rendered.
    ContentType {
        Text = 0 => "text",
        InputText = 1 => "input_text",
        InputTextarea = 2 => "input_textarea",
        InputEmail = 3 => "input_email",
        InputSelect = 4 => "input_select",
        Cards = 5 => "cards",
        Form = 6 => "form",
        Article = 7 => "article",
        IncomingEmail = 8 => "incoming_email",
        InputCsat = 9 => "input_csat",
        Integrations = 10 => "integrations",
        Sticker = 11 => "sticker",
        VoiceCall = 12 => "voice_call",
    }
}

stored_enum! {
    /// Delivery state of a message.
    MessageStatus { Sent = 0 => "sent", Delivered = 1 => "delivered", Read = 2 => "read", Failed = 3 => "failed" }
}

stored_enum! {
    /// The kind of file attached to a message.
    FileType {
        Image = 0 => "image",
        Audio = 1 => "audio",
        Video = 2 => "video",
        File = 3 => "file",
        Location = 4 => "location",
        Fallback = 5 => "fallback",
        Share = 6 => "share",
        StoryMention = 7 => "story_mention",
        Contact = 8 => "contact",
        IgReel = 9 => "ig_reel",
        IgPost = 10 => "ig_post",
        IgStory = 11 => "ig_story",
        Embed = 12 => "embed",
    }
}

stored_enum! {
    /// How a contact relates to the business.
    ContactType { Visitor = 0 => "visitor", Lead = 1 => "lead", Customer = 2 => "customer" }
}

stored_enum! {
    /// What a custom attribute definition describes.
    AttributeModel { Conversation = 0 => "conversation_attribute", Contact = 1 => "contact_attribute" }
}

stored_enum! {
    /// How the dashboard shows and edits a custom attribute.
    AttributeDisplayType {
        Text = 0 => "text",
        Number = 1 => "number",
        Currency = 2 => "currency",
        Percent = 3 => "percent",
        Link = 4 => "link",
        Date = 5 => "date",
        List = 6 => "list",
        Checkbox = 7 => "checkbox",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_and_wire_names_round_trip() {
        for status in ConversationStatus::ALL {
            assert_eq!(ConversationStatus::from_i16(status.to_i16()), Some(*status));
            assert_eq!(status.as_str().parse::<ConversationStatus>(), Ok(*status));
        }
        assert_eq!(Role::Administrator.to_i16(), 1);
        assert_eq!(ContentType::InputCsat.to_i16(), 9);
        assert_eq!(Availability::from_i16(2), Some(Availability::Busy));
        assert_eq!(Availability::from_i16(7), None);
    }

    #[test]
    fn serialises_as_the_wire_name() {
        let json = serde_json::to_string(&Role::Administrator).unwrap();
        assert_eq!(json, "\"administrator\"");
        let back: Role = serde_json::from_str("\"agent\"").unwrap();
        assert_eq!(back, Role::Agent);
        assert!(serde_json::from_str::<Role>("\"owner\"").is_err());
    }
}
