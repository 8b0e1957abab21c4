//! Tolerant parser: never fails, keeps what it could read, says how sure it is.
//!
//! A text is split into séances (one per "Extrait du registre" that carries its own
//! attendance), each séance into its items (deliberations), and the whole text gets a
//! kind (extract, minutes, list, not a deliberation). What was read goes into the
//! [`model`](crate::model), each value with its [`Basis`](crate::model::Basis).

pub mod actes;
pub mod amounts;
pub mod attendance;
pub mod counts;
pub mod dates;
pub mod items;
pub mod kind;
pub mod lexicon;
pub mod mentions;
pub mod scan;
pub mod seance;
pub mod subsidies;
pub mod votes;

use crate::model::*;
use crate::text::Text;
use attendance::Section;
use scan::*;

/// Where a séance's own attendance shows (a cheap probe of a segment).
static OWN_ATTENDANCE: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "presents",
        "en exercice",
        "votants",
        "etaient presents",
        "membres presents",
        "procurations",
        "pouvoirs",
    ])
});

/// How far after "Extrait du registre" a séance's own attendance shows (bytes).
const OWN_ATTENDANCE_REACH: usize = 1500;

/// Parses a whole text.
pub fn parse(t: &Text) -> Document {
    let all_dates = dates::find_dates(t);
    let seances: Vec<Seance> = seance_bounds(t, &all_dates)
        .into_iter()
        .map(|(a, b)| parse_seance(t, &all_dates, a, b))
        .collect();
    let info = kind::classify(t, &seances);
    Document { info, seances }
}

