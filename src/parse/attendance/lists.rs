//! Attendance lists: their labels ("Membres présents :", "Absents excusés ayant donné
//! pouvoir :"), where each list ends, and how it splits into entries.

use super::super::lexicon::{list_labels, TolerantLabels, LIST_LABELS, LIST_TERMINATORS};
use super::super::scan::*;
use super::entries::parse_entries;
use super::names::{is_civility, is_civility_dotted};
use super::{Section, SectionKind};
use crate::text::Text;

/// True when a list label or a terminator starts at `pos` (a name cannot go on).
pub fn stops_a_name(t: &Text, pos: usize) -> bool {
    let s = t.lower.as_bytes();
    TERMINATORS_LEX.at(s, pos).is_some() || LABELS.exact().at(s, pos).is_some()
}

static TERMINATORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(LIST_TERMINATORS));
static LABELS: TolerantLabels = TolerantLabels::new(
    || list_labels().iter().map(|x| x.0).collect(),
    LIST_LABELS.len(),
);

/// Finds the attendance sections in `from..to`.
pub fn find_sections(t: &Text, from: usize, to: usize) -> Vec<Section> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let terminators = TERMINATORS_LEX.get();
    // Candidate labels (long ones also with an extraction typo).
    let mut labels: Vec<(usize, usize, SectionKind, bool)> = Vec::new();
    let mut i = from;
    for (pos, e, k, edits) in LABELS.hits(t, from, to) {
        if pos < i || !s[pos].is_ascii_lowercase() {
            continue;
        }
        // "Nombre de présents", "des membres présents": not a list label.
        let before = t.low(pos.saturating_sub(12), pos);
        let prose = before.ends_with("de ")
            || before.ends_with("des ")
            || before.ends_with("d'")
            || before.ends_with("les ");
        // A label is followed by ':' or a count or a line break, or directly by a name, or by
        // a short qualifying phrase and a colon ("ont donné pouvoir écrit de voter en leur
        // nom :").
        let p = skip_ws(s, e);
        let free = list_labels()[k].0.starts_with("assistaient");
        let next_ok = p < to
            && (free
                || s[p] == b':'
                || s[p].is_ascii_digit()
                || s[p] == b'('
                || s[e..p].contains(&b'\n')
                || t.norm.as_bytes()[p].is_ascii_uppercase());
        let qualified = (!next_ok && p < to)
            .then(|| {
                let lim = (p + QUALIFIER_REACH).min(to);
                let colon = s[p..lim].iter().position(|&c| c == b':')?;
                // lower-case words only (in the original case): not names
                let phrase = &t.norm.as_bytes()[p..p + colon];
                (phrase
                    .iter()
                    .all(|&c| c.is_ascii_lowercase() || c == b' ' || c == b'\''))
                .then_some(p + colon + 1)
            })
            .flatten();
        // another agreement of a label ("Absente excusée") only before a colon: in the
        // singular it is also a verb or an adjective of prose ("M. le Président présente")
        let variant_ok = k < LIST_LABELS.len() || s[p.min(to.saturating_sub(1))] == b':';
        if !prose && variant_ok && (next_ok || qualified.is_some()) {
            labels.push((pos, qualified.unwrap_or(e), list_labels()[k].1, edits > 0));
            i = qualified.unwrap_or(e);
            continue;
        }
        // try the next word: "Conseillers municipaux Absents ayant donné pouvoir :"
        i = pos;
        while i < to && is_word_byte(s[i]) {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (n, &(a, e, kind, approximate)) in labels.iter().enumerate() {
        let next_label = labels.get(n + 1).map(|l| l.0).unwrap_or(to);
        let mut start = skip_seps(s, e, b":");
        // Skip a count: "Conseillers présents : 15", "Absents excusés 6", "Pouvoirs : 2 Mmes et M."
        if let Some((_, ce)) = read_int(s, start) {
            start = skip_seps(s, ce, b":)");
        }
        let end = section_end(t, start, next_label.min(start + MAX_LIST_LEN), terminators);
        if end <= start {
            continue;
        }
        let (entries, reliable) = parse_entries(t, start, end, kind);
        if entries.is_empty() {
            continue;
        }
        out.push(Section {
            kind,
            label_span: t.span(a, e),
            range: (start, end),
            reliable: reliable && !approximate,
            trailing_count: trailing_count(s, end),
            entries,
        });
    }
    out
}

/// How far a label's qualifying phrase may run before its colon (bytes).
const QUALIFIER_REACH: usize = 48;
/// The longest list read (bytes): a list of 100 names with their proxies.
const MAX_LIST_LEN: usize = 6000;

/// A count in parentheses closing a list: "… Jean PERTHUIS (55),".
fn trailing_count(s: &[u8], end: usize) -> Option<u32> {
    let mut q = end;
    while q > 0 && (is_ws(s[q - 1]) || s[q - 1] == b',' || s[q - 1] == b'.') {
        q -= 1;
    }
    // the list may stop right before the parenthesis or right after it
    let close = if q > 0 && s[q - 1] == b')' {
        q - 1
    } else {
        let p = skip_seps(s, end, b",");
        if s.get(p) != Some(&b'(') {
            return None;
        }
        p + s[p..(p + 6).min(s.len())].iter().position(|&c| c == b')')?
    };
    let open = s[close.saturating_sub(6)..close]
        .iter()
        .rposition(|&c| c == b'(')?
        + close.saturating_sub(6);
    let inner = std::str::from_utf8(&s[open + 1..close]).ok()?.trim();
    (!inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit()))
        .then(|| inner.parse().ok())
        .flatten()
}

