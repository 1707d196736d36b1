//! Plain rules behind the thread's actions and the reply box's helpers: priorities, snooze
//! times (presets and a chosen local time) and the canned-response picker's filter. Shared
//! by the server and the browser.

use crate::i18n::{Locale, td_string};

/// The priorities an agent can pick: form value and label (`none` clears it).
pub const PRIORITIES: [(&str, &str); 5] = [
    ("none", "None"),
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("urgent", "Urgent"),
];

/// The snooze choices: form value and button label.
pub const SNOOZES: [(&str, &str); 3] = [
    ("next_reply", "Until next reply"),
    ("tomorrow", "Until tomorrow"),
    ("next_week", "Until next week"),
];

/// The label of a priority choice (one of [`PRIORITIES`]) in `locale`.
pub fn priority_label(locale: Locale, value: &str) -> &'static str {
    match value {
        "low" => td_string!(locale, thread.actions.priorities.low),
        "medium" => td_string!(locale, thread.actions.priorities.medium),
        "high" => td_string!(locale, thread.actions.priorities.high),
        "urgent" => td_string!(locale, thread.actions.priorities.urgent),
        _ => td_string!(locale, thread.actions.priorities.none),
    }
}

/// The button label of a snooze choice (one of [`SNOOZES`]) in `locale`.
pub fn snooze_label(locale: Locale, value: &str) -> &'static str {
    match value {
        "tomorrow" => td_string!(locale, thread.actions.snoozes.tomorrow),
        "next_week" => td_string!(locale, thread.actions.snoozes.next_week),
        _ => td_string!(locale, thread.actions.snoozes.next_reply),
    }
}

const DAY: i64 = 86_400;
/// Snoozed conversations wake at 09:00 (UTC: OneChat has no account time zone yet).
const WAKE_AT: i64 = 9 * 3_600;

/// Until when (unix seconds) a snooze choice lasts, seen from `now`: `Some(None)` means until
/// the next reply, `None` an unknown choice. Tomorrow is 09:00 UTC the next day, next week
/// 09:00 UTC next Monday.
pub fn snooze_until(choice: &str, now: i64) -> Option<Option<i64>> {
    let today = now.div_euclid(DAY);
    match choice {
        "next_reply" => Some(None),
        "tomorrow" => Some(Some((today + 1) * DAY + WAKE_AT)),
        "next_week" => {
            // Day 0 (1970-01-01) was a Thursday: 0 is Monday here.
            let weekday = (today + 3).rem_euclid(7);
            Some(Some((today + 7 - weekday) * DAY + WAKE_AT))
        }
        _ => None,
    }
}

