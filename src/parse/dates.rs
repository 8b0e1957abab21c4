//! Dates in every form the corpus uses: 21/03/2024, 21.03.2024, 2024-03-21,
//! "jeudi 21 mars 2024", "1er mars", "le vingt et un mars", "L'an deux mille
//! vingt-quatre, le seize février", "dix-sept janvier deux-mille-vingt-trois".

use super::scan::*;
use crate::model::{Date, DateMention};
use crate::text::Text;

const MONTHS: [(&str, u32); 22] = [
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("janv.", 1),
    ("fevr.", 2),
    ("fev.", 2),
    ("avr.", 4),
    ("juil.", 7),
    ("sept.", 9),
    ("oct.", 10),
    ("nov.", 11),
    ("dec.", 12),
    ("fevier", 2),
];

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

fn month_at(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    for (name, m) in MONTHS {
        let ok = if name.ends_with('.') {
            match_at(s, pos, name)
        } else {
            word_at(s, pos, name)
        };
        if let Some(e) = ok {
            if pos > 0 && is_word_byte(s[pos - 1]) {
                continue;
            }
            return Some((m, e));
        }
    }
    None
}

/// Weekday word ending just before `pos` (skipping whitespace): (index, start, end).
fn weekday_before(s: &[u8], pos: usize) -> Option<(u32, usize, usize)> {
    let e = skip_ws_back(s, pos);
    if e == pos && pos > 0 {
        return None;
    }
    for (k, w) in WEEKDAYS.iter().enumerate() {
        if e >= w.len() {
            let a = e - w.len();
            if &s[a..e] == w.as_bytes() && (a == 0 || !is_word_byte(s[a - 1])) {
                return Some((k as u32, a, e));
            }
        }
    }
    None
}

/// A 4-digit year (1900–2199) at `pos`.
fn year_digits_at(s: &[u8], pos: usize) -> Option<(i32, usize)> {
    let (v, e) = read_int(s, pos)?;
    if e - pos == 4 && (1900..2200).contains(&v) {
        Some((v as i32, e))
    } else {
        None
    }
}

/// A year in words at `pos` ("deux mille vingt-trois").
fn year_words_at(s: &[u8], pos: usize) -> Option<(i32, usize)> {
    let (v, e) = read_number_words(s, pos)?;
    if (1900..2200).contains(&v) {
        Some((v as i32, e))
    } else {
        None
    }
}

fn year_at(s: &[u8], pos: usize) -> Option<(i32, usize, bool)> {
    if let Some((y, e)) = year_digits_at(s, pos) {
        return Some((y, e, false));
    }
    year_words_at(s, pos).map(|(y, e)| (y, e, true))
}

/// The year of an "L'an deux mille vingt-trois" phrase shortly before `pos`.
fn lan_year_before(s: &[u8], pos: usize) -> Option<i32> {
    let from = pos.saturating_sub(160);
    let mut best = None;
    let mut i = from;
    while let Some((_, b)) = find_word_near(s, i, pos, "l'an") {
        let y = skip_ws(s, b);
        if let Some((year, _, _)) = year_at(s, y) {
            best = Some(year);
        }
        i = b;
    }
    best
}

/// Finds every date in the text, in order.
pub fn find_dates(t: &Text) -> Vec<DateMention> {
    let s = t.lower.as_bytes();
    let mut out: Vec<DateMention> = Vec::new();
    let mut next = 0;
    for i in t.starts.words(0, s.len()) {
        if i < next {
            continue;
        }
        let b = s[i];
        let found = if b.is_ascii_digit() {
            digit_date(t, i).or_else(|| day_month_date(t, i, false))
        } else if b.is_ascii_lowercase() {
            day_month_date(t, i, true)
        } else {
            None
        };
        if let Some((m, e)) = found {
            out.push(m);
            next = e;
        }
    }
    out
}

fn attach_weekday(t: &Text, start: usize, m: &mut DateMention) -> usize {
    let s = t.lower.as_bytes();
    // Optional "le" between weekday and day is not used in practice; weekday directly before.
    if let Some((k, a, e)) = weekday_before(s, start) {
        m.weekday = Some((k, t.span(a, e)));
        return a;
    }
    start
}

/// DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY (spaces tolerated after separators), YYYY-MM-DD.
fn digit_date(t: &Text, pos: usize) -> Option<(DateMention, usize)> {
    let s = t.lower.as_bytes();
    let digits = |i: usize, max: usize| -> Option<(u32, usize)> {
        let mut j = i;
        let mut v = 0u32;
        while j < s.len() && s[j].is_ascii_digit() && j - i < max {
            v = v * 10 + (s[j] - b'0') as u32;
            j += 1;
        }
        if j == i || (j < s.len() && s[j].is_ascii_digit()) {
            None
        } else {
            Some((v, j))
        }
    };
    // ISO
    if let Some((y, e)) = digits(pos, 4) {
        if e - pos == 4 && e < s.len() && s[e] == b'-' {
            if let Some((m, e2)) = digits(e + 1, 2) {
                if e2 - e == 3 && e2 < s.len() && s[e2] == b'-' {
                    if let Some((d, e3)) = digits(e2 + 1, 2) {
                        if e3 - e2 == 3
                            && (1900..2200).contains(&y)
                            && !(e3 < s.len() && is_word_byte(s[e3]))
                        {
                            let mut m = mention(t, pos, e3, d, m, y as i32, false);
                            attach_weekday(t, pos, &mut m);
                            return Some((m, e3));
                        }
                    }
                }
            }
        }
    }
    let (d, e) = digits(pos, 2)?;
    if e >= s.len() {
        return None;
    }
    let sep = s[e];
    if sep != b'/' && sep != b'.' && sep != b'-' {
        return None;
    }
    let p = if sep == b'/' {
        skip_ws(s, e + 1)
    } else {
        e + 1
    };
    let (m, e2) = digits(p, 2)?;
    if e2 >= s.len() || s[e2] != sep {
        return None;
    }
    let p = if sep == b'/' {
        skip_ws(s, e2 + 1)
    } else {
        e2 + 1
    };
    let (y, e3) = digits(p, 4)?;
    let y = match e3 - p {
        4 => y as i32,
        2 => 2000 + y as i32,
        _ => return None,
    };
    if e3 < s.len() && is_word_byte(s[e3]) {
        return None;
    }
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    let mut mm = mention(t, pos, e3, d, m, y, false);
    let a = attach_weekday(t, pos, &mut mm);
    if a != pos {
        mm.span = t.span(a, e3);
    }
    Some((mm, e3))
}

