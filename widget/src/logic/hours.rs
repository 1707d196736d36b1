//! Business hours as the widget sees them: today's row of the inbox's week, in the inbox's UTC
//! offset. Like Chatwoot's widget it uses [open, close) and allows a window crossing midnight.

use serde_json::Value;

/// One day of `workingHours` from the channel config.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkingHour {
    /// 0 = Sunday.
    pub day_of_week: u8,
    pub closed_all_day: bool,
    pub open_all_day: bool,
    pub open_hour: Option<u16>,
    pub open_minutes: Option<u16>,
    pub close_hour: Option<u16>,
    pub close_minutes: Option<u16>,
}

impl WorkingHour {
    /// Reads one row; hours and minutes may be null on closed days.
    pub fn from_json(v: &Value) -> Self {
        let small = |key: &str| {
            v.get(key)
                .and_then(Value::as_u64)
                .map(|n| n.min(1440) as u16)
        };
        let flag = |key: &str| v.get(key).and_then(Value::as_bool).unwrap_or(false);
        Self {
            day_of_week: small("day_of_week").unwrap_or(7) as u8,
            closed_all_day: flag("closed_all_day"),
            open_all_day: flag("open_all_day"),
            open_hour: small("open_hour"),
            open_minutes: small("open_minutes"),
            close_hour: small("close_hour"),
            close_minutes: small("close_minutes"),
        }
    }
}

/// Minutes east of UTC for "+05:30" / "-08:00" / "Z"; anything unparsable counts as UTC.
pub fn parse_offset(offset: &str) -> i32 {
    let (sign, rest) = match offset.as_bytes().first() {
        Some(b'-') => (-1, &offset[1..]),
        Some(b'+') => (1, &offset[1..]),
        _ => (1, offset),
    };
    let mut parts = rest.split(':');
    let hours = parts
        .next()
        .and_then(|h| h.trim().parse::<i32>().ok())
        .unwrap_or(0);
    let minutes = parts
        .next()
        .and_then(|m| m.trim().parse::<i32>().ok())
        .unwrap_or(0);
    sign * (hours * 60 + minutes)
}

/// Weekday (0 = Sunday) and minute of the day at `epoch_ms`, seen from `offset_minutes` east of UTC.
pub fn local_day_minute(epoch_ms: f64, offset_minutes: i32) -> (u8, u16) {
    let minutes = (epoch_ms / 60_000.0).floor() as i64 + i64::from(offset_minutes);
    let days = minutes.div_euclid(1440);
    // 1970-01-01 was a Thursday (4).
    let weekday = (days + 4).rem_euclid(7) as u8;
    (weekday, minutes.rem_euclid(1440) as u16)
}

/// Whether the inbox is open on `weekday` at `minute` of the day. A day without a row is closed.
pub fn is_open(hours: &[WorkingHour], weekday: u8, minute: u16) -> bool {
    let Some(day) = hours.iter().find(|h| h.day_of_week == weekday) else {
        return false;
    };
    if day.closed_all_day {
        return false;
    }
    if day.open_all_day {
        return true;
    }
    let open = day.open_hour.unwrap_or(0) * 60 + day.open_minutes.unwrap_or(0);
    let close = day.close_hour.unwrap_or(0) * 60 + day.close_minutes.unwrap_or(0);
    if close > open {
        (open..close).contains(&minute)
    } else {
        // Crosses midnight (or open == close, read as "all day but the gap").
        minute >= open || minute < close
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u8, open: (u16, u16), close: (u16, u16)) -> WorkingHour {
        WorkingHour {
            day_of_week: d,
            open_hour: Some(open.0),
            open_minutes: Some(open.1),
            close_hour: Some(close.0),
            close_minutes: Some(close.1),
            ..WorkingHour::default()
        }
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+05:30"), 330);
        assert_eq!(parse_offset("-08:00"), -480);
        assert_eq!(parse_offset(""), 0);
        assert_eq!(parse_offset("Z"), 0);
    }

    #[test]
    fn weekday_and_minute_in_offset() {
        // 2026-11-21T23:30:00Z is a Saturday.
        let ms = 1_795_303_800_000.0;
        assert_eq!(local_day_minute(ms, 0), (6, 23 * 60 + 30));
        // In +05:30 it is already Sunday 05:00.
        assert_eq!(local_day_minute(ms, 330), (0, 5 * 60));
        assert_eq!(local_day_minute(ms, -480), (6, 15 * 60 + 30));
    }

    #[test]
    fn open_is_inclusive_close_is_exclusive() {
        let week = [day(1, (9, 0), (17, 0))];
        assert!(!is_open(&week, 1, 8 * 60 + 59));
        assert!(is_open(&week, 1, 9 * 60));
        assert!(!is_open(&week, 1, 17 * 60));
        assert!(!is_open(&week, 2, 12 * 60), "no row means closed");
    }

    #[test]
    fn all_day_flags_and_midnight_crossing() {
        let mut closed = day(0, (9, 0), (17, 0));
        closed.closed_all_day = true;
        let mut open = day(6, (0, 0), (0, 0));
        open.open_all_day = true;
        let night = day(5, (22, 0), (2, 0));
        let week = [closed, open, night];
        assert!(!is_open(&week, 0, 12 * 60));
        assert!(is_open(&week, 6, 23 * 60 + 59));
        assert!(is_open(&week, 5, 23 * 60));
        assert!(is_open(&week, 5, 60));
        assert!(!is_open(&week, 5, 12 * 60));
    }
}
