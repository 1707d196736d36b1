//! Business hours in the inbox's time zone: whether the inbox is out of office now
//! (domain.md §6.1: both ends inclusive, at minute precision) and the zone's current offset.

use chrono::{DateTime, Datelike as _, Offset as _, TimeZone as _, Timelike as _, Utc};
use chrono_tz::Tz;

use crate::store::inboxes::WorkingHour;

fn zone(timezone: &str) -> Tz {
    timezone.parse().unwrap_or(Tz::UTC)
}

/// Whether an inbox with business hours `hours` in `timezone` is closed at `now`.
pub fn out_of_office(timezone: &str, hours: &[WorkingHour], now: DateTime<Utc>) -> bool {
    let local = now.with_timezone(&zone(timezone));
    let weekday = i64::from(local.weekday().num_days_from_sunday());
    let Some(today) = hours.iter().find(|h| h.day_of_week == weekday) else {
        return false;
    };
    if today.closed_all_day {
        return true;
    }
    if today.open_all_day {
        return false;
    }
    let minute = i64::from(local.hour()) * 60 + i64::from(local.minute());
    let open = today.open_hour.unwrap_or(0) * 60 + today.open_minutes.unwrap_or(0);
    let close = today.close_hour.unwrap_or(23) * 60 + today.close_minutes.unwrap_or(59);
    !(open..=close).contains(&minute)
}

/// Every IANA time zone name, sorted, for the business-hours zone picker.
pub fn zone_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names
}

/// The zone's offset from UTC at `now`, as `+05:30`.
pub fn utc_offset(timezone: &str, now: DateTime<Utc>) -> String {
    let tz = zone(timezone);
    let seconds = tz
        .offset_from_utc_datetime(&now.naive_utc())
        .fix()
        .local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(dow: i64, open: (i64, i64), close: (i64, i64)) -> WorkingHour {
        WorkingHour {
            day_of_week: dow,
            closed_all_day: false,
            open_all_day: false,
            open_hour: Some(open.0),
            open_minutes: Some(open.1),
            close_hour: Some(close.0),
            close_minutes: Some(close.1),
        }
    }

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn hours_are_read_in_the_inbox_time_zone_with_both_ends_inclusive() {
        // 2026-11-23 is a Monday.
        let hours = vec![day(1, (9, 0), (17, 0))];
        assert!(!out_of_office("UTC", &hours, at("2026-11-23T09:00:00Z")));
        assert!(!out_of_office("UTC", &hours, at("2026-11-23T17:00:59Z")));
        assert!(out_of_office("UTC", &hours, at("2026-11-23T17:01:00Z")));
        assert!(out_of_office("UTC", &hours, at("2026-11-23T08:59:00Z")));
        // 04:00 UTC is 09:30 in Kolkata.
        assert!(!out_of_office(
            "Asia/Kolkata",
            &hours,
            at("2026-11-23T04:00:00Z")
        ));
        // Sunday has no row: not out of office.
        assert!(!out_of_office("UTC", &hours, at("2026-11-22T03:00:00Z")));
    }

    #[test]
    fn zone_names_are_sorted_and_parse() {
        let names = zone_names();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.contains(&"Asia/Kolkata") && names.contains(&"UTC"));
    }

    #[test]
    fn offsets_follow_daylight_saving() {
        assert_eq!(
            utc_offset("Asia/Kolkata", at("2026-11-23T00:00:00Z")),
            "+05:30"
        );
        assert_eq!(
            utc_offset("America/New_York", at("2026-07-01T00:00:00Z")),
            "-04:00"
        );
        assert_eq!(
            utc_offset("America/New_York", at("2026-12-01T00:00:00Z")),
            "-05:00"
        );
        assert_eq!(
            utc_offset("not a zone", at("2026-12-01T00:00:00Z")),
            "+00:00"
        );
    }
}
