//! The user's time zone as the offsets it keeps over time, not only today's: a record signed in
//! summer is shown in summer time when read in winter, and an invitation made in December for a
//! due date in May ends at midnight of the May day.
//!
//! Times are counted in whole minutes since 1970-01-01 00:00: a UTC instant on the UTC clock, a
//! wall time on the local clock. Every offset the browser reports is a whole number of minutes,
//! and so is every change of one.

use crate::i18n::time::civil_from_days;

/// Offsets in minutes east of UTC (`+60` in Amsterdam in winter, `+120` in summer) and the
/// moments they change. Compared by value; the app hands it around as an `Rc<Zone>`, which
/// compares by pointer first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// The offset before the first change: the only one in a zone without changes, and the one
    /// assumed for any time before the first change that is known.
    first: i32,
    /// From this UTC minute on, this offset; by minute, each different from the one before.
    changes: Vec<(i64, i32)>,
}

impl Zone {
    /// One offset at every moment: UTC, Asia/Tokyo, tests, or a browser that tells nothing more.
    pub fn fixed(offset: i32) -> Zone {
        Zone { first: offset, changes: Vec::new() }
    }

    /// `first` until the first of `changes` (UTC minute, new offset), which come in order; a
    /// change out of order, or to the offset already in force, is dropped. (Not sorted: the
    /// form's page carries this, and a sort of its own would cost it more than the rest.)
    pub fn new(first: i32, changes: impl IntoIterator<Item = (i64, i32)>) -> Zone {
        let mut zone = Zone::fixed(first);
        for (at, offset) in changes {
            let (since, last) = zone.changes.last().map_or((i64::MIN, first), |&c| c);
            if at > since && offset != last {
                zone.changes.push((at, offset));
            }
        }
        zone
    }

    /// The zone as `offset_at` (the browser's `getTimezoneOffset`, turned east) tells it around
    /// `now` (a UTC minute): from five years back (records kept that long are still shown in
    /// their own summer or winter time) to two years ahead (a due date), sampled weekly, each
    /// change then found to the minute by halving. No zone changes twice within a week, so none
    /// is missed. About 580 calls in Amsterdam (367 samples, 15 per change), once.
    pub fn learn(now: i64, mut offset_at: impl FnMut(i64) -> i32) -> Zone {
        const WEEK: i64 = 7 * 1440;
        let start = now - 261 * WEEK;
        let first = offset_at(start);
        let mut changes = Vec::new();
        let (mut before, mut before_offset) = (start, first);
        for week in 1..=366 {
            let at = start + week * WEEK;
            let offset = offset_at(at);
            if offset != before_offset {
                // The first minute of the new offset lies in (before, at].
                let (mut low, mut high) = (before, at);
                while high - low > 1 {
                    let middle = low + (high - low) / 2;
                    if offset_at(middle) == before_offset {
                        low = middle;
                    } else {
                        high = middle;
                    }
                }
                changes.push((high, offset_at(high)));
            }
            (before, before_offset) = (at, offset);
        }
        Zone::new(first, changes)
    }

    /// The offset in force at a UTC minute (UTC → local: add it).
    pub fn offset_at(&self, utc_minute: i64) -> i32 {
        let after = self.changes.partition_point(|&(at, _)| at <= utc_minute);
        after.checked_sub(1).and_then(|i| self.changes.get(i)).map_or(self.first, |&(_, o)| o)
    }

    /// The UTC minute at which the local clock reads `local_minute` (local → UTC).
    ///
    /// Where the clock goes back, a wall time is read twice: the later of the two is taken.
    /// Where it jumps ahead, a wall time in the gap is never read: the moment of the jump is
    /// taken, the first moment the clock has passed it. For the end of a day (its next midnight)
    /// that is right when a jump over midnight ends the day early, and when a change back at
    /// midnight to 23:00 lives the last hour twice (only the second midnight is ever read). Were
    /// the clock to go back from 01:00 to 00:00, midnight would be read twice and the day taken
    /// to end at the second: an hour late, never early. Europe changes at 02:00 and 03:00 local.
    pub fn utc_of_local(&self, local_minute: i64) -> i64 {
        // Through the changes in order: the reading in the offset after a change counts when it
        // falls after the change (the later of two); when neither the offset before nor the one
        // after reads it there, the clock jumped over it.
        let mut utc = local_minute - i64::from(self.first);
        let mut before = self.first;
        for &(at, offset) in &self.changes {
            let after = local_minute - i64::from(offset);
            if after >= at {
                utc = after;
            } else if local_minute - i64::from(before) >= at {
                utc = at;
            }
            before = offset;
        }
        utc
    }