fn section_end(t: &Text, start: usize, limit: usize, terminators: &Patterns) -> usize {
    let s = t.lower.as_bytes();
    let mut i = start;
    let mut blank_lines = 0;
    let mut depth = 0i32;
    while i < limit {
        let c = s[i];
        match c {
            b'(' => depth += 1,
            b')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth > 0 && c != b'\n' {
            i += 1;
            continue;
        }
        if c == b'\n' {
            // Two line breaks (a blank line) end a list in line-based layouts, unless the
            // next line continues it.
            let mut j = i + 1;
            while j < limit && (s[j] == b' ' || s[j] == b'\t') {
                j += 1;
            }
            if j < limit && s[j] == b'\n' {
                blank_lines += 1;
                if blank_lines >= 1 {
                    return i;
                }
            }
        }
        if c == b'-' && s[i..limit.min(i + 3)] == *b"---" {
            return i;
        }
        // a label the lexicon does not know ("Assistait sans voix :") opens something else
        if i > start
            && t.norm.as_bytes()[i].is_ascii_uppercase()
            && !is_word_byte(s[i - 1])
            && unknown_label_at(t, i, limit)
        {
            return i;
        }
        if c.is_ascii_lowercase()
            && (i == 0 || !is_word_byte(s[i - 1]))
            && terminators.at(s, i).is_some()
        {
            // "le maire" inside "Adjoints au Maire" is a role, not the end of the list.
            let before = t.low(i.saturating_sub(4), i);
            if !(before.ends_with("au ") || before.ends_with("du ")) {
                return i;
            }
        }
        i += 1;
    }
    limit
}

/// Words in a label before its colon, at most.
const LABEL_WORDS: usize = 5;

