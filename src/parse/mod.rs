//! Tolerant parser: never fails, keeps what it could read, leaves the rest unknown.
//!
//! A text is split into séances (one per "Extrait du registre" that carries its
//! own attendance), and each séance into deliberations (one per vote result).

pub mod actes;
pub mod amounts;
pub mod counts;
pub mod dates;
pub mod members;
pub mod scan;
pub mod session;
pub mod votes;

use crate::model::*;
use crate::text::{Span, Text};
use members::{Section, SectionKind};
use scan::*;

/// A named person of the séance (president, secretary).
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub key: NameKey,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Deliberation {
    pub range: (usize, usize),
    pub votes: Vec<Vote>,
    pub amounts: Vec<Amount>,
}

#[derive(Debug, Clone)]
pub struct Seance {
    pub range: (usize, usize),
    pub body: BodyKind,
    pub body_detected: BodyKind,
    pub body_name: Option<String>,
    pub dates: Vec<DateMention>,
    pub session: Option<DateMention>,
    /// The séance date was named by a keyword ("Séance du …"), not guessed.
    pub session_confident: bool,
    pub convocation: Option<DateMention>,
    pub declared: Declared,
    pub sections: Vec<Section>,
    pub members: Vec<Member>,
    /// Every attendance list read as names only (no garbled columns).
    pub lists_reliable: bool,
    pub president: Option<Person>,
    pub secretary: Option<Person>,
    pub urgency: bool,
    /// An arrival, departure or withdrawal is mentioned somewhere in the séance.
    pub movements: bool,
    /// Where movement words stand (normalised positions).
    pub movement_spots: Vec<usize>,
    /// ACTES transmission identifiers ("ID : 021-…-DE").
    pub actes_ids: Vec<actes::ActesId>,
    pub deliberations: Vec<Deliberation>,
}

impl Seance {
    pub fn section_count(&self, kind: SectionKind) -> usize {
        self.sections
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.entries.len())
            .sum()
    }
    pub fn has_section(&self, kind: SectionKind) -> bool {
        self.sections.iter().any(|s| s.kind == kind)
    }
    pub fn count_status(&self, st: Status) -> usize {
        self.members.iter().filter(|m| m.status == st).count()
    }
    /// A movement word is written near this name (an arrival or departure may explain a
    /// double status even when the list does not say so).
    pub fn moves_near(&self, t: &Text, name_key: &NameKey) -> bool {
        let Some(surname) = name_key.0.iter().max_by_key(|w| w.len()) else {
            return false;
        };
        let surname = surname.to_ascii_lowercase();
        self.movement_spots
            .iter()
            .any(|&p| t.low(p.saturating_sub(150), p + 150).contains(&surname))
    }
}

pub struct Document {
    pub seances: Vec<Seance>,
}

const MOVEMENT_WORDS: &[&str] = &[
    "arrive",
    "arrivee",
    "arrives",
    "arrivent",
    "quitte",
    "quittent",
    "sort de la salle",
    "se retire",
    "se retirent",
    "a partir du point",
    "a compter du point",
    "jusqu'au point",
    "a partir de la deliberation",
    "a compter de la deliberation",
    "rejoint",
    "rejoignent",
    "a partir de",
    "a compter de",
    "entre en seance",
    "entree en seance",
    "depart",
    "sortie",
    "s'absente",
    "revient",
    "retour en seance",
    "est partie",
    "est parti",
    "ne prend pas part",
];