    /// The local date at an instant (milliseconds since 1970-01-01 UTC, as the browser's clock
    /// counts), `YYYY-MM-DD`: the day the user's calendar shows then.
    pub fn local_date(&self, utc_ms: i64) -> String {
        let minute = utc_minute(utc_ms);
        let local = minute + i64::from(self.offset_at(minute));
        let (y, m, d) = civil_from_days(local.div_euclid(1440));
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Milliseconds in a minute: the browser's clock counts in milliseconds, zones in minutes.
pub const MINUTE_MS: i64 = 60_000;

/// The UTC minute an instant (milliseconds since 1970-01-01 UTC) falls in.
pub fn utc_minute(utc_ms: i64) -> i64 {
    utc_ms.div_euclid(MINUTE_MS)
}

/// An instant (milliseconds since 1970-01-01 UTC) in RFC 3339 in UTC with milliseconds,
/// `2026-11-23T19:37:27.123Z`: what `Date.toISOString` gives, worked out here so that reading
/// the clock is one call into the browser (`Date.now`) rather than a date object and a string.
pub fn rfc3339_utc(utc_ms: i64) -> String {
    let (days, ms) = (utc_ms.div_euclid(86_400_000), utc_ms.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let (h, mi, sec, milli) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}.{milli:03}Z")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::time::days_from_civil;

    /// The UTC minute of a date and time in UTC.
    pub(crate) fn utc(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> i64 {
        days_from_civil(y, mo, d) * 1440 + h * 60 + mi
    }

    /// Europe/Amsterdam from 2025 to 2028: summer time (+120) from the last Sunday of March
    /// 01:00 UTC to the last Sunday of October 01:00 UTC, +60 otherwise.
    pub(crate) fn amsterdam() -> Zone {
        let sundays = [(2025, 30, 26), (2026, 29, 25), (2027, 28, 31), (2028, 26, 29)];
        let changes: Vec<_> = sundays
            .iter()
            .flat_map(|&(y, march, october)| {
                [(utc(y, 3, march, 1, 0), 120), (utc(y, 10, october, 1, 0), 60)]
            })
            .collect();
        Zone::new(60, changes)
    }

    #[test]
    fn the_offset_of_an_instant_is_the_one_in_force_then() {
        let zone = amsterdam();
        assert_eq!(zone.offset_at(utc(2026, 12, 6, 16, 0)), 60);
        assert_eq!(zone.offset_at(utc(2026, 6, 30, 12, 0)), 120);
        // To the minute around a change, both ways.
        assert_eq!(zone.offset_at(utc(2026, 3, 29, 0, 59)), 60);
        assert_eq!(zone.offset_at(utc(2026, 3, 29, 1, 0)), 120);
        assert_eq!(zone.offset_at(utc(2026, 10, 25, 0, 59)), 120);
        assert_eq!(zone.offset_at(utc(2026, 10, 25, 1, 0)), 60);
        // Before the first change known and after the last: the offsets at those ends.
        assert_eq!(zone.offset_at(utc(2020, 7, 1, 0, 0)), 60);
        assert_eq!(zone.offset_at(utc(2030, 1, 1, 0, 0)), 60);
        assert_eq!(Zone::fixed(540).offset_at(utc(2026, 7, 1, 0, 0)), 540);
    }

    #[test]
    fn a_zone_is_learnt_to_the_minute_from_the_offsets_alone() {
        let amsterdam = amsterdam();
        let mut calls = 0;
        let learnt = Zone::learn(utc(2026, 12, 6, 16, 6), |minute| {
            calls += 1;
            amsterdam.offset_at(minute)
        });
        assert_eq!(learnt, amsterdam, "every change from 2025 to 2028, to the minute");
        assert!(calls < 600, "{calls} calls");
        // Without changes: one offset. With a half-hour offset and a change in the last week.
        assert_eq!(Zone::learn(utc(2026, 12, 6, 16, 6), |_| 540), Zone::fixed(540));
        let late = Zone::new(330, vec![(utc(2028, 11, 30, 7, 13), 345)]);
        assert_eq!(Zone::learn(utc(2026, 12, 6, 16, 6), |m| late.offset_at(m)), late);
    }

    #[test]
    fn every_wall_time_near_a_change_is_the_latest_instant_that_reads_it_or_the_jump_over_it() {
        // Against a search of every minute, for Amsterdam and for a zone with changes of other
        // sizes, two close together, the first back at midnight (00:00 to 23:30).
        let odd = Zone::new(
            330,
            vec![
                (utc(2026, 3, 1, 18, 30), 300),
                (utc(2026, 3, 1, 20, 0), 345),
                (utc(2026, 9, 1, 0, 0), 360),
            ],
        );
        for zone in [amsterdam(), odd] {
            for &(at, _) in &zone.changes {
                for local in at - 300..at + 480 {
                    let read: Vec<i64> = (local - 1440..local + 1440)
                        .filter(|&u| u + i64::from(zone.offset_at(u)) == local)
                        .collect();
                    let expected = match read.last() {
                        Some(&latest) => latest,
                        // Skipped: the first minute whose clock reads past it.
                        None => (local - 1440..)
                            .find(|&u| u + i64::from(zone.offset_at(u)) > local)
                            .unwrap(),
                    };
                    assert_eq!(
                        zone.utc_of_local(local),
                        expected,
                        "{zone:?} at local minute {local}"
                    );
                }
            }
        }
    }

    #[test]
    fn changes_out_of_order_or_to_the_same_offset_are_dropped() {
        let zone =
            Zone::new(60, vec![(100, 120), (50, 60), (200, 60), (300, 60), (300, 120), (500, 120)]);
        assert_eq!(zone, Zone { first: 60, changes: vec![(100, 120), (200, 60), (300, 120)] });
        assert_eq!(Zone::new(60, vec![(100, 60)]), Zone::fixed(60));
    }

    #[test]
    fn a_wall_time_is_the_instant_the_local_clock_reads_it() {
        let zone = amsterdam();
        let local = |y, mo, d, h, mi| utc(y, mo, d, h, mi);
        assert_eq!(zone.utc_of_local(local(2026, 12, 6, 17, 0)), utc(2026, 12, 6, 16, 0));
        assert_eq!(zone.utc_of_local(local(2026, 7, 1, 0, 0)), utc(2026, 6, 30, 22, 0));
        // 02:30 on 29 March 2026 is skipped (02:00 → 03:00): the jump at 01:00 UTC.
        assert_eq!(zone.utc_of_local(local(2026, 3, 29, 2, 30)), utc(2026, 3, 29, 1, 0));
        assert_eq!(zone.utc_of_local(local(2026, 3, 29, 3, 0)), utc(2026, 3, 29, 1, 0));
        assert_eq!(zone.utc_of_local(local(2026, 3, 29, 1, 59)), utc(2026, 3, 29, 0, 59));
        // 02:30 on 25 October 2026 is read twice (03:00 → 02:00): the later, in winter time.
        assert_eq!(zone.utc_of_local(local(2026, 10, 25, 2, 30)), utc(2026, 10, 25, 1, 30));
        assert_eq!(Zone::fixed(-300).utc_of_local(local(2026, 7, 1, 0, 0)), utc(2026, 7, 1, 5, 0));
    }

    /// Milliseconds since 1970 of a UTC date and time, counted apart from the code under test.
    fn ms(y: i64, mo: i64, d: i64, h: i64, mi: i64, sec: i64, milli: i64) -> i64 {
        (utc(y, mo, d, h, mi) * 60 + sec) * 1000 + milli
    }

    #[test]
    fn an_instant_reads_as_the_browser_writes_it() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00.000Z");
        // As `date -u -d @1795642647` reads it, with the milliseconds.
        assert_eq!(rfc3339_utc(1_795_642_647_123), "2026-11-25T21:37:27.123Z");
        assert_eq!(rfc3339_utc(ms(2024, 2, 29, 23, 59, 59, 999)), "2024-02-29T23:59:59.999Z");
        assert_eq!(rfc3339_utc(ms(2024, 2, 29, 23, 59, 59, 999) + 1), "2024-03-01T00:00:00.000Z");
        assert_eq!(rfc3339_utc(ms(2000, 12, 31, 9, 5, 7, 40)), "2000-12-31T09:05:07.040Z");
        // Before 1970 too, should a clock say so.
        assert_eq!(rfc3339_utc(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn today_is_the_date_the_local_clock_shows() {
        let zone = amsterdam();
        // 23:30 UTC is the next day in Amsterdam, in winter (+1) and in summer (+2).
        assert_eq!(zone.local_date(ms(2026, 12, 6, 23, 30, 0, 0)), "2026-12-07");
        assert_eq!(zone.local_date(ms(2026, 12, 6, 22, 59, 59, 999)), "2026-12-06");
        assert_eq!(zone.local_date(ms(2026, 7, 1, 21, 59, 59, 999)), "2026-07-01");
        assert_eq!(zone.local_date(ms(2026, 7, 1, 22, 0, 0, 0)), "2026-07-02");
        // West of UTC the evening before.
        assert_eq!(Zone::fixed(-300).local_date(ms(2026, 1, 1, 3, 0, 0, 0)), "2025-12-31");
    }
}