/// A label at `i`: a capitalised word that is not a civility, lower-case words, then a
/// colon ("Assistait sans voix :", "Invités à titre consultatif :") — a name is never
/// written so ("Jean DUPONT", "Dupont Jean", "M. Dupont").
fn unknown_label_at(t: &Text, i: usize, limit: usize) -> bool {
    let n = t.norm.as_bytes();
    let word_end = |a: usize| {
        let mut b = a;
        while b < limit && (n[b].is_ascii_alphabetic() || n[b] == b'\'' || n[b] >= 0x80) {
            b += 1;
        }
        b
    };
    let first = word_end(i);
    if first - i < 3
        || !n[i + 1..first].iter().all(|c| !c.is_ascii_uppercase())
        || is_civility(t.low(i, first))
    {
        return false;
    }
    let mut p = first;
    for words in 1..=LABEL_WORDS {
        while p < limit && n[p] == b' ' {
            p += 1;
        }
        // one word alone may be a commune heading a group of members ("Cerelles :")
        if p < limit && n[p] == b':' {
            return words > 1;
        }
        let e = word_end(p);
        if e == p || !n[p..e].iter().all(|c| !c.is_ascii_uppercase()) {
            return false;
        }
        p = e;
    }
    false
}

/// Splits a section into chunks at top-level separators: newline, tab, ';', ',', " - ", " et ", ". ".
pub(super) fn chunks(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut a = start;
    let mut i = start;
    while i < end {
        let c = s[i];
        let mut cut: Option<usize> = None; // length of separator
        match c {
            b'(' | b'{' | b'[' => depth += 1,
            b')' | b'}' | b']' => depth = (depth - 1).max(0),
            b'\n' if depth == 0 && wrapped_line(t, a, i, end) => {}
            b'\n' | b'\t' | b';' | b'|' if depth == 0 => cut = Some(1),
            b',' if depth == 0 => cut = Some(1),
            b'-' if depth == 0 && i > 0 && is_ws(s[i - 1]) && i + 1 < end && is_ws(s[i + 1]) => {
                // " - PROCURATION" is a tag of the previous name, kept with it.
                let rest = t.low(i + 1, end.min(i + 16));
                if !rest.trim_start().starts_with("procuration")
                    && !rest.trim_start().starts_with("pouvoir")
                {
                    cut = Some(1)
                }
            }
            b'e' if depth == 0 && word_at(s, i, "et").is_some() && i > 0 && is_ws(s[i - 1]) => {
                // "M. et Mme X" keeps together; "X et Y" splits.
                let prev = t.low(a, i).trim();
                if !prev.is_empty() && !is_civility(prev.rsplit(' ').next().unwrap_or("")) {
                    cut = Some(2)
                }
            }
            b'.' if depth == 0 && i + 2 < end && is_ws(s[i + 1]) => {
                // sentence end between names: "ZAMBONI. Mmes BELMAS", not "M. DUPONT"
                let word_start = t
                    .low(0, i)
                    .rfind(|c: char| !c.is_ascii_alphanumeric())
                    .map(|p| p + 1)
                    .unwrap_or(0);
                let w = t.low(word_start, i);
                let j = skip_ws(s, i + 1);
                if !is_civility_dotted(w)
                    && !is_civility(w)
                    && w.len() > 1
                    && j < end
                    && norm[j].is_ascii_uppercase()
                {
                    cut = Some(1)
                }
            }
            _ => {}
        }
        if let Some(len) = cut {
            if i > a {
                out.push((a, i));
            }
            a = i + len;
            i += len;
            continue;
        }
        i += 1;
    }
    if end > a {
        out.push((a, end));
    }
    out
}

/// A line break inside one entry: the line ends with a civility or a connector word,
/// or the next line starts with "à" / "par" / "pouvoir" ("M. Guyon Ghislain\nà Mme Bouin").
fn wrapped_line(t: &Text, chunk_start: usize, nl: usize, end: usize) -> bool {
    let s = t.lower.as_bytes();
    let prev = t.low(chunk_start, nl).trim_end();
    let last = prev.rsplit([' ', '\t']).next().unwrap_or("");
    if is_civility(last) || matches!(last, "a" | "par" | "pouvoir" | "procuration" | "donne") {
        return true;
    }
    let q = skip_ws(s, nl + 1);
    static NEXT: Lexicon =
        Lexicon::new(|| Patterns::new(&["a", "par", "pouvoir a", "procuration a", "a donne"]));
    q < end && NEXT.at(s, q).is_some()
}
