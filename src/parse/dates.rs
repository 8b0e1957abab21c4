//! Dates in every form the corpus uses: 21/03/2024, 21.03.2024, 2024-03-21,
//! "jeudi 21 mars 2024", "1er mars", "le vingt et un mars", "L'an deux mille
//! vingt-quatre, le seize février", "dix-sept janvier deux-mille-vingt-trois".

use super::lexicon::{CITED_KEYS, CONVOCATION_KEYS, MEETING_KEYS, SESSION_KEYS, STAMP_KEYS};
use super::scan::*;
use crate::model::{Basis, Date, DateMention, DateRole};
use crate::text::Text;

/// Month names as read (the lexicon lists them for the scaling guard).
pub const MONTH_WORDS: [&str; 22] = {
    let mut w = [""; 22];
    let mut i = 0;
    while i < 22 {
        w[i] = MONTHS[i].0;
        i += 1;
    }
    w
};

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

/// The month names indexed once: a month is looked for after every number of the text, and
/// most positions are rejected by the index's bit tests before any name is compared. (The
/// longest name matching is the one the list meant: a full name before its abbreviation.)
static MONTHS_LEX: Lexicon = Lexicon::new(|| Patterns::new(&MONTH_WORDS));

fn month_at(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    let (e, k) = MONTHS_LEX.at(s, pos)?;
    Some((MONTHS.get(k)?.1, e))
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
    // The role words, read in each date's clause (and just after it, for an approval):
    // found once over the dates' windows, overlapping ones scanned once.
    let index = &RoleKeys::index().0;
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut covered = 0;
    for m in &out {
        let a = m.pos.saturating_sub(ROLE_WINDOW).max(covered);
        let b = (m.pos + APPROVAL_AFTER).min(s.len());
        if a < b {
            windows.push((a, b));
        }
        covered = covered.max(b);
    }
    // windows covering most of the text (a text dense in dates) are searched in one pass
    // through the keyword index, the hits outside them dropped; sparse ones one by one
    let mut roles: Vec<(usize, usize, usize)> = Vec::new();
    let spread: usize = windows.iter().map(|(a, b)| b - a).sum();
    if let (Some(first), Some(last)) = (windows.first(), windows.last()) {
        if spread * DENSE_WINDOWS_DIV > s.len() {
            let mut w = windows.iter().peekable();
            for h in index.hits(t, first.0, last.1) {
                while w.next_if(|&&(_, b)| b <= h.0).is_some() {}
                if w.peek().is_some_and(|&&(a, _)| a <= h.0) {
                    roles.push(h);
                }
            }
        } else {
            for &(a, b) in &windows {
                roles.extend(index.hits(t, a, b));
            }
        }
    }
    for m in out.iter_mut() {
        m.role = role_before(t, &roles, m.pos);
        if m.role == DateRole::Stamp {
            m.stamp = stamp_kind(t, m.pos);
        }
    }
    out
}

/// Date windows spanning more than 1/this of the text are searched in one pass.
const DENSE_WINDOWS_DIV: usize = 2;

/// How far before a stamp's date its words stand (normalised bytes).
const STAMP_WORDS: usize = 60;

/// What a stamp dates, from the words of its line before the date: the préfecture's
/// transmission or receipt, or a publication; a convocation's posting ("convocation affichée
/// le") is neither.
fn stamp_kind(t: &Text, pos: usize) -> Option<crate::model::StampKind> {
    use crate::model::StampKind;
    let before = t.low(pos.saturating_sub(STAMP_WORDS), pos);
    let line = before.rsplit(['\n', '.']).next().unwrap_or(before);
    if line.contains("convoc") {
        None
    } else if ["prefecture", "reception", "transmis", "envoye"]
        .iter()
        .any(|w| line.contains(w))
    {
        Some(StampKind::Transmission)
    } else if ["publi", "affich", "en ligne"]
        .iter()
        .any(|w| line.contains(w))
    {
        Some(StampKind::Publication)
    } else {
        None
    }
}

