//! Declared counts: "Nombre de membres en exercice : 43", "Présents : 34", "membres en
//! exercice qui sont au nombre de 33", "44 PRÉSENTS", "la condition de quorum est de 18",
//! side-column boxes ("27 16 3 19 Nombre de Conseillers en exercice Présents Procurations
//! Votants") and roll-call tables.
//!
//! Each count records how it was read: a label right against its number is certain; a
//! number before its label, a box or table read by position, a label matched with edits
//! are probable; two different values stated for one count make it a guess.

use super::lexicon::{count_labels, Field, TolerantLabels, COUNT_LABELS};
use super::scan::*;
use crate::model::{Basis, Certainty, Declared, DeclaredCount};
use crate::text::Text;

/// The largest number read as a count (larger ones are amounts, years, codes).
const MAX_COUNT: u32 = 2000;
/// How far a label's value may stand after the label, fillers included (bytes).
const LABEL_REACH: usize = 24;

static LABELS: TolerantLabels = TolerantLabels::new(
    || count_labels().iter().map(|x| x.0).collect(),
    COUNT_LABELS.len(),
);

/// Column headings of roll-call tables that are not labels in prose ("ÉLU" heads the
/// column of the elected, "M. X est élu à 15 voix" declares nothing): read only in capitals,
/// as a table's heading.
const TABLE_HEADINGS: &[(&str, Field)] = &[("elu", Field::Seats), ("elus", Field::Seats)];
static TABLE_HEADS: Lexicon =
    Lexicon::new(|| Patterns::new(&TABLE_HEADINGS.iter().map(|x| x.0).collect::<Vec<_>>()));
/// How far after a table's headings its column totals may stand, past its rows (bytes).
const TOTALS_REACH: usize = 1500;

/// A count read, before it is put in its slot.
struct Read {
    field: Field,
    value: u32,
    a: usize,
    b: usize,
    basis: Basis,
}

/// Words allowed between a label and its number.
const FILLERS: &[&str] = &[
    "qui sont au nombre de",
    "sont au nombre de",
    "au nombre de",
    "est de",
    "s'eleve a",
    "de",
    "a",
];

/// Reads a count right after a label: separators, a footnote marker, "à 20h30", fillers.
fn value_after(s: &[u8], pos: usize) -> Option<(u32, usize, usize)> {
    let mut p = skip_seps(s, pos, b":=-");
    // footnote marker "(1)", "*", a superscript digit: skipped when a separator and a number follow
    if p < s.len() && (s[p] == b'(' || s[p] == b'*') {
        let close = if s[p] == b'(' {
            s[p..(p + 4).min(s.len())]
                .iter()
                .position(|&c| c == b')')
                .map(|k| p + k + 1)
        } else {
            Some(p + 1)
        };
        if let Some(q) = close {
            let r = skip_seps(s, q, b":=-");
            if r > q && read_int(s, r).is_some() && s[q..r].contains(&b':') {
                p = r;
            } else if s[p] == b'(' {
                // "(55)" right after a label is a count in parentheses
                p = skip_ws(s, p + 1);
            }
        }
    }
    // "présents à 20h30 : 28"
    if let Some(e) = word_at(s, p, "a") {
        let q = skip_ws(s, e);
        let mut r = q;
        while r < s.len() && (s[r].is_ascii_digit() || s[r] == b'h') {
            r += 1;
        }
        if r > q && s[q].is_ascii_digit() && s[q..r].contains(&b'h') {
            p = skip_seps(s, r, b":=-(");
        }
    }
    for w in FILLERS {
        if let Some(e) = word_at(s, p, w) {
            p = skip_seps(s, e, b":");
            break;
        }
    }
    if p - pos > LABEL_REACH {
        return None;
    }
    let (v, e) = read_int(s, p)?;
    plain_count(s, p, e, v).then_some((v, p, e))
}

