//! Times as the interface shows them: kept in UTC, shown in the user's time zone.

use crate::core::zone::Zone;

/// `2026-11-23T19:37:27.123Z` as `2026-11-23 19:37`, as it reads in UTC.
pub fn readable_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => rfc3339.to_string(),
    }
}

/// `2026-11-23T19:37:27.123Z` as the user's clock read it then, with the offset of that instant
/// (not today's): `2026-11-23 20:37` in Amsterdam. A text that is not such a UTC time is shown
/// as it is.
pub fn local_time(rfc3339: &str, zone: &Zone) -> String {
    let Some(minutes) = utc_minutes(rfc3339) else { return readable_time(rfc3339) };
    let local = minutes + i64::from(zone.offset_at(minutes));
    let (days, minute_of_day) = (local.div_euclid(1440), local.rem_euclid(1440));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// Minutes since 1970-01-01 00:00 UTC of an RFC 3339 time in UTC (`…Z`).
fn utc_minutes(rfc3339: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = rfc3339.get(range)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
    };
    if !rfc3339.ends_with(['Z', 'z']) || rfc3339.get(10..11) != Some("T") {
        return None;
    }
    let (y, mo, d, h, mi) =
        (number(0..4)?, number(5..7)?, number(8..10)?, number(11..13)?, number(14..16)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 1440 + h * 60 + mi)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times_are_shown_in_the_user_s_time_zone() {
        assert_eq!(local_time("2026-11-23T19:37:27.123Z", &Zone::fixed(60)), "2026-11-23 20:37");
        assert_eq!(local_time("2026-05-01T09:30:00Z", &Zone::fixed(120)), "2026-05-01 11:30");
        assert_eq!(local_time("2026-12-31T23:30:00Z", &Zone::fixed(60)), "2027-01-01 00:30");
        assert_eq!(local_time("2024-03-01T00:15:00Z", &Zone::fixed(-60)), "2024-02-29 23:15");
        assert_eq!(local_time("2026-11-23T19:37:27Z", &Zone::fixed(0)), "2026-11-23 19:37");
        assert_eq!(local_time("2026-11-23T05:00:00Z", &Zone::fixed(330)), "2026-11-23 10:30");
        // Not a UTC time: shown as it was, never guessed.
        assert_eq!(local_time("2026-11-23T19:37:27+01:00", &Zone::fixed(60)), "2026-11-23 19:37");
        assert_eq!(local_time("gisteren", &Zone::fixed(60)), "gisteren");
        assert_eq!(local_time("2026-13-01T00:00:00Z", &Zone::fixed(60)), "2026-13-01 00:00");
    }

    #[test]
    fn each_time_is_shown_with_the_offset_of_its_own_instant_not_today_s() {
        // One zone, whatever the day it is read on: a record signed in summer keeps its summer
        // time when it is read in winter, and the other way round.
        let zone = crate::core::zone::tests::amsterdam();
        assert_eq!(local_time("2026-07-15T10:00:00.000Z", &zone), "2026-07-15 12:00");
        assert_eq!(local_time("2026-12-06T16:06:41Z", &zone), "2026-12-06 17:06");
        // Either side of the change of 25 October 2026 (01:00 UTC), where 02:xx is read twice.
        assert_eq!(local_time("2026-10-25T00:59:00Z", &zone), "2026-10-25 02:59");
        assert_eq!(local_time("2026-10-25T01:00:00Z", &zone), "2026-10-25 02:00");
        assert_eq!(local_time("2026-03-29T00:59:59Z", &zone), "2026-03-29 01:59");
        assert_eq!(local_time("2026-03-29T01:00:00Z", &zone), "2026-03-29 03:00");
    }
}