/// The last role word of each family in a date's clause: (start, end).
#[derive(Default)]
struct RoleKeys {
    session: Option<(usize, usize)>,
    meeting: Option<(usize, usize)>,
    convocation: Option<(usize, usize)>,
    cited: Option<(usize, usize)>,
    stamp: Option<(usize, usize)>,
    approval: Option<(usize, usize)>,
    minutes: Option<(usize, usize)>,
}

/// Approval words: minutes being approved ("approbation", "adopté", "arrêté").
const APPROVAL_WORDS: &[&str] = &[
    "approbation",
    "approuve",
    "approuver",
    "adopte",
    "adoption",
    "adopter",
    "observations",
    "relatif au",
    "relative a",
    "precedent",
    "precedente",
    "dernier",
    "derniere",
    "arrete",
];

/// Minutes named: "Approbation du procès-verbal de la séance du …".
const MINUTES_WORDS: &[&str] = &[
    "proces-verbal",
    "proces verbal",
    "pv",
    "compte rendu",
    "compte-rendu",
];

impl RoleKeys {
    /// One scan of the windows for every family of role words: each distinct word carries
    /// the families it belongs to (the longest word at a position is read, so a family's
    /// longer word also counts for the shorter one it begins with: "proces-verbal du" is a
    /// meeting and minutes).
    /// The role words of every family, each with the families it belongs to.
    fn index() -> &'static (Patterns<'static>, Vec<u8>) {
        const FAMILIES: [&[&str]; 7] = [
            SESSION_KEYS,
            MEETING_KEYS,
            CONVOCATION_KEYS,
            CITED_KEYS,
            STAMP_KEYS,
            APPROVAL_WORDS,
            MINUTES_WORDS,
        ];
        static WORDS: std::sync::OnceLock<(Patterns<'static>, Vec<u8>)> =
            std::sync::OnceLock::new();
        WORDS.get_or_init(|| {
            let mut words: Vec<&'static str> = Vec::new();
            let mut masks: Vec<u8> = Vec::new();
            for (f, family) in FAMILIES.iter().enumerate() {
                for &w in family.iter() {
                    match words.iter().position(|x| *x == w) {
                        Some(k) => masks[k] |= 1 << f,
                        None => {
                            words.push(w);
                            masks.push(1 << f);
                        }
                    }
                }
            }
            // a longer word also belongs to the families of the shorter words it begins with
            let prefixes: Vec<u8> = words
                .iter()
                .map(|w| {
                    words
                        .iter()
                        .zip(&masks)
                        .filter(|(x, _)| {
                            x.len() < w.len() && w.starts_with(**x) && w.as_bytes()[x.len()] == b' '
                        })
                        .fold(0, |m, (_, k)| m | k)
                })
                .collect();
            let masks = masks.iter().zip(prefixes).map(|(m, p)| m | p).collect();
            (Patterns::new(&words), masks)
        })
    }

    /// The role words of `from..to`, from the role-word hits of the dates' windows (in text
    /// order).
    fn of(roles: &[(usize, usize, usize)], from: usize, to: usize) -> RoleKeys {
        let masks = &Self::index().1;
        // the last word of each family ending by `to` (the longest at a position is read)
        let mut last: [Option<(usize, usize)>; 7] = [None; 7];
        let first = roles.partition_point(|h| h.0 < from);
        for h in roles[first..].iter().take_while(|h| h.0 < to) {
            if h.1 > to {
                continue;
            }
            for (f, l) in last.iter_mut().enumerate() {
                if masks[h.2] & (1 << f) != 0 {
                    *l = Some((h.0, h.1));
                }
            }
        }
        let [session, meeting, convocation, cited, stamp, approval, minutes] = last;
        RoleKeys {
            session,
            meeting,
            convocation,
            cited,
            stamp,
            approval,
            minutes,
        }
    }
}

/// Approval words after a date, up to `to` (from the role-word hits: a longer role word
/// beginning with an approval word counts as one).
fn approval_after(roles: &[(usize, usize, usize)], from: usize, to: usize) -> bool {
    const APPROVAL_FAMILY: u8 = 1 << 5;
    let masks = &RoleKeys::index().1;
    let first = roles.partition_point(|h| h.0 < from);
    roles[first..]
        .iter()
        .take_while(|h| h.0 < to)
        .any(|h| masks[h.2] & APPROVAL_FAMILY != 0)
}