/// Parses a whole text.
pub fn parse(t: &Text) -> Document {
    // Séance starts: the text start, and each "extrait du registre" that has its own attendance.
    let mut starts = vec![0usize];
    for (a, _) in find_all(t, "extrait du registre") {
        if a > 200 {
            starts.push(a);
        }
    }
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(t.len());
        bounds.push((a, b));
    }
    // Merge segments without attendance of their own into the previous one.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut first_has_own = false;
    let mut merged_len = 0;
    for (a, b) in bounds {
        // Cheap probe: an attendance label or count in the segment.
        static OWN: Lexicon = Lexicon::new(|| {
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
        let has_own = OWN.get().find(t, a, b).is_some();
        match merged.last_mut() {
            Some(last) if !has_own => last.1 = b,
            // The text before the first "Extrait du registre" (stamps, headers) belongs to it.
            Some(last) if !first_has_own && merged_len == 1 => {
                last.1 = b;
                first_has_own = true;
            }
            _ => merged.push((a, b)),
        }
        merged_len = merged.len();
        if merged_len == 1 && has_own {
            first_has_own = true;
        }
    }
    let all_dates = dates::find_dates(t);
    let seances = merged
        .into_iter()
        .map(|(a, b)| parse_seance(t, &all_dates, a, b))
        .collect();
    Document { seances }
}

fn parse_seance(t: &Text, all_dates: &[DateMention], from: usize, to: usize) -> Seance {
    let (o_from, o_to) = (t.span(from, from).start, t.span(to, to).start);
    let mut dates: Vec<DateMention> = all_dates
        .iter()
        .filter(|m| m.span.start >= o_from && (m.span.start < o_to || to >= t.len()))
        .cloned()
        .collect();
    let (body, body_name) = session::find_body(t, from, to);
    let found = session::find_session_date(t, &dates, from, to);
    let session_idx = found.map(|(k, _)| k);
    let session_confident = found.is_some_and(|(_, sure)| sure);
    // Dates without a year take the séance year when they name the séance's day or a nearby one.
    if let Some(si) = session_idx {
        if let Some(sd) = dates[si].date {
            for m in dates.iter_mut() {
                if m.raw.2 == 0 {
                    if let Some(d) = Date::new(sd.year, m.raw.1, m.raw.0) {
                        if (d.days() - sd.days()).abs() <= 62 {
                            m.date = Some(d);
                            m.raw.2 = sd.year;
                            m.year_inferred = true;
                        }
                    }
                }
            }
        }
    }
    let conv_idx = session::find_convocation(t, &dates, from, to, session_idx);
    let declared = counts::find_declared(t, from, to);
    let sections = members::find_sections(t, from, to);
    let members = members::build_members(t, &sections);
    let lists_reliable = !sections.is_empty() && sections.iter().all(|s| s.reliable);
    let person = |keys: &[&str]| {
        session::find_person(t, from, to.min(from + 6000), keys).map(|(name, span, a, b)| Person {
            key: members::name_key(t, a, b),
            name,
            span,
        })
    };
    let president = person(&[
        "sous la presidence de",
        "president :",
        "presidente :",
        "preside par",
        "presidee par",
    ]);
    let secretary = person(&[
        "secretaire de seance :",
        "secretaire de seance:",
        "secretaire :",
        "secretaires de seance :",
    ]);
    let urgency = session::mentions_urgency(t, from, to);
    static MOVEMENTS: Lexicon = Lexicon::new(|| Patterns::new(MOVEMENT_WORDS));
    let movement_spots: Vec<usize> = MOVEMENTS
        .get()
        .hits(t, from, to)
        .iter()
        .map(|h| h.0)
        .collect();
    let movements = members.iter().any(|m| m.movement.is_some()) || !movement_spots.is_empty();

    // Deliberations: split after each vote result.
    let all_votes = votes::find_votes(t, from, to);
    let norm_end_of = |sp: Span| -> usize {
        // first normalised position whose original start is >= sp.end
        let mut lo = from;
        let mut hi = to;
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
    let mut groups: Vec<Vec<Vote>> = Vec::new();
    let mut group_ends: Vec<usize> = Vec::new();
    for v in all_votes {
        let v_end = norm_end_of(v.span);
        let v_start = norm_end_of(Span::new(v.span.start, v.span.start));
        let merge = match (groups.last(), group_ends.last()) {
            (Some(g), Some(&ge)) => {
                let prev_unanimity_only = g.len() == 1
                    && g[0].pour.is_none()
                    && g[0].contre.is_none()
                    && g[0].unanimous.is_some();
                let numeric = v.pour.is_some() || v.contre.is_some();
                let between = t.low(ge.min(v_start), v_start);
                prev_unanimity_only
                    && numeric
                    && v_start.saturating_sub(ge) < 1500
                    && !between.contains("objet")
                    && !between.contains("deliberation n")
                    && !between.contains("affaire n")
            }
            _ => false,
        };
        if merge {
            groups.last_mut().unwrap().push(v);
            *group_ends.last_mut().unwrap() = v_end;
        } else {
            groups.push(vec![v]);
            group_ends.push(v_end);
        }
    }
    let mut deliberations = Vec::new();
    let mut start = from;
    let n = groups.len();
    for (k, g) in groups.into_iter().enumerate() {
        let end = if k + 1 == n {
            to
        } else {
            group_ends[k].max(start)
        };
        deliberations.push(Deliberation {
            range: (start, end),
            votes: g,
            amounts: amounts::find_amounts(t, start, end),
        });
        start = end;
    }
    if deliberations.is_empty() {
        deliberations.push(Deliberation {
            range: (from, to),
            votes: Vec::new(),
            amounts: amounts::find_amounts(t, from, to),
        });
    }
    Seance {
        range: (from, to),
        body,
        body_detected: body,
        body_name,
        session: session_idx.map(|k| dates[k].clone()),
        session_confident,
        convocation: conv_idx.map(|k| dates[k].clone()),
        dates,
        declared,
        sections,
        members,
        lists_reliable,
        president,
        secretary,
        urgency,
        movements,
        movement_spots,
        actes_ids: actes::find_ids(t, from, to),
        deliberations,
    }
}