/// "21 mars 2024", "1er mars", "le vingt et un mars", "13 du mois de janvier",
/// optionally followed by a year in digits or words.
fn day_month_date(t: &Text, pos: usize, words: bool) -> Option<(DateMention, usize)> {
    let s = t.lower.as_bytes();
    let (day, e) = if words {
        // Day in words only after "le" or "du" ("le seize février").
        let before = skip_ws_back(s, pos);
        let ok = before < pos
            && ((before >= 1 && s[before - 1] == b':')
                || (before >= 2
                    && (&s[before - 2..before] == b"le" || &s[before - 2..before] == b"du")
                    && (before == 2 || !is_word_byte(s[before - 3]))));
        if !ok {
            return None;
        }
        let (v, e) = read_number_words(s, pos)?;
        (v as u32, e)
    } else {
        let (v, mut e) = {
            let mut j = pos;
            let mut v = 0u32;
            while j < s.len() && s[j].is_ascii_digit() && j - pos < 2 {
                v = v * 10 + (s[j] - b'0') as u32;
                j += 1;
            }
            if j < s.len() && s[j].is_ascii_digit() {
                return None;
            }
            (v, j)
        };
        if let Some(e2) = match_at(s, e, "er") {
            e = e2;
        } else if e < s.len() && s[e] == 0xc2 {
            // "1°" (degree sign used for "premier")
            if s.get(e + 1) == Some(&0xb0) {
                e += 2;
            }
        }
        (v, e)
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut p = skip_ws(s, e);
    if p == e && !words {
        return None;
    }
    if let Some(e2) = word_at(s, p, "du mois de") {
        p = skip_ws(s, e2);
    } else if let Some(e2) = word_at(s, p, "de") {
        // "le 13 de janvier" (rare)
        let q = skip_ws(s, e2);
        if month_at(s, q).is_some() {
            p = q;
        }
    }
    let (month, me) = month_at(s, p)?;
    let mut end = me;
    let mut year = 0i32;
    let mut in_words = words;
    let q = skip_seps(s, me, b",");
    if let Some((y, ye, w)) = year_at(s, q) {
        year = y;
        end = ye;
        in_words |= w;
    }
    let mut m = mention(t, pos, end, day, month, year, in_words);
    if year == 0 {
        if let Some(y) = lan_year_before(s, pos) {
            m.raw.2 = y;
            m.date = Date::new(y, month, day);
            m.in_words = true;
        }
    }
    let a = attach_weekday(t, pos, &mut m);
    if a != pos {
        m.span = t.span(a, end);
    }
    Some((m, end))
}

fn mention(t: &Text, a: usize, b: usize, d: u32, m: u32, y: i32, in_words: bool) -> DateMention {
    DateMention {
        date: if y > 0 { Date::new(y, m, d) } else { None },
        raw: (d, m, y),
        weekday: None,
        year_inferred: false,
        in_words,
        span: t.span(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(u32, u32, i32, Option<u32>)> {
        let t = Text::new(s);
        find_dates(&t)
            .into_iter()
            .map(|m| (m.raw.0, m.raw.1, m.raw.2, m.weekday.map(|w| w.0)))
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            dates("Séance du jeudi 21 mars 2024"),
            vec![(21, 3, 2024, Some(3))]
        );
        assert_eq!(
            dates("le 02/ 02/2023 et 2024-03-21"),
            vec![(2, 2, 2023, None), (21, 3, 2024, None)]
        );
        assert_eq!(
            dates("L'an deux mille vingt-trois, le seize février à 18h"),
            vec![(16, 2, 2023, None)]
        );
        assert_eq!(
            dates("convocation : dix-sept janvier deux-mille-vingt-trois"),
            vec![(17, 1, 2023, None)]
        );
        assert_eq!(dates("sept personnes"), vec![]);
        assert_eq!(
            dates("convocation du dix-sept janvier deux-mille-vingt-trois"),
            vec![(17, 2 - 1, 2023, None)]
        );
        assert_eq!(dates("le 1er mars 2024"), vec![(1, 3, 2024, None)]);
        assert_eq!(
            dates("le 13 du mois de janvier 2023"),
            vec![(13, 1, 2023, None)]
        );
        assert_eq!(dates("2 000 m² et 12 026 m"), vec![]);
    }
}