/// A `datetime-local` value (`2026-11-24T09:30`, seconds optional) in a browser whose clock
/// is `offset_minutes` behind UTC (JavaScript's `getTimezoneOffset()`: -60 for UTC+1), as
/// unix seconds; `None` when it is not a valid date and time.
pub fn local_datetime_to_unix(value: &str, offset_minutes: i64) -> Option<i64> {
    let (date, time) = value.trim().split_once('T')?;
    let mut date_parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (
        date_parts.next()??,
        date_parts.next()??,
        date_parts.next()??,
    );
    let mut time_parts = time.splitn(3, ':');
    let hour: i64 = time_parts.next()?.parse().ok()?;
    let minute: i64 = time_parts.next()?.parse().ok()?;
    let second: i64 = match time_parts.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    let valid = (1970..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..60).contains(&second)
        && (-24 * 60..=24 * 60).contains(&offset_minutes);
    valid.then(|| {
        days_from_civil(year, month, day) * DAY
            + hour * 3_600
            + minute * 60
            + second
            + offset_minutes * 60
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// What follows a leading `/` when the message is a short-code lookup (`/ref` → `ref`), or
/// `None` when the picker should stay closed.
pub fn slash_query(content: &str) -> Option<&str> {
    let rest = content.strip_prefix('/')?;
    (!rest.contains(char::is_whitespace)).then_some(rest)
}

/// A canned response as the reply box offers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CannedChoice {
    /// What the agent types after `/`.
    pub short_code: String,
    /// What is inserted.
    pub content: String,
}

/// The canned responses whose short code contains `query` (ignoring case); those starting
/// with it come first, at most `limit`.
pub fn filter_canned<'a>(
    all: &'a [CannedChoice],
    query: &str,
    limit: usize,
) -> Vec<&'a CannedChoice> {
    let query = query.to_lowercase();
    let mut hits: Vec<(bool, &CannedChoice)> = all
        .iter()
        .filter_map(|c| {
            let code = c.short_code.to_lowercase();
            code.contains(&query)
                .then(|| (!code.starts_with(&query), c))
        })
        .collect();
    hits.sort_by_key(|(later, _)| *later);
    hits.into_iter().take(limit).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snoozes_wake_at_nine_utc() {
        // 2026-11-21 (a Saturday) 11:43:55 UTC.
        let now: i64 = 1_795_261_435;
        let midnight = now - now.rem_euclid(DAY);
        assert_eq!(snooze_until("next_reply", now), Some(None));
        assert_eq!(
            snooze_until("tomorrow", now),
            Some(Some(midnight + DAY + WAKE_AT))
        );
        // Saturday → Monday.
        assert_eq!(
            snooze_until("next_week", now),
            Some(Some(midnight + 2 * DAY + WAKE_AT))
        );
        assert_eq!(snooze_until("later", now), None);
    }

    #[test]
    fn next_week_on_a_monday_is_seven_days_away() {
        // 1970-01-05 was a Monday.
        let monday_noon = 4 * DAY + 12 * 3_600;
        assert_eq!(
            snooze_until("next_week", monday_noon),
            Some(Some(11 * DAY + WAKE_AT))
        );
    }

    #[test]
    fn local_times_convert_with_the_browser_offset() {
        // 2026-11-21T11:43:55Z is 1_795_261_435.
        assert_eq!(
            local_datetime_to_unix("2026-11-21T11:43:55", 0),
            Some(1_795_261_435)
        );
        assert_eq!(
            local_datetime_to_unix("2026-11-21T11:43", 0),
            Some(1_795_261_380)
        );
        // 12:43 in UTC+1 (offset -60) is 11:43 UTC.
        assert_eq!(
            local_datetime_to_unix("2026-11-21T12:43", -60),
            Some(1_795_261_380)
        );
        assert_eq!(local_datetime_to_unix("1970-01-01T00:00", 0), Some(0));
        assert_eq!(
            local_datetime_to_unix("2024-02-29T00:00", 0),
            Some(1_709_164_800)
        );
        for bad in [
            "",
            "2026-11-21",
            "2026-02-30T10:00",
            "2026-11-21T25:00",
            "x-1-1T1:1",
        ] {
            assert_eq!(local_datetime_to_unix(bad, 0), None, "{bad}");
        }
        assert_eq!(local_datetime_to_unix("2026-11-21T10:00", 5_000), None);
    }

    #[test]
    fn the_picker_opens_on_a_leading_slash_only() {
        assert_eq!(slash_query("/"), Some(""));
        assert_eq!(slash_query("/ref"), Some("ref"));
        assert_eq!(slash_query("/ref and more"), None);
        assert_eq!(slash_query("hello /ref"), None);
    }

    #[test]
    fn prefix_matches_come_first() {
        let all = [
            CannedChoice {
                short_code: "thanks-refund".into(),
                content: "a".into(),
            },
            CannedChoice {
                short_code: "Refund".into(),
                content: "b".into(),
            },
            CannedChoice {
                short_code: "hello".into(),
                content: "c".into(),
            },
        ];
        let codes: Vec<_> = filter_canned(&all, "ref", 5)
            .into_iter()
            .map(|c| c.short_code.as_str())
            .collect();
        assert_eq!(codes, ["Refund", "thanks-refund"]);
        assert_eq!(filter_canned(&all, "", 2).len(), 2);
    }
}