/// How far before a date its role words may stand (normalised bytes).
const ROLE_WINDOW: usize = 160;
/// How far before "s'est réuni" its subject may stand (bytes).
const SUBJECT_REACH: usize = 320;
/// How far after a date an approval may make it another séance's minutes (bytes).
const APPROVAL_AFTER: usize = 100;
/// How far a title in capitals may separate its séance words from the date (bytes).
const TITLE_GAP: usize = 80;

/// What the words before a date say it is. The nearest key wins; but a procès-verbal being
/// approved ("Approbation du procès-verbal de la séance du …") makes any date a cited one,
/// and a nominal mention of a meeting ("en Conseil communautaire du …") is another
/// meeting's when a citation ("Considérant", "Vu la délibération", "loi") stands in the
/// same clause, unless it opens the document's own title.
fn role_before(t: &Text, roles: &[(usize, usize, usize)], pos: usize) -> DateRole {
    let s = t.lower.as_bytes();
    // The clause before the date: back to a sentence end or a blank line (lines wrap inside
    // sentences in extracted PDFs), at most the window.
    let window = pos.saturating_sub(ROLE_WINDOW);
    let from = rfind_bytes(s, window, pos.saturating_sub(1), b".\n;", |k| match s[k] {
        b'.' => is_ws(s[k + 1]),
        b'\n' => s[k + 1] == b'\n',
        _ => true,
    })
    .map_or(window, |k| k + 1);
    // the key must end right before the date: only a weekday, "le", "du" or punctuation
    // between — or, in a title written in capitals, the body's name ("RÉUNION DU CONSEIL
    // MUNICIPAL DE LA COMMUNE DE SAINT-AY LUNDI 6 FÉVRIER 2023")
    let adjacent = |end: usize| {
        let gap = t.low(end, pos);
        let short = gap.len() <= 24
            && gap.split(|c: char| !c.is_ascii_alphabetic()).all(|w| {
                w.is_empty()
                    || matches!(w, "le" | "du" | "en" | "date" | "de" | "l")
                    || crate::model::WEEKDAYS.contains(&w)
            });
        let title = gap.len() <= TITLE_GAP
            && t.nrm(end, pos)
                .bytes()
                .all(|c| !c.is_ascii_lowercase() && c != b'.' && c != b'\n');
        short || title
    };
    let keys = RoleKeys::of(roles, from, pos);
    // Minutes being approved: "Approbation du procès-verbal de la séance du …", "Le
    // procès-verbal de la séance du … est adopté" — minutes named before the séance words,
    // other than the text's own title.
    let minutes = keys.minutes.filter(|m| !is_own_title(t, m.0));
    let approved_after = {
        let end = (pos + APPROVAL_AFTER).min(s.len());
        let stop =
            find_byte(s, pos, end.saturating_sub(1), b'.', |k| is_ws(s[k + 1])).unwrap_or(end);
        approval_after(roles, pos, stop)
    };
    if (minutes.is_some() && approved_after)
        || keys.approval.is_some_and(|a| minutes_between(t, a.1, pos))
    {
        return DateRole::Cited;
    }
    // "DÉLIBÉRATION N°CP 2023-024 DU 25 JANVIER 2023" opening the text is its own date
    let cited = keys.cited.filter(|c| {
        !(is_own_title(t, c.0)
            && t.low(c.0, c.1).starts_with("deliberation")
            && adjacent_number(t, c.1, pos))
    });
    let titled = keys
        .cited
        .filter(|c| cited.is_none() && is_own_title(t, c.0))
        .is_some();
    // "le règlement 2020/972 du 2 juillet 2020", "n° 12 du 3 mars": an act's number, then its date
    if !titled && numbered_act_before(s, pos) {
        // unless it is the text's own number in its title: "DÉLIBÉRATION N°CP 2023-024 DU …"
        const WORD: &[u8] = b"deliberation";
        let own = rfind_bytes(s, from, pos.saturating_sub(WORD.len() - 1), b"d", |k| {
            s[k..pos].starts_with(WORD)
        })
        .is_some_and(|k| is_own_title(t, k));
        return if own {
            DateRole::Meeting
        } else {
            DateRole::Cited
        };
    }
    // "la délibération présentée en séance du …": a séance named after a citation is
    // another one, as for a meeting named by its body
    let session = keys.session.filter(|h| adjacent(h.1)).filter(|h| {
        !t.low(h.0, h.1).contains("seance")
            || cited.is_none_or(|c| c.0 > h.0)
            || is_own_title(t, h.0)
    });
    // "s'est réuni le": the séance only when an assembly is its subject ("le jury qui
    // s'est réuni le …" is not)
    let session = session.filter(|h| {
        !t.low(h.0, h.1).contains("reuni") || {
            let clause = t.low(h.0.saturating_sub(SUBJECT_REACH), h.0);
            let clause = clause.rsplit(". ").next().unwrap_or(clause);
            [
                "conseil",
                "bureau",
                "comite",
                "commission permanente",
                "assemblee",
                "lequel",
                "laquelle",
                "membres",
            ]
            .iter()
            .any(|w| clause.contains(w))
        }
    });
    let meeting = keys
        .meeting
        .filter(|h| adjacent(h.1))
        .filter(|h| cited.is_none_or(|c| c.0 > h.0) || is_own_title(t, h.0));
    let convocation = keys.convocation.filter(|h| h.1 + 40 >= pos);
    let stamp = keys.stamp.filter(|h| h.1 + 30 >= pos);
    if titled && session.is_none() {
        return DateRole::Meeting;
    }
    // the nearest key wins: "la délibération du 11 juillet 2018" is cited
    let keys = [
        (session, DateRole::Session),
        (meeting, DateRole::Meeting),
        (convocation, DateRole::Convocation),
        (stamp, DateRole::Stamp),
        (cited, DateRole::Cited),
    ];
    // on a tie, the longer key: "convocation en date du" over "en date du"
    let nearest = keys
        .into_iter()
        .filter_map(|(h, r)| h.map(|h| (h.1, std::cmp::Reverse(h.0), r)))
        .max_by_key(|x| (x.0, x.1));
    nearest.map_or(DateRole::Unknown, |x| x.2)
}