/// Séance starts: the text start, and each séance header — an "extrait du registre" or
/// an opening formula ("L'an deux mille…", "Le lundi treize février deux mille…") — that
/// has its own attendance before the next header. Headers closer than
/// [`HEADER_SPAN`] are one; a header without attendance of its own (a running page header
/// repeating "Extrait du registre … Séance du …") belongs to the séance before.
fn seance_bounds(t: &Text, dates: &[DateMention]) -> Vec<(usize, usize)> {
    let mut cands: Vec<usize> = find_all(t, "extrait du registre")
        .into_iter()
        .map(|(a, _)| a)
        .chain(dates.iter().filter(|m| m.opening).map(|m| m.pos))
        .filter(|&a| a > 200)
        .collect();
    crate::sort::numbers(&mut cands);
    // one header per group of close candidates
    let mut heads: Vec<usize> = vec![0];
    for c in cands {
        if c >= heads.last().copied().unwrap_or(0) + HEADER_SPAN {
            heads.push(c);
        }
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut first_has_own = false;
    for (k, &a) in heads.iter().enumerate() {
        let b = heads.get(k + 1).copied().unwrap_or(t.len());
        let has_own = OWN_ATTENDANCE
            .get()
            .find(t, a, b.min(a + OWN_ATTENDANCE_REACH))
            .is_some();
        let single = merged.len() == 1;
        match merged.last_mut() {
            Some(last) if !has_own => last.1 = b,
            // The text before the first header (stamps, titles) belongs to it.
            Some(last) if !first_has_own && single => {
                last.1 = b;
                first_has_own = true;
            }
            _ => merged.push((a, b)),
        }
        if merged.len() == 1 && has_own {
            first_has_own = true;
        }
    }
    merged
}

/// Séance header candidates closer than this are one header (bytes).
const HEADER_SPAN: usize = 600;

fn parse_seance(t: &Text, all_dates: &[DateMention], from: usize, to: usize) -> Seance {
    let (o_from, o_to) = (t.span(from, from).start, t.span(to, to).start);
    // the séance's dates (all_dates is in text order)
    let a = all_dates.partition_point(|m| m.span.start < o_from);
    let z = if to >= t.len() {
        all_dates.len()
    } else {
        all_dates.partition_point(|m| m.span.start < o_to)
    };
    let mut dates: Vec<DateMention> = all_dates[a..z.max(a)].to_vec();
    let (body, body_name) = seance::find_body(t, from, to);
    let actes_ids = actes::find_ids(t, from, to);
    let frames = items::frames(t, from, to);
    let header_end = frames.first().map_or(to, |f| f.head.max(from));
    let head = header_end.max(from + HEADER_MIN);
    let session = seance::choose_session(&dates, &actes_ids, o_from, head);
    // Dates without a year take the séance year when they name a day near it.
    if let Some(sd) = session.as_ref().map(|s| s.date) {
        for m in dates.iter_mut().filter(|m| m.raw.2 == 0) {
            if let Some(d) = Date::new(sd.year, m.raw.1, m.raw.0) {
                if (d.days() - sd.days()).abs() <= YEAR_INFERENCE_DAYS {
                    m.date = Some(d);
                    m.raw.2 = sd.year;
                    m.year_inferred = true;
                }
            }
        }
    }
    let convocation = seance::choose_convocation(&dates, session.as_ref());
    let mut sections = attendance::find_sections(t, from, to);
    let mut members = attendance::build_members(t, &sections);
    if members.len() > MAX_SEANCE_MEMBERS {
        // More names than the largest French assembly seats (the conseil régional
        // d'Île-de-France: 209) are not one séance's lists: several séances run together
        // without their headers, or words that only look like lists. Nothing is counted
        // from them, and no count is compared with them.
        members.clear();
        for s in &mut sections {
            s.reliable = false;
        }
    }
    let lists: Vec<AttendanceList> = sections.iter().map(|s| list_info(s, t)).collect();
    // Séance counts: those of the header, else those of the first item (which then has
    // none of its own).
    // one pass: the header, then each item (the first from its heading)
    let mut cuts: Vec<usize> = vec![from, header_end];
    cuts.extend(frames.iter().map(|f| f.range.1.max(header_end)));
    let mut segments = counts::find_declared_segments(t, &cuts).into_iter();
    let header_declared = segments.next().unwrap_or_default();
    let first_item_declared = segments.next().unwrap_or_default();
    let mut later_declared: Vec<Declared> = segments.collect();
    let header_has_counts = !header_declared.is_empty();
    let mut declared = if header_has_counts {
        header_declared
    } else {
        first_item_declared.clone()
    };
    add_list_counts(&mut declared, &sections, t);
    let person = |keys: &Lexicon| {
        seance::find_person(t, from, to.min(from + PERSON_REACH), keys).map(|(name, span, a, b)| {
            Person {
                key: attendance::name_key(t, a, b),
                name,
                span,
            }
        })
    };
    let president = person(&seance::PRESIDENT_KEYS);
    let secretary = person(&seance::SECRETARY_KEYS);
    let movements = movements(t, from, to, &sections);
    let moved_names = moved_names(t, &movements);
    // one item per frame at least (a frame holding several votes gives several)
    let mut items: Vec<Item> = Vec::with_capacity(frames.len());
    let item_hits = mentions::ItemHits::new(from, to);
    for (k, f) in frames.into_iter().enumerate() {
        let (a, b) = f.range;
        let own = match k {
            // the first item's counts are the séance's unless the header had its own
            0 if header_has_counts => first_item_declared.clone(),
            0 => Declared::default(),
            _ => later_declared
                .get_mut(k - 1)
                .map(std::mem::take)
                .unwrap_or_default(),
        };
        let parts = split_by_votes(t, a, b, &f);
        // (a frame of many results: its items are not copied as the vector grows)
        items.reserve(parts.len());
        for part in parts {
            let mut amounts = amounts::find_amounts(t, part.range.0, part.range.1);
            amounts::mark_operative(t, &mut amounts, part.range.0, part.range.1);
            let tables = amounts::tables(t, &amounts, part.range.0, part.range.1);
            let subsidies = subsidies::find_subsidies(t, part.range.0, part.range.1, &amounts);
            let shares = amounts::find_shares(t, &amounts, part.range.1);
            let mut votes = part.votes;
            for v in votes.iter_mut() {
                v.basis = part.vote_basis.clone();
            }
            items.push(Item {
                range: part.range,
                span: t.span(part.range.0, part.range.1),
                number: part.number,
                number_span: part.number_span,
                ordinal: part.ordinal,
                object: part.object,
                declared: if part.first {
                    own.clone()
                } else {
                    Declared::default()
                },
                votes,
                amounts,
                subsidies,
                shares,
                tables,
                mentions: mentions::item(t, &item_hits, part.range.0.max(header_end), part.range.1),
                basis: part.basis,
            });
        }
    }
    Seance {
        range: (from, to),
        head,
        title_end: header_end,
        span: t.span(from, to),
        body,
        body_detected: body,
        body_name,
        dates,
        session,
        convocation,
        declared,
        lists,
        members,
        president,
        secretary,
        mentions: seance::mentions(t, from, to),
        movements,
        moved_names,
        actes_ids,
        items,
    }
}

/// How far around a movement word the names it concerns are looked for (bytes).
const MOVED_REACH: usize = 150;

/// The capitalised words near movement words, upper-cased and sorted: "M. DUPONT quitte
/// la séance", "Mme Leroy arrive".
fn moved_names(t: &Text, movements: &[Movement]) -> Vec<String> {
    let n = t.norm.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut covered = 0;
    for m in movements {
        let a = m.pos.saturating_sub(MOVED_REACH).max(covered);
        let b = (m.pos + MOVED_REACH).min(n.len());
        covered = b;
        let mut i = a;
        while i < b {
            if n[i].is_ascii_uppercase() && (i == 0 || !is_word_byte(n[i - 1])) {
                let mut j = i;
                while j < n.len() && (n[j].is_ascii_alphabetic() || n[j] == b'-' || n[j] == b'\'') {
                    j += 1;
                }
                if j - i >= 3 {
                    for w in t.nrm(i, j).split('-') {
                        if w.len() >= 3 {
                            out.push(w.to_ascii_uppercase());
                        }
                    }
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
    }
    crate::sort::words(&mut out);
    out.dedup();
    out
}

/// The séance's date is looked for at least this far into it (bytes), whatever its items.
const HEADER_MIN: usize = 2500;
/// The most list entries one séance's members can fill: the largest assembly's 209 seats,
/// with room for members listed again for some items.
const MAX_SEANCE_MEMBERS: usize = 400;
/// Dates without a year take the séance's when within this many days of it.
const YEAR_INFERENCE_DAYS: i64 = 62;
/// How far into a séance its president and secretary are looked for (bytes).
const PERSON_REACH: usize = 6000;

fn list_info(s: &Section, t: &Text) -> AttendanceList {
    AttendanceList {
        kind: s.kind,
        label_span: s.label_span,
        span: {
            let r = t.span(s.range.0, s.range.1);
            crate::text::Span::new(s.label_span.start.min(r.start), r.end.max(s.label_span.end))
        },
        entries: s.entries.len(),
        reliable: s.reliable,
        trailing_count: s.trailing_count,
    }
}

/// A count in parentheses closing a list ("… Jean PERTHUIS (55)") declares that list's
/// count when no label gave it: certain when it equals the names listed.
fn add_list_counts(declared: &mut Declared, sections: &[Section], t: &Text) {
    for s in sections {
        let Some(n) = s.trailing_count else { continue };
        let slot = match s.kind {
            ListKind::Present => &mut declared.present,
            ListKind::Represented => &mut declared.proxies,
            ListKind::Excused => &mut declared.excused,
            ListKind::Absent => &mut declared.absent,
        };
        if slot.is_some() {
            continue;
        }
        let agrees = s.reliable && s.entries.len() as u32 == n;
        let end = s.range.1;
        let text = t.low(end, (end + 8).min(t.len()));
        let off = text.find(&n.to_string()).map_or(0, |k| k);
        let at = if t.low(end.saturating_sub(8), end).contains(&n.to_string()) {
            let back = t.low(end.saturating_sub(8), end);
            end.saturating_sub(8) + back.rfind(&n.to_string()).unwrap_or(0)
        } else {
            end + off
        };
        let digits = n.to_string().len();
        *slot = Some(DeclaredCount {
            value: n,
            span: t.span(at, at + digits),
            certainty: if agrees {
                Certainty::Certain
            } else {
                Certainty::Probable
            },
            doubt: (!agrees).then_some("effectif lu entre parenthèses à la fin de la liste".into()),
        });
    }
}

/// Movement words written outside the attendance lists.
fn movements(t: &Text, from: usize, to: usize, sections: &[Section]) -> Vec<Movement> {
    static WORDS: Lexicon = Lexicon::new(|| Patterns::new(lexicon::MOVEMENT_WORDS));
    let mut k = 0;
    WORDS
        .get()
        .hits(t, from, to)
        .into_iter()
        .filter(|&(a, _, _)| {
            while k < sections.len() && sections[k].range.1 <= a {
                k += 1;
            }
            sections.get(k).is_none_or(|s| s.range.0 > a)
        })
        .map(|(a, b, _)| Movement {
            pos: a,
            span: t.span(a, b),
        })
        .collect()
}

/// A part of an item: the whole item, or one vote result and what precedes it when several
/// results stand in an item without a heading between them.
struct Part {
    range: (usize, usize),
    number: Option<String>,
    number_span: Option<crate::text::Span>,
    ordinal: Option<u32>,
    object: Option<String>,
    votes: Vec<Vote>,
    basis: Basis,
    first: bool,
    vote_basis: Basis,
}

/// Votes never cross an item's limits. Several results in one item (no heading found
/// between them) split it after each result; those limits are only probable.
fn split_by_votes(t: &Text, a: usize, b: usize, f: &items::Frame) -> Vec<Part> {
    let all = votes::find_votes(t, a, b);
    let norm_end = |sp: crate::text::Span| -> usize {
        // first normalised position whose original start is at or after the span's end
        let (mut lo, mut hi) = (a, b);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if t.span(mid, mid + 1).start < sp.end {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    // Group the results: an unanimity followed closely by its tally is one result.
    let mut groups: Vec<(Vec<Vote>, usize)> = Vec::new();
    for v in all {
        let v_end = norm_end(v.span);
        let v_start = norm_end(crate::text::Span::new(v.span.start, v.span.start));
        let merge = groups.last().is_some_and(|(g, ge)| {
            let unanimity_only = g.len() == 1 && !g[0].numeric() && g[0].unanimous.is_some();
            let between = t.low((*ge).min(v_start), v_start);
            unanimity_only
                && v.numeric()
                && v_start.saturating_sub(*ge) < MERGE_GAP
                && !between.contains("objet")
                && !between.contains("deliberation n")
                && !between.contains("affaire n")
        });
        if merge {
            let last = groups.last_mut().expect("checked above");
            last.0.push(v);
            last.1 = v_end;
        } else {
            groups.push((vec![v], v_end));
        }
    }
    if groups.len() <= 1 {
        return vec![Part {
            range: (a, b),
            number: f.number.clone(),
            number_span: f.number_span,
            ordinal: f.ordinal,
            object: f.object.clone(),
            votes: groups.pop().map(|g| g.0).unwrap_or_default(),
            basis: f.basis.clone(),
            first: true,
            vote_basis: f.basis.clone(),
        }];
    }
    let n = groups.len();
    let mut out = Vec::with_capacity(n);
    let mut start = a;
    for (k, (g, ge)) in groups.into_iter().enumerate() {
        let end = if k + 1 == n { b } else { ge.max(start) };
        out.push(Part {
            range: (start, end),
            number: if k == 0 { f.number.clone() } else { None },
            number_span: if k == 0 { f.number_span } else { None },
            ordinal: if k == 0 { f.ordinal } else { None },
            object: if k == 0 { f.object.clone() } else { None },
            votes: g,
            basis: f.basis.clone().and(&Basis::probable(
                "limites du point déduites des résultats de vote",
            )),
            first: k == 0,
            // each result stays within its own part: its tally is read as written
            vote_basis: f.basis.clone(),
        });
        start = end;
    }
    out
}

/// An unanimity and a tally this close are one result.
const MERGE_GAP: usize = 1500;