/// A number read as a count is not a date, a time, a decimal, an identifier or an amount.
fn plain_count(s: &[u8], a: usize, e: usize, v: u32) -> bool {
    if v > MAX_COUNT || e - a > 4 {
        return false;
    }
    if a > 0
        && matches!(s[a - 1], b'/' | b'-' | b'_' | b'.' | b',')
        && a >= 2
        && s[a - 2].is_ascii_digit()
    {
        return false;
    }
    let q = skip_ws(s, e);
    if q < s.len() {
        let c = s[q];
        let next_digit = s.get(q + 1).is_some_and(u8::is_ascii_digit);
        if c == b'/' || (c == b'h' && q == e) || c == b'%' {
            return false;
        }
        if matches!(c, b'.' | b',' | b'-' | b'_') && q == e && next_digit {
            return false;
        }
        // "12 000 €": a thousands group follows
        if q > e
            && s[q..].len() >= 3
            && s[q..q + 3].iter().all(u8::is_ascii_digit)
            && s.get(q + 3).is_none_or(|c| !c.is_ascii_digit())
        {
            return false;
        }
        if s[q..].starts_with("€".as_bytes()) || word_at(s, q, "euros").is_some() {
            return false;
        }
    }
    true
}

fn slot(decl: &mut Declared, f: Field) -> Option<&mut Option<DeclaredCount>> {
    Some(match f {
        Field::Seats => &mut decl.seats,
        Field::InOffice => &mut decl.in_office,
        Field::Present => &mut decl.present,
        Field::Proxies => &mut decl.proxies,
        Field::Absent => &mut decl.absent,
        Field::Excused => &mut decl.excused,
        Field::Voters => &mut decl.voters,
        Field::Quorum => &mut decl.quorum,
        Field::PresentOrRepresented => return None,
    })
}

/// Puts a reading in its slot: the first statement wins; a second statement of the same
/// value confirms it, of another value makes it a guess.
fn set(t: &Text, decl: &mut Declared, r: Read) {
    let Some(slot) = slot(decl, r.field) else {
        return;
    };
    match slot {
        None => {
            *slot = Some(DeclaredCount {
                value: r.value,
                span: t.span(r.a, r.b),
                certainty: r.basis.certainty,
                doubt: r.basis.doubt,
            })
        }
        Some(c) if c.value == r.value => {
            if r.basis.certainty > c.certainty {
                c.certainty = r.basis.certainty;
                c.doubt = None;
            }
        }
        // A surer reading wins over a weaker one; two equally sure readings that disagree
        // leave a guess that says so.
        Some(c) if r.basis.certainty > c.certainty => {
            *c = DeclaredCount {
                value: r.value,
                span: t.span(r.a, r.b),
                certainty: r.basis.certainty,
                doubt: r.basis.doubt,
            }
        }
        Some(c) if r.basis.certainty < c.certainty => {}
        Some(c) => {
            c.doubt = Some(
                format!(
                    "deux valeurs lues pour le même effectif : {} et {}",
                    c.value, r.value
                )
                .into(),
            );
            c.certainty = Certainty::Guessed;
        }
    }
}

/// Declared counts in `from..to`.
pub fn find_declared(t: &Text, from: usize, to: usize) -> Declared {
    find_declared_segments(t, &[from, to])
        .pop()
        .unwrap_or_default()
}