/// Minutes are named between an approval word and the date ("Adoption du procès-verbal
/// de la séance du …"), not a budget ("ADOPTION DU BUDGET … Le treize mars").
fn minutes_between(t: &Text, a: usize, pos: usize) -> bool {
    let gap = t.low(a, pos);
    ["proces", "pv ", "compte rendu", "compte-rendu", "seance"]
        .iter()
        .any(|w| gap.contains(w))
}

/// Between a "Délibération n°" key and the date: only its number and "du".
fn adjacent_number(t: &Text, end: usize, pos: usize) -> bool {
    let gap = t.low(end, pos);
    gap.len() <= 40 && gap.trim_end().ends_with("du")
}

/// The words before a date are an act's number and "du": "2020/972 du", "n° 12 du".
fn numbered_act_before(s: &[u8], pos: usize) -> bool {
    let e = skip_ws_back(s, pos);
    if e < 3 || &s[e - 2..e] != b"du" || is_word_byte(s[e - 3]) {
        return false;
    }
    let q = skip_ws_back(s, e - 2);
    let mut a = q;
    while a > 0 && !is_ws(s[a - 1]) {
        a -= 1;
    }
    let tok = &s[a..q];
    tok.iter().any(u8::is_ascii_digit) && tok.len() >= 2
}