/// Declared counts of consecutive segments (`cuts[k]..cuts[k + 1]`), read in one pass: a
/// count belongs to the segment where it is written.
pub fn find_declared_segments(t: &Text, cuts: &[usize]) -> Vec<Declared> {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let (Some(&from), Some(&to)) = (cuts.first(), cuts.last()) else {
        return Vec::new();
    };
    let to = to.min(s.len());
    let hits = LABELS.hits(t, from, to);
    let mut reads: Vec<Read> = Vec::new();
    let mut i = from;
    let mut bare_labels: Vec<usize> = Vec::new();
    let mut last_end = from;
    for &(pos, e, k, edits) in &hits {
        if pos < i || !s[pos].is_ascii_lowercase() {
            continue;
        }
        let field = count_labels()[k].1;
        // another agreement of a label ("Absente excusée") only before a colon
        if k >= COUNT_LABELS.len() && s.get(skip_ws(s, e)) != Some(&b':') {
            i = e;
            continue;
        }
        // "44 PRÉSENTS 5 ABSENTS …": numbers before upper-case labels, each label followed
        // by the next number — the labels close their numbers, they do not open the next.
        let number_first = number_before(s, norm, from.max(last_end), pos, e)
            .filter(|_| value_after(s, e).is_some_and(|(_, _, b)| label_follows(&hits, b)));
        let before_label = |(v, a, b): (u32, usize, usize)| Read {
            field,
            value: v,
            a,
            b,
            basis: Basis::probable("nombre écrit avant son libellé"),
        };
        if let Some(x) = number_first {
            reads.push(before_label(x));
            i = e;
            last_end = e;
            continue;
        }
        // Label first: "Présents : 34".
        if let Some((v, a, b)) = value_after(s, e) {
            // "Nombre de membres : Afférents au Conseil : 27": a generic label followed by a
            // more precise one is only a heading.
            let next = hits.partition_point(|h| h.0 <= pos);
            if let Some(&(p2, _, _, _)) = hits.get(next).filter(|h| h.0 < a) {
                if p2 >= e {
                    i = p2;
                    continue;
                }
            }
            let basis = if edits > 0 {
                Basis::probable("libellé mal orthographié par l'extraction")
            } else {
                Basis::CERTAIN
            };
            reads.push(Read {
                field,
                value: v,
                a,
                b,
                basis,
            });
            i = b;
            last_end = b;
            continue;
        }
        // Number first: "44 PRÉSENTS", "5 ABSENTS AYANT DONNÉ POUVOIR" (upper-case labels,
        // not prose: "les 10 présents").
        if let Some(x) = number_before(s, norm, from.max(last_end), pos, e) {
            reads.push(before_label(x));
            i = e;
            last_end = e;
            continue;
        }
        // a label without a value may open a roll-call table (second pass below)
        bare_labels.push(pos);
        i = e;
    }
    // table headings in capitals
    bare_labels.extend(
        TABLE_HEADS
            .get()
            .hits(t, from, to)
            .into_iter()
            .filter(|h| upper(norm, h.0, h.1))
            .map(|h| h.0),
    );
    crate::sort::numbers(&mut bare_labels);
    boxes(t, from, to, &mut reads);
    tables(t, from, to, &bare_labels, &hits, &mut reads);
    crate::sort::order_by(&mut reads, |r| (r.a, 0));
    let mut out: Vec<Declared> = vec![Declared::default(); cuts.len().saturating_sub(1).max(1)];
    let mut seg = 0;
    for r in reads {
        while seg + 1 < out.len() && r.a >= cuts[seg + 1] {
            seg += 1;
        }
        set(t, &mut out[seg], r);
    }
    out
}

/// A count right before an upper-case label at `pos..e`, after `floor`: (value, start, end).
fn number_before(
    s: &[u8],
    norm: &[u8],
    floor: usize,
    pos: usize,
    e: usize,
) -> Option<(u32, usize, usize)> {
    let q = skip_ws_back(s, pos);
    if !(q < pos && q > floor && s[q - 1].is_ascii_digit()) {
        return None;
    }
    let mut st = q;
    while st > floor && s[st - 1].is_ascii_digit() {
        st -= 1;
    }
    let upper = norm[pos..e].iter().all(|b| !b.is_ascii_lowercase());
    // "DONT 7 PROCURATION(S)": a part of a vote result, not a count of the séance;
    // "20 heures 00": a time
    let word_before = std::str::from_utf8(&s[st.saturating_sub(8)..st]).unwrap_or("");
    let word_before = word_before
        .trim_end()
        .rsplit([' ', '\n', '\t'])
        .next()
        .unwrap_or("");
    if matches!(word_before, "dont" | "heures" | "heure" | "h") || (s[st] == b'0' && q - st > 1) {
        return None;
    }
    let (v, ve) = read_int(s, st)?;
    (ve == q && upper && plain_count(s, st, ve, v) && !after_date_or_number(s, st))
        .then_some((v, st, ve))
}

/// Another count label starts right after `b`.
fn label_follows(hits: &[(usize, usize, usize, usize)], b: usize) -> bool {
    hits.iter().any(|h| h.0 > b && h.0 <= b + 2)
}

/// The digits at `st` follow a number or a date directly ("2020 44 PRESENTS" is fine only
/// when the year ends a date: the date reader took it).
fn after_date_or_number(s: &[u8], st: usize) -> bool {
    let q = skip_ws_back(s, st);
    q > 0
        && q < st
        && (s[q - 1].is_ascii_digit() && {
            // a year ends a date: "11 février 2020 44 PRESENTS" is a count after a date
            let mut y = q;
            while y > 0 && s[y - 1].is_ascii_digit() {
                y -= 1;
            }
            q - y != 4
        })
}

/// Number-first boxes: "27 16 3 19 Nombre de Conseillers en exercice Présents Procurations
/// Votants" — numbers paired with labels by position (probable).
fn boxes(t: &Text, from: usize, to: usize, reads: &mut Vec<Read>) {
    let s = t.lower.as_bytes();
    let index = LABELS.exact();
    static BOXES: Lexicon =
        Lexicon::new(|| Patterns::new(&["nombre de conseillers", "nombre de membres"]));
    let mut j = from;
    let mut hits = AnyMatches::of(BOXES.get(), t, from, to);
    while let Some((a, b, _)) = hits.next_from(j) {
        j = b;
        let mut fields = Vec::new();
        let mut p = skip_ws(s, b);
        while let Some((e, k)) = index.at(s, p) {
            fields.push(count_labels()[k].1);
            p = skip_seps(s, e, b":");
            if fields.len() > 8 {
                break;
            }
        }
        if fields.len() < 2 {
            continue;
        }
        let mut nums = Vec::new();
        let mut q = skip_ws_back(s, a);
        while q > from && s[q - 1].is_ascii_digit() {
            let mut st = q;
            while st > from && s[st - 1].is_ascii_digit() {
                st -= 1;
            }
            match read_int(s, st) {
                Some((v, e)) if v <= MAX_COUNT => nums.push((v, st, e)),
                _ => break,
            }
            q = skip_ws_back(s, st);
            if nums.len() > fields.len() {
                break;
            }
        }
        if nums.len() == fields.len() {
            nums.reverse();
            for (field, (value, a, b)) in fields.into_iter().zip(nums) {
                reads.push(Read {
                    field,
                    value,
                    a,
                    b,
                    basis: Basis::probable("effectif lu dans un tableau, par position"),
                });
            }
        }
    }
}