/// A session key that opens a document's own title ("PROCÈS-VERBAL DE LA SÉANCE DU …",
/// "CONSEIL MUNICIPAL DU …"): the words are upper case or start a line.
fn is_own_title(t: &Text, at: usize) -> bool {
    let n = t.norm.as_bytes();
    let upper = n[at..(at + 12).min(n.len())]
        .iter()
        .filter(|b| b.is_ascii_alphabetic())
        .all(|b| b.is_ascii_uppercase());
    upper || at == 0 || n[at - 1] == b'\n'
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
                            && (1..=12).contains(&m)
                            && (1..=31).contains(&d)
                            && !(e3 < s.len() && is_word_byte(s[e3]))
                            && !in_identifier(s, pos, e3)
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
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) || in_identifier(s, pos, e3) {
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
        } else if v == 1 && match_at(s, e, " er ").is_some() {
            // "1 er octobre": the ordinal split by the extraction
            e += 3;
        } else if e < s.len() && s[e] == 0xc2 {
            // "1°" (degree sign used for "premier")
            if s.get(e + 1) == Some(&0xb0) {
                e += 2;
            }
        } else if v == 1 && e < s.len() && s[e] == b'*' {
            e += 1;
        }
        (v, e)
    };
    // "1 4 mars": two single digits split by the extraction are one day (probable).
    let (day, e, split) = if !words
        && e == pos + 1
        && s.get(e) == Some(&b' ')
        && s.get(e + 1).is_some_and(u8::is_ascii_digit)
        && !s.get(e + 2).is_some_and(u8::is_ascii_digit)
        && (pos == 0 || !s[pos - 1].is_ascii_digit())
    {
        let joined = day * 10 + u32::from(s[e + 1] - b'0');
        let q = skip_ws(s, e + 2);
        if (10..=31).contains(&joined) && month_at(s, q).is_some() {
            (joined, e + 2, true)
        } else {
            (day, e, false)
        }
    } else {
        (day, e, false)
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
    // "Le treize mars deux mille vingt-trois à 18 heures, le Conseil …": day, month and
    // year in words are the opening formula
    m.opening = words && year > 0 && in_words;
    if split {
        m.basis = Basis::probable("chiffres du jour séparés par l'extraction");
    }
    if year == 0 {
        if let Some(y) = lan_year_before(s, pos) {
            // "L'an deux mille vingt, le 25 février": the opening formula's date
            m.raw.2 = y;
            m.date = Date::new(y, month, day);
            m.in_words = true;
            m.opening = true;
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
        opening: false,
        role: DateRole::Unknown,
        stamp: None,
        basis: Basis::CERTAIN,
        span: t.span(a, b),
        pos: a,
    }
}

/// Digits glued to an identifier: "n°2022-10-49", "14/25-02-20/C", "DEL-12/03/2024-5".
fn in_identifier(s: &[u8], a: usize, b: usize) -> bool {
    let glued_before = a > 0 && matches!(s[a - 1], b'/' | b'-' | b'_' | b'.');
    let glued_after =
        b + 1 < s.len() && matches!(s[b], b'/' | b'-' | b'_') && is_word_byte(s[b + 1]);
    // "n° 2020-01-38", "no 12/2024": a number, not a date.
    let numbered = {
        let e = skip_ws_back(s, a);
        let word_start = s[..e].iter().rposition(|c| is_ws(*c)).map_or(0, |k| k + 1);
        matches!(
            &s[word_start..e],
            b"n" | b"no" | b"n\xc2\xb0" | b"n\xc2\xb0." | b"num"
        )
    };
    glued_before || glued_after || numbered
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indexed month names read what trying each name in the list's order reads: every
    /// name and abbreviation, followed by a word byte, a space, a point, or nothing, and
    /// preceded by a word byte or not.
    #[test]
    fn month_index_equals_trying_names_in_order() {
        let in_order = |s: &[u8], pos: usize| {
            if pos > 0 && is_word_byte(s[pos - 1]) {
                return None;
            }
            MONTHS.iter().find_map(|(name, m)| {
                let e = if name.ends_with('.') {
                    match_at(s, pos, name)
                } else {
                    word_at(s, pos, name)
                }?;
                Some((*m, e))
            })
        };
        for (name, _) in MONTHS {
            for before in ["", " ", "x"] {
                for after in ["", " 2024", "s", ".", "r.", "ier"] {
                    let text = format!("{before}{name}{after}");
                    let s = text.as_bytes();
                    for pos in 0..s.len() {
                        assert_eq!(month_at(s, pos), in_order(s, pos), "{text:?} at {pos}");
                    }
                }
            }
        }
    }

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