/// Roll-call tables: "PRESENT (Signature) ABSENT EXCUSE ABSENT MANDATAIRE (Signature) 7 3 0 0"
/// — only where a label stood without a value.
fn tables(
    t: &Text,
    from: usize,
    to: usize,
    bare_labels: &[usize],
    hits: &[(usize, usize, usize, usize)],
    reads: &mut Vec<Read>,
) {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let index = LABELS.exact();
    let heads = TABLE_HEADS.get();
    let mut consumed = from;
    for &j in bare_labels {
        if j < consumed {
            continue;
        }
        let mut fields = Vec::new();
        let mut in_capitals = true;
        let mut p = j;
        loop {
            // skip "(Signature)" groups between labels
            let q = skip_ws(s, p);
            let q = if q < to && s[q] == b'(' {
                match s[q..to].iter().position(|&c| c == b')') {
                    Some(off) if off < 20 => skip_ws(s, q + off + 1),
                    _ => q,
                }
            } else {
                q
            };
            let label = match index.at(s, q) {
                Some((e, k)) => Some((e, count_labels()[k].1)),
                None => heads
                    .at(s, q)
                    .filter(|&(e, _)| upper(norm, q, e))
                    .map(|(e, k)| (e, TABLE_HEADINGS[k].1)),
            };
            match label {
                Some((e, field)) if value_after(s, e).is_none() => {
                    in_capitals &= upper(norm, q, e);
                    fields.push(field);
                    p = e;
                }
                _ => {
                    p = q;
                    break;
                }
            }
            if fields.len() > 8 {
                break;
            }
        }
        if fields.len() < 2 {
            continue;
        }
        let run = |q: usize| -> (Vec<(u32, usize, usize)>, usize) {
            let mut nums = Vec::new();
            let mut q = q;
            while nums.len() <= fields.len() {
                match read_int(s, q) {
                    Some((v, e)) if v <= MAX_COUNT && plain_count(s, q, e, v) => {
                        nums.push((v, q, e));
                        q = skip_ws(s, e);
                    }
                    _ => break,
                }
            }
            (nums, q)
        };
        // the totals right under the headings (three columns at least), or, for headings in
        // capitals, the first run of exactly as many numbers after the table's rows, with no
        // other count label in between
        let (nums, q, basis) = match run(p) {
            (nums, q) if fields.len() >= 3 && nums.len() == fields.len() => (
                nums,
                q,
                Basis::probable("effectif lu dans un tableau, par position"),
            ),
            _ if in_capitals => {
                let end = (p + TOTALS_REACH).min(to);
                let next_label = hits
                    .get(hits.partition_point(|h| h.0 < p))
                    .map_or(end, |h| h.0.min(end));
                let found = t
                    .starts
                    .words(p, next_label)
                    .filter(|&w| w > 0 && s[w].is_ascii_digit() && !s[w - 1].is_ascii_digit())
                    .map(|w| (w, run(w)))
                    .find(|(_, (nums, _))| !nums.is_empty());
                match found {
                    Some((w, (nums, q))) if nums.len() == fields.len() && standalone(s, w, q) => (
                        nums,
                        q,
                        Basis::probable("totaux de colonnes lus en fin de tableau, par position"),
                    ),
                    _ => continue,
                }
            }
            _ => continue,
        };
        for (field, (value, a, b)) in fields.into_iter().zip(nums) {
            reads.push(Read {
                field,
                value,
                a,
                b,
                basis: basis.clone(),
            });
        }
        consumed = q;
    }
}

/// `a..b` is written in capitals (no lower-case letter).
fn upper(norm: &[u8], a: usize, b: usize) -> bool {
    norm[a..b.min(norm.len())]
        .iter()
        .all(|c| !c.is_ascii_lowercase())
}

/// A run of numbers `a..q` stands alone: after a word, before a word that is not a month
/// or a unit (the totals row of a table, not a date or a quantity).
fn standalone(s: &[u8], a: usize, q: usize) -> bool {
    let before = skip_ws_back(s, a);
    let after_word = before > 0 && (s[before - 1].is_ascii_alphabetic() || s[before - 1] == b')');
    let next = q.min(s.len());
    let word_end = s[next..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(s.len(), |k| next + k);
    let word = &s[next..word_end];
    let not_unit = !(crate::model::MONTHS.contains(&std::str::from_utf8(word).unwrap_or(""))
        || matches!(
            word,
            b"h" | b"heures" | b"euros" | b"ans" | b"voix" | b"pour"
        ));
    after_word && not_unit
}

/// "présents et représentés : 52": the sum of présents and procurations, when stated.
pub fn present_or_represented(t: &Text, from: usize, to: usize) -> Option<DeclaredCount> {
    let s = t.lower.as_bytes();
    LABELS
        .hits(t, from, to)
        .into_iter()
        .filter(|h| count_labels()[h.2].1 == Field::PresentOrRepresented)
        .find_map(|(_, e, _, edits)| {
            let (v, a, b) = value_after(s, e)?;
            Some(DeclaredCount {
                value: v,
                span: t.span(a, b),
                certainty: if edits == 0 {
                    Certainty::Certain
                } else {
                    Certainty::Probable
                },
                doubt: None,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Declared {
        let t = Text::new(s);
        find_declared(&t, 0, t.len())
    }

    #[test]
    fn reference_layout() {
        let s = "Nombre de membres du Bureau métropolitain : 43\n\nNombre de présents participant au vote : 34\n\nNombre de membres en exercice : 43\n\nNombre de procurations : 7";
        let d = read(s);
        assert_eq!(d.seats.as_ref().unwrap().value, 43);
        assert_eq!(d.present.as_ref().unwrap().value, 34);
        assert_eq!(d.in_office.as_ref().unwrap().value, 43);
        assert_eq!(d.proxies.as_ref().unwrap().value, 7);
        let c = d.present.unwrap();
        assert_eq!(&s[c.span.start..c.span.end], "34");
        assert_eq!(c.certainty, Certainty::Certain);
    }

    #[test]
    fn side_column_box() {
        let d = read("(ARIÈGE) 27 16 3 19 Nombre de Conseillers en exercice Présents Procurations Votants N° 2023");
        assert_eq!(d.in_office.as_ref().unwrap().value, 27);
        assert_eq!(d.present.as_ref().unwrap().value, 16);
        assert_eq!(d.proxies.as_ref().unwrap().value, 3);
        assert_eq!(d.voters.as_ref().unwrap().value, 19);
        assert_eq!(d.voters.unwrap().certainty, Certainty::Probable);
    }

    #[test]
    fn column_totals_after_the_rows() {
        let table = "ELU (15 Mars 2020) EN EXERCICE DUPONT Jean Conseiller MARTIN Anne \
                     Démissionnaire LEROY Paul Maire 3 2 PRESENT (Signature) ABSENT EXCUSE \
                     ABSENT MANDATAIRE (Signature) 2 0 0 0 D2023-01-003 URBANISME";
        let d = read(table);
        assert_eq!(d.seats.as_ref().unwrap().value, 3);
        assert_eq!(d.in_office.as_ref().unwrap().value, 2);
        assert_eq!(d.present.as_ref().unwrap().value, 2);
        assert_eq!(d.seats.unwrap().certainty, Certainty::Probable);
        // headings in lower case are prose; a date after the rows is not a total
        let d = read("Conseillers en exercice présents ont voté. DUPONT Jean 3 2 ABSENT");
        assert!(d.in_office.is_none() && d.present.is_none());
        let d = read("ELU EN EXERCICE DUPONT Jean Conseiller 15 10 mars 2023");
        assert!(d.seats.is_none() && d.in_office.is_none());
        // a number inside the rows (a rank) leaves the totals unread
        let d = read("ELU EN EXERCICE DUPONT Jean 1 er adjoint MARTIN Anne 3 2 PRESENT");
        assert!(d.seats.is_none());
    }

    #[test]
    fn prose_is_not_a_count() {
        let d =
            read("Présents : M. DUPONT. Convoqués le 15 mars. Présents à 20h30 : 28. Votants : 33");
        assert_eq!(d.present.unwrap().value, 28);
        assert_eq!(d.voters.unwrap().value, 33);
        let d = read("Présents : 2023-045 ; pouvoirs : 12 000 €");
        assert!(d.present.is_none() && d.proxies.is_none());
    }

    #[test]
    fn forms_of_unseen_layouts() {
        let d = read("des membres en exercice qui sont au nombre de 33, il a été procédé");
        assert_eq!(d.in_office.unwrap().value, 33);
        let d = read("Date de convocation : 11 février 2020 44 PRESENTS 5 ABSENTS AYANT DONNE POUVOIR 4 ABSENTS EXCUSES");
        assert_eq!(d.present.as_ref().unwrap().value, 44);
        assert_eq!(d.present.unwrap().certainty, Certainty::Probable);
        assert_eq!(d.proxies.unwrap().value, 5);
        assert_eq!(d.excused.unwrap().value, 4);
        // an OCR typo in a long label: read, but probable
        let d = read("Absents avant donné pouvoir : 3");
        assert_eq!(d.proxies.as_ref().unwrap().value, 3);
        assert_eq!(d.proxies.unwrap().certainty, Certainty::Probable);
        // a footnote marker after the label
        let d = read("Présents (1) : 23");
        assert_eq!(d.present.unwrap().value, 23);
    }

    #[test]
    fn restated_counts() {
        let d = read("Présents : 23 … Présents : 23");
        assert_eq!(d.present.unwrap().certainty, Certainty::Certain);
        let d = read("Présents : 23 … Présents : 25");
        let p = d.present.unwrap();
        assert_eq!((p.value, p.certainty), (23, Certainty::Guessed));
    }
}
