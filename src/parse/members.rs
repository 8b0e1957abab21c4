//! Attendance lists in every layout of the corpus: tab columns, prose lists
//! separated by commas, semicolons or dashes, "NOM Prénom" and "Prénom NOM",
//! with or without civilities, proxies in every wording ("pouvoir à", "a donné
//! pouvoir à", "procuration à", "représenté(e) par", "X par Y", "(pouvoir à X)",
//! "(Procuration de X)", "- PROCURATION"), arrivals and departures.
//!
//! A list is *reliable* when every entry reads as a name. Count rules only
//! compare counts with reliable lists: a column-garbled PDF never yields an error.

use super::scan::*;
use crate::model::{Member, NameKey, Status};
use crate::text::{Span, Text};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SectionKind {
    Present,
    Represented,
    Excused,
    Absent,
}

const SECTION_LABELS: &[(&str, SectionKind)] = &[
    ("membres presents", SectionKind::Present),
    ("etaient presents", SectionKind::Present),
    ("etaient presentes", SectionKind::Present),
    (
        "etaient presents les membres suivants",
        SectionKind::Present,
    ),
    ("sont presents", SectionKind::Present),
    ("presents", SectionKind::Present),
    ("presentes", SectionKind::Present),
    ("present", SectionKind::Present),
    ("conseillers presents", SectionKind::Present),
    ("conseillers municipaux presents", SectionKind::Present),
    ("presents en seance", SectionKind::Present),
    ("assistaient a la reunion", SectionKind::Present),
    ("assistaient a la seance", SectionKind::Present),
    ("membres representes", SectionKind::Represented),
    ("representes", SectionKind::Represented),
    ("absents excuses representes", SectionKind::Represented),
    ("absents representes", SectionKind::Represented),
    (
        "absents excuses ayant donne pouvoir",
        SectionKind::Represented,
    ),
    (
        "absents excuses avant donne pouvoir",
        SectionKind::Represented,
    ),
    (
        "absents excuses ayant donne procuration",
        SectionKind::Represented,
    ),
    ("absents ayant donne pouvoir", SectionKind::Represented),
    ("absents ayant donne procuration", SectionKind::Represented),
    (
        "conseillers absents ayant donne procuration",
        SectionKind::Represented,
    ),
    (
        "conseillers absents ayant donne pouvoir",
        SectionKind::Represented,
    ),
    ("pouvoirs", SectionKind::Represented),
    ("procurations", SectionKind::Represented),
    ("a donne pouvoir", SectionKind::Represented),
    ("ont donne pouvoir", SectionKind::Represented),
    ("delegations de vote", SectionKind::Represented),
    ("excuses", SectionKind::Excused),
    ("excusees", SectionKind::Excused),
    ("absents excuses", SectionKind::Excused),
    ("absentes excusees", SectionKind::Excused),
    ("etaient absents excuses", SectionKind::Excused),
    ("etaient absents et excuses", SectionKind::Excused),
    ("etaient absents-es et excuses-es", SectionKind::Excused),
    ("etaient excuses", SectionKind::Excused),
    ("conseillers excuses", SectionKind::Excused),
    ("membres excuses", SectionKind::Excused),
    ("absents", SectionKind::Absent),
    ("absent", SectionKind::Absent),
    ("absentes", SectionKind::Absent),
    ("etait absent", SectionKind::Absent),
    ("etait absente", SectionKind::Absent),
    ("etaient absents", SectionKind::Absent),
    ("membres absents", SectionKind::Absent),
    ("membres absents non representes", SectionKind::Absent),
    ("absents non representes", SectionKind::Absent),
    ("conseillers absents", SectionKind::Absent),
    ("conseillers municipaux absents", SectionKind::Absent),
];

/// Words that end a list (the start of something else).
const TERMINATORS: &[&str] = &[
    "secretaire",
    "secretaires",
    "objet",
    "nombre de",
    "le quorum",
    "quorum",
    "date de",
    "date d'affichage",
    "ordre du jour",
    "formant la majorite",
    "formant",
    "il a ete procede",
    "ont pris part",
    "votants",
    "en exercice",
    "la seance",
    "le conseil",
    "le bureau",
    "les membres",
    "monsieur le maire",
    "madame le maire",
    "m. le maire",
    "mme le maire",
    "apres en avoir",
    "vu",
    "considerant",
    "conformement",
    "etude de l'ordre",
    "verification du quorum",
    "designation",
    "mouvements",
    "elue secretaire",
    "elu secretaire",
    "seance enregistree",
    "au vu de",
    "service des",
    "compte-rendu",
    "lors de",
    "monsieur le president",
    "madame la presidente",
    "le president",
    "la presidente",
    "ouverture",
    "envoye en",
    "recu en",
    "id :",
    "deliberation",
    "mme la maire",
    "rapporteur",
    "approbation",
    "le maire",
    "l'an",
    "deposee",
    "deposee en",
    "publiee le",
    "publie le",
    "delais et voies",
    "transmis",
    "accuse de reception",
    "convocation",
    "excuses",
    "pouvoirs",
];

const CIVILITIES: &[&str] = &[
    "m",
    "m.",
    "mr",
    "mr.",
    "mm",
    "mm.",
    "mme",
    "mme.",
    "mmes",
    "mmc",
    "mlle",
    "melle",
    "mrs",
    "monsieur",
    "madame",
    "messieurs",
    "mesdames",
    "mademoiselle",
    "mmes.",
    "me",
    "dr",
    "dr.",
];

static CIVILITY_SET: WordSet = WordSet::new(CIVILITIES);
static PARTICLE_SET: WordSet = WordSet::new(PARTICLES);
static ROLE_SET: WordSet = WordSet::new(ROLES);

pub fn is_civility(w: &str) -> bool {
    CIVILITY_SET.contains(w)
}

/// `w` followed by a dot is a civility ("M" → "M."), without building the string.
fn is_civility_dotted(w: &str) -> bool {
    w.len() < 12 && w.bytes().all(|b| b.is_ascii_lowercase()) && CIVILITY_SET.contains_with(w, '.')
}

const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da", "dos",
    "do", "del", "della", "el", "al", "ben", "ibn", "mac", "st", "ste", "saint", "sainte", "y",
    "l'",
];

pub fn is_particle(w: &str) -> bool {
    PARTICLE_SET.contains(w)
}

/// Role words stripped from entries ("Maire", "Adjoints au Maire", "Conseillers municipaux").
const ROLES: &[&str] = &[
    "maire",
    "maire-adjoint",
    "maire-adjointe",
    "adjoint",
    "adjointe",
    "adjoints",
    "adjointes",
    "conseiller",
    "conseillere",
    "conseillers",
    "conseilleres",
    "conseillers-es",
    "municipal",
    "municipaux",
    "municipale",
    "municipales",
    "delegue",
    "deleguee",
    "delegues",
    "deleguees",
    "communautaire",
    "communautaires",
    "president",
    "presidente",
    "vice-president",
    "vice-presidente",
    "vice-presidents",
    "vice-presidents-es",
    "au",
    "aux",
    "et",
    "1er",
    "1ere",
    "2e",
    "3e",
    "4e",
    "5e",
    "6e",
    "7e",
    "8e",
    "les",
    "titulaire",
    "titulaires",
    "suppleant",
    "suppleante",
    "doyen",
    "doyenne",
    "d'age",
    "premier",
    "premiere",
    "metropolitain",
    "metropolitains",
    "membre",
    "membres",
    "bureau",
];

fn is_role(w: &str) -> bool {
    ROLE_SET.contains(w)
}

/// Proxy connectors, giver → holder.
const CONNECTORS: &[&str] = &[
    "a donne pouvoir a",
    "a donne procuration a",
    "a donne delegation de vote a",
    "ayant donne pouvoir a",
    "donne pouvoir a",
    "donne procuration a",
    "pouvoir donne a",
    "procuration donnee a",
    "pouvoir a",
    "pouvoirs a",
    "procuration a",
    "procuration au",
    "pouvoir au",
    "delegation de vote a",
    "represente par",
    "representee par",
    "represente(e) par",
    "representes par",
];

/// Reverse connectors: the entry's person *holds* the proxy of the named giver.
const REVERSE_CONNECTORS: &[&str] = &[
    "procuration de",
    "pouvoir de",
    "porteur du pouvoir de",
    "porteuse du pouvoir de",
];

/// Words that mark a movement or a proxy limited in time.
const TIMING: &[&str] = &[
    "a compter",
    "a partir",
    "jusqu'a",
    "jusqu'au",
    "jusqu'aux",
    "pour la derniere",
    "pour les deliberations",
    "pour la deliberation",
    "pour le point",
    "pour les points",
    "pendant",
    "en debut de seance",
    "sauf",
    "puis",
    "arrive",
    "arrivee",
    "arrivé",
    "depart",
    "quitte",
    "sortie",
    "present en debut",
    "presente en debut",
    "apres le vote",
    "avant le vote",
    "parti",
    "partie",
    "sorti",
    "depuis",
    "au point",
    "des le point",
    "a l'issue",
    "en retard",
    "retard",
    "pour le vote",
    "lors du vote",
    "entre en seance",
    "entree en seance",
];

/// True when a list label or a terminator starts at `pos` (a name cannot go on).
pub fn stops_a_name(t: &Text, pos: usize) -> bool {
    let s = t.lower.as_bytes();
    TERMINATORS_LEX.at(s, pos).is_some() || LABELS_LEX.at(s, pos).is_some()
}

/// One attendance list found in the text.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    pub label_span: Span,
    pub range: (usize, usize),
    pub reliable: bool,
    pub entries: Vec<Entry>,
}

/// One person in a list, with an optional proxy.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: (usize, usize),
    pub holder: Option<(usize, usize)>,
    /// The entry names the holder of someone else's proxy: (giver name range).
    pub holds_for: Option<(usize, usize)>,
    pub movement: Option<(usize, usize)>,
    pub range: (usize, usize),
    /// "- PROCURATION" tag without a holder.
    pub proxy_tag: bool,
}

static TERMINATORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(TERMINATORS));
static LABELS_LEX: Lexicon = Lexicon::new(|| {
    let labels: Vec<&str> = SECTION_LABELS.iter().map(|(p, _)| *p).collect();
    Patterns::new(&labels)
});

/// Finds the attendance sections in `from..to`.
pub fn find_sections(t: &Text, from: usize, to: usize) -> Vec<Section> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let index = LABELS_LEX.get();
    let terminators = TERMINATORS_LEX.get();
    // Candidate labels.
    let mut labels: Vec<(usize, usize, SectionKind)> = Vec::new();
    let mut i = from;
    for (pos, e, k) in index.hits(t, from, to) {
        if pos < i || !s[pos].is_ascii_lowercase() {
            continue;
        }
        // "Nombre de présents", "des membres présents": not a list label.
        let before = t.low(pos.saturating_sub(12), pos);
        let prose = before.ends_with("de ")
            || before.ends_with("des ")
            || before.ends_with("d'")
            || before.ends_with("les ");
        // A label is followed by ':' or a count or a line break, or directly by a name.
        let p = skip_ws(s, e);
        let free = SECTION_LABELS[k].0.starts_with("assistaient");
        let next_ok = p < to
            && (free
                || s[p] == b':'
                || s[p].is_ascii_digit()
                || s[p] == b'('
                || s[e..p].contains(&b'\n')
                || t.norm.as_bytes()[p].is_ascii_uppercase());
        if !prose && next_ok {
            labels.push((pos, e, SECTION_LABELS[k].1));
            i = e;
            continue;
        }
        // try the next word: "Conseillers municipaux Absents ayant donné pouvoir :"
        i = pos;
        while i < to && is_word_byte(s[i]) {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (n, &(a, e, kind)) in labels.iter().enumerate() {
        let next_label = labels.get(n + 1).map(|l| l.0).unwrap_or(to);
        let mut start = skip_seps(s, e, b":");
        // Skip a count: "Conseillers présents : 15", "Absents excusés 6", "Pouvoirs : 2 Mmes et M."
        if let Some((_, ce)) = read_int(s, start) {
            start = skip_seps(s, ce, b":)");
        }
        let end = section_end(t, start, next_label.min(start + 6000), terminators);
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
            reliable,
            entries,
        });
    }
    out
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

/// Splits a section into chunks at top-level separators: newline, tab, ';', ',', " - ", " et ", ". ".
fn chunks(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Upper,
    Cap,
    Particle,
}

fn shape(word: &str) -> Option<Shape> {
    // allocation-free: this runs for every word of every list
    if PARTICLE_SET.contains_ignore_case(word) {
        return Some(Shape::Particle);
    }
    let (mut letters, mut upper, mut digits) = (0usize, 0usize, 0usize);
    let mut first_upper = None;
    for c in word.chars() {
        if crate::text::is_letter(c) {
            letters += 1;
            let u = crate::text::is_upper(c);
            upper += usize::from(u);
            first_upper.get_or_insert(u);
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if !(crate::text::is_letter_or_digit(c) || c == '-' || c == '\'') {
            return None;
        }
    }
    if letters == 0 || (digits > 0 && upper < 3) {
        return None;
    }
    if upper == letters {
        Some(Shape::Upper)
    } else if first_upper == Some(true) {
        Some(Shape::Cap)
    } else {
        None
    }
}

struct Tok {
    a: usize,
    b: usize,
    paren: bool,
}

fn tokens(t: &Text, start: usize, end: usize) -> Vec<Tok> {
    let s = t.lower.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if is_ws(s[i]) {
            i += 1;
            continue;
        }
        if s[i] == b'(' || s[i] == b'{' || s[i] == b'[' {
            let mut d = 0;
            let mut j = i;
            while j < end {
                match s[j] {
                    b'(' | b'{' | b'[' => d += 1,
                    b')' | b'}' | b']' => {
                        d -= 1;
                        if d == 0 {
                            j += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            out.push(Tok {
                a: i,
                b: j.min(end),
                paren: true,
            });
            i = j;
            continue;
        }
        let mut j = i;
        while j < end && !is_ws(s[j]) && s[j] != b'(' {
            j += 1;
        }
        // "M.SANTI": a civility glued to the name.
        let w = t.low(i, j);
        if let Some(dot) = w.find('.') {
            if dot > 0 && is_civility(&w[..=dot]) && dot + 1 < w.len() {
                out.push(Tok {
                    a: i,
                    b: i + dot + 1,
                    paren: false,
                });
                out.push(Tok {
                    a: i + dot + 1,
                    b: j,
                    paren: false,
                });
                i = j;
                continue;
            }
        }
        out.push(Tok {
            a: i,
            b: j,
            paren: false,
        });
        i = j;
    }
    out
}

fn tok_word<'t>(t: &'t Text, tok: &Tok) -> &'t str {
    t.low(tok.a, tok.b)
        .trim_end_matches([':', '.', ',', ';'])
        .trim_start_matches(['\'', '"'])
}

/// Connector starting at token `k`: (number of tokens, reverse).
static CONNECTORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(CONNECTORS));
static REVERSE_CONNECTORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(REVERSE_CONNECTORS));

fn connector_at(t: &Text, toks: &[Tok], k: usize, kind: SectionKind) -> Option<(usize, bool)> {
    let s = t.lower.as_bytes();
    let pos = toks[k].a;
    for (list, rev) in [(&CONNECTORS_LEX, false), (&REVERSE_CONNECTORS_LEX, true)] {
        if let Some((e, _)) = list.at(s, pos) {
            let n = toks[k..].iter().take_while(|x| x.a < e).count();
            return Some((n, rev));
        }
    }
    // In a list of proxies, a bare "à" or "par" links giver and holder.
    if kind == SectionKind::Represented
        || kind == SectionKind::Excused
        || kind == SectionKind::Absent
    {
        let w = tok_word(t, &toks[k]);
        if w == "a" || w == "par" || w == "au" {
            return Some((1, false));
        }
    }
    None
}

fn timing_at(t: &Text, pos: usize) -> bool {
    static LEX: Lexicon = Lexicon::new(|| Patterns::new(TIMING));
    LEX.at(t.lower.as_bytes(), pos).is_some()
}

#[derive(Default)]
struct Building {
    giver: Vec<(usize, usize)>,
    holder: Vec<(usize, usize)>,
    holds_for: Option<(usize, usize)>,
    on_holder: bool,
    movement: Option<(usize, usize)>,
    start: usize,
    end: usize,
    junk: bool,
    proxy_tag: bool,
    inner_name: Option<(usize, usize)>,
    /// A proxy parenthesis ended the entry: the next name starts a new one.
    closed: bool,
}

impl Building {
    fn side(&mut self) -> &mut Vec<(usize, usize)> {
        if self.on_holder {
            &mut self.holder
        } else {
            &mut self.giver
        }
    }
}

fn span_of(words: &[(usize, usize)]) -> Option<(usize, usize)> {
    Some((words.first()?.0, words.last()?.1))
}

/// Parses the entries of one section. Returns them and whether the list is reliable.
fn parse_entries(t: &Text, start: usize, end: usize, kind: SectionKind) -> (Vec<Entry>, bool) {
    let mut results: Vec<(Option<Entry>, bool)> = Vec::new(); // (entry, junk)
    let mut couples = false;
    for (ca, cb) in chunks(t, start, end) {
        let mut chunk_a = ca;
        // "Beaumont-Louestault : M. Robert Jean-Paul" — a commune label before ':'.
        // Only a short leading label counts (not a colon in trailing OCR noise).
        let chunk = t.low(ca, cb);
        if let Some(p) = chunk.find(": ") {
            let prefix = &chunk[..p];
            if !prefix.contains('(') && prefix.split_whitespace().count() <= 10 {
                chunk_a = ca + p + 1;
            }
        }
        if chunk.trim_end().ends_with(':') && chunk.matches(':').count() == 1 {
            continue;
        }
        // "M. et Mme DUPONT" is two people under one name: the list cannot be counted.
        let lc = t.low(chunk_a, cb);
        if [
            "m. et mme",
            "m et mme",
            "monsieur et madame",
            "mr et mme",
            "madame et monsieur",
            "mme et m.",
        ]
        .iter()
        .any(|c| lc.contains(c))
        {
            couples = true;
        }
        let all_toks = tokens(t, chunk_a, cb);
        // Positional layout: a column of givers, then a column of "Pouvoir à X".
        let positional = positional_holders(t, &all_toks, kind);
        let toks: &[Tok] = match &positional {
            Some((first, _)) => &all_toks[..*first],
            None => &all_toks,
        };
        let chunk_first_result = results.len();
        let mut cur = Building {
            start: chunk_a,
            ..Default::default()
        };
        let mut k = 0;
        let finish = |cur: &mut Building, results: &mut Vec<(Option<Entry>, bool)>| {
            let giver = cur.inner_name.or_else(|| span_of(&cur.giver));
            if let Some(g) = giver {
                let junk = cur.junk;
                results.push((
                    Some(Entry {
                        name: g,
                        holder: span_of(&cur.holder),
                        holds_for: cur.holds_for,
                        movement: cur.movement,
                        range: (cur.start, cur.end.max(g.1)),
                        proxy_tag: cur.proxy_tag,
                    }),
                    junk,
                ));
            } else if cur.junk {
                results.push((None, true));
            }
            *cur = Building::default();
        };
        while k < toks.len() {
            let tok = &toks[k];
            if tok.paren {
                let had = cur.holder.len() + usize::from(cur.holds_for.is_some());
                parse_paren(t, tok.a + 1, tok.b.saturating_sub(1), &mut cur, kind);
                if cur.holder.len() + usize::from(cur.holds_for.is_some()) > had
                    || cur.inner_name.is_some()
                    || (cur.movement.is_some() && !cur.giver.is_empty())
                {
                    cur.closed = true;
                }
                cur.end = tok.b;
                k += 1;
                continue;
            }
            let w = tok_word(t, tok);
            if w.is_empty() || w.chars().all(|c| !crate::text::is_letter_or_digit(c)) {
                k += 1;
                continue;
            }
            if is_civility(w) || is_civility_dotted(w) {
                if !cur.side().is_empty() {
                    finish(&mut cur, &mut results);
                    cur.start = tok.a;
                }
                if cur.giver.is_empty() && !cur.on_holder {
                    cur.start = tok.a;
                }
                k += 1;
                continue;
            }
            if let Some((n, rev)) = connector_at(t, toks, k, kind) {
                if !cur.giver.is_empty() && !cur.on_holder {
                    if rev {
                        // "X (procuration de Y)" outside parens: rare; treat like the paren form.
                        let rest_a = toks.get(k + n).map(|x| x.a).unwrap_or(tok.b);
                        let mut j = k + n;
                        let mut words = Vec::new();
                        while j < toks.len()
                            && !toks[j].paren
                            && shape(t.nrm(toks[j].a, toks[j].b)).is_some()
                        {
                            words.push((toks[j].a, toks[j].b));
                            j += 1;
                        }
                        let _ = rest_a;
                        cur.holds_for = span_of(&words);
                        k = j;
                        continue;
                    }
                    cur.on_holder = true;
                    k += n;
                    continue;
                }
                if cur.giver.is_empty() && !cur.on_holder && !results.is_empty() && n > 1 {
                    // "Pouvoir à X" standing alone after a column of names: positional layout.
                    cur.on_holder = true;
                    k += n;
                    continue;
                }
            }
            if timing_at(t, tok.a) {
                // consume lower-case words, numbers and times until the next name start
                let ma = tok.a;
                let mut j = k;
                let mut me = tok.b;
                while j < toks.len() && !toks[j].paren {
                    let ww = t.nrm(toks[j].a, toks[j].b);
                    let first_upper = ww.chars().next().is_some_and(crate::text::is_upper);
                    if j > k
                        && first_upper
                        && shape(ww).is_some()
                        && !is_civility(&ww.to_ascii_lowercase())
                    {
                        break;
                    }
                    if j > k && is_civility(tok_word(t, &toks[j])) {
                        break;
                    }
                    me = toks[j].b;
                    j += 1;
                }
                cur.movement = Some((ma, me));
                cur.end = me;
                k = j;
                continue;
            }
            let norm_w = t.nrm(tok.a, tok.b).trim_end_matches([':', '.', ',', ';']);
            if matches!(w, "procuration" | "pouvoir" | "procurations" | "pouvoirs")
                && !cur.giver.is_empty()
            {
                cur.proxy_tag = true;
                k += 1;
                continue;
            }
            if is_role(w) {
                k += 1;
                continue;
            }
            match shape(norm_w) {
                Some(sh) => {
                    // Name shape: "Prénom NOM" then a capitalised word starts a new name;
                    // "NOM Prénom" then an upper-case word starts a new name.
                    let side_words: Vec<Shape> = cur
                        .side()
                        .iter()
                        .filter_map(|&(a, b)| shape(t.nrm(a, b)))
                        .collect();
                    if cur.closed || new_name_starts(&side_words, sh) {
                        finish(&mut cur, &mut results);
                        cur.start = tok.a;
                    }
                    cur.side().push((tok.a, tok.a + norm_w.len()));
                    cur.end = tok.a + norm_w.len();
                }
                None => {
                    // A stray token after a complete name ends that name ("MILOCHAU. #k*k").
                    if !cur.side().is_empty() && !cur.junk {
                        cur.end = tok.a;
                        finish(&mut cur, &mut results);
                        cur.start = tok.a;
                    }
                    cur.junk = true;
                }
            }
            k += 1;
        }
        finish(&mut cur, &mut results);
        if let Some((_, holders)) = positional {
            pair_positional(t, &mut results, chunk_first_result, &holders);
        }
    }
    // Drop junk at both ends; junk in the middle makes the list unreliable.
    let first_ok = results.iter().position(|(e, j)| e.is_some() && !j);
    let last_ok = results.iter().rposition(|(e, j)| e.is_some() && !j);
    let mut reliable = true;
    let mut entries = Vec::new();
    if let (Some(f), Some(l)) = (first_ok, last_ok) {
        for (idx, (e, junk)) in results.into_iter().enumerate() {
            if idx < f || idx > l {
                continue;
            }
            if junk {
                reliable = false;
            }
            if let Some(e) = e {
                if !name_ok(t, e.name) {
                    reliable = false;
                    continue;
                }
                entries.push(e);
            }
        }
    }
    // Over-long names (more than four words besides particles) are glued names, not one person.
    // Mixed-case names of four words or more ("Dupont Jean Martin Paul") are two people whose
    // separator was lost: their number cannot be trusted either.
    let glued = entries.iter().any(|e| {
        let words: Vec<Option<Shape>> = t
            .nrm(e.name.0, e.name.1)
            .split_whitespace()
            .map(shape)
            .filter(|s| *s != Some(Shape::Particle))
            .collect();
        let has_upper = words.contains(&Some(Shape::Upper));
        words.len() > 4 || (!has_upper && words.len() >= 4)
    });
    (entries, reliable && !couples && !glued)
}

/// "… Eric Lucas Pouvoir à Frédéric Henriot Pouvoir à Didier Missenard …": the index of the
/// first connector and the holders' name spans, when the chunk ends with at least two
/// connector-led names and nothing before them is a connector.
fn positional_holders(
    t: &Text,
    toks: &[Tok],
    kind: SectionKind,
) -> Option<(usize, Vec<(usize, usize)>)> {
    let mut conns = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].paren {
            if let Some((n, false)) = connector_at(t, toks, k, kind) {
                if n >= 2 {
                    conns.push((k, n));
                    k += n;
                    continue;
                }
            }
        }
        k += 1;
    }
    if conns.len() < 2 {
        return None;
    }
    let mut holders = Vec::new();
    for (i, &(c, n)) in conns.iter().enumerate() {
        let end = conns.get(i + 1).map(|x| x.0).unwrap_or(toks.len());
        let names: Vec<&Tok> = toks[c + n..end]
            .iter()
            .take_while(|x| {
                !x.paren && shape(t.nrm(x.a, x.b).trim_end_matches(['.', ','])).is_some()
            })
            .collect();
        if names.is_empty()
            || names.len() > 4
            || (i + 1 < conns.len() && names.len() != end - c - n)
        {
            return None;
        }
        holders.push((
            names[0].a,
            names.last().unwrap().a
                + t.nrm(names.last().unwrap().a, names.last().unwrap().b)
                    .trim_end_matches(['.', ','])
                    .len(),
        ));
    }
    // the givers before must not be "X pouvoir à Y" entries themselves
    let first = conns[0].0;
    if first == 0 {
        return None;
    }
    Some((first, holders))
}

/// Pairs the givers parsed from a chunk with the holders of a positional layout.
fn pair_positional(
    t: &Text,
    results: &mut Vec<(Option<Entry>, bool)>,
    from: usize,
    holders: &[(usize, usize)],
) {
    let givers: Vec<usize> = (from..results.len())
        .filter(|&i| matches!(&results[i], (Some(e), false) if e.holder.is_none()))
        .collect();
    if givers.len() == holders.len() {
        for (gi, h) in givers.iter().zip(holders) {
            if let (Some(e), _) = &mut results[*gi] {
                e.holder = Some(*h);
            }
        }
        return;
    }
    // Re-split "Augustin Bousbain Hervé Dole" into two-word names when that matches the count.
    // (word range, movement of the entry the word opened)
    type Word = ((usize, usize), Option<(usize, usize)>);
    let mut words: Vec<Word> = Vec::new();
    for &gi in &givers {
        if let (Some(e), _) = &results[gi] {
            let mut i = e.name.0;
            let txt = t.nrm(e.name.0, e.name.1).to_string();
            let mut first = true;
            for w in txt.split(' ') {
                if !w.is_empty() && shape(w).is_some() {
                    words.push(((i, i + w.len()), if first { e.movement } else { None }));
                    first = false;
                }
                i += w.len() + 1;
            }
        }
    }
    if words.len() != 2 * holders.len() {
        for &gi in &givers {
            results[gi].1 = true;
        }
        return;
    }
    let rebuilt: Vec<(Option<Entry>, bool)> = words
        .chunks(2)
        .zip(holders)
        .map(|(pair, h)| {
            let name = (pair[0].0 .0, pair[1].0 .1);
            (
                Some(Entry {
                    name,
                    holder: Some(*h),
                    holds_for: None,
                    movement: pair[0].1,
                    range: (name.0, h.1),
                    proxy_tag: false,
                }),
                false,
            )
        })
        .collect();
    let keep: Vec<(Option<Entry>, bool)> = results
        .drain(from..)
        .filter(|(e, _)| !matches!(e, Some(e) if e.holder.is_none()))
        .collect();
    results.extend(rebuilt);
    results.extend(keep);
}

fn new_name_starts(words: &[Shape], next: Shape) -> bool {
    let core: Vec<Shape> = words
        .iter()
        .copied()
        .filter(|s| *s != Shape::Particle)
        .collect();
    if core.is_empty() || next == Shape::Particle {
        return false;
    }
    let first = core[0];
    let last = *core.last().unwrap();
    let has_switch = core.windows(2).any(|w| w[0] != w[1]);
    // Prénom NOM + Prénom  → new;  NOM Prénom + NOM → new
    (has_switch && next != last && first != last) || core.len() >= 6
}

fn name_ok(t: &Text, (a, b): (usize, usize)) -> bool {
    let w = t.nrm(a, b);
    let letters = w.chars().filter(|&c| crate::text::is_letter(c)).count();
    letters >= 3 && w.split_whitespace().count() <= 7
}

/// Parses "(pouvoir à X)", "(Procuration de X)", "(à partir de 20h58)", "(TESTUT Jean-Pierre)".
fn parse_paren(t: &Text, a: usize, b: usize, cur: &mut Building, kind: SectionKind) {
    if b <= a {
        return;
    }
    let s = t.lower.as_bytes();
    let p = skip_ws(s, a);
    let inner = t.low(p, b);
    // connectors, possibly after a first clause: "(présent en début de séance, a donné procuration à X à compter du point 1)"
    let mut pos = p;
    while pos < b {
        if let Some((e, _)) = REVERSE_CONNECTORS_LEX.at(s, pos) {
            cur.holds_for = name_run(t, skip_ws(s, e), b);
            return;
        }
        if let Some((e, _)) = CONNECTORS_LEX.at(s, pos) {
            // "CANCON (PICHARD Elisabeth donne pouvoir à GIROU Bernard)": the giver is inside.
            if pos > p {
                if let Some(g) = name_run(t, p, pos) {
                    let outside_upper = cur
                        .giver
                        .iter()
                        .all(|&(x, y)| shape(t.nrm(x, y)) == Some(Shape::Upper));
                    if outside_upper && skip_ws_back(s, pos) <= g.1 + 1 {
                        cur.inner_name = Some(g);
                    }
                }
            }
            cur.holder = name_run(t, skip_ws(s, e), b).into_iter().collect();
            if let Some(h) = cur.holder.last() {
                // timing after the holder
                let rest = skip_seps(s, h.1, b",");
                if rest < b
                    && (timing_at(t, rest) || inner.contains("compter") || inner.contains("jusqu"))
                {
                    cur.movement = Some((p, b));
                }
            }
            if inner.contains("compter")
                || inner.contains("jusqu")
                || inner.contains("partir")
                || inner.contains("sauf")
                || inner.contains("derniere")
                || inner.contains("debut de seance")
            {
                cur.movement = Some((p, b));
            }
            return;
        }
        // next word
        while pos < b && is_word_byte(s[pos]) {
            pos += 1;
        }
        while pos < b && !is_word_byte(s[pos]) {
            pos += 1;
        }
    }
    if timing_at(t, p)
        || inner.contains("partir")
        || inner.contains("jusqu")
        || inner.contains("pour les deliberations")
        || inner.contains("arriv")
        || inner.contains("depart")
        || inner.contains("quitte")
    {
        cur.movement = Some((p, b));
        return;
    }
    // "CAHUZAC (TESTUT Jean-Pierre)": commune outside, person inside.
    if let Some(n) = name_run(t, p, b) {
        let outside_upper = cur
            .giver
            .iter()
            .all(|&(x, y)| shape(t.nrm(x, y)) == Some(Shape::Upper));
        if !cur.giver.is_empty() && outside_upper && n.1 + 2 >= b {
            cur.inner_name = Some(n);
            return;
        }
    }
    let _ = kind;
}

/// The run of name-shaped words starting at `p` (stops at lower-case words, timing, punctuation).
pub fn name_run(t: &Text, p: usize, b: usize) -> Option<(usize, usize)> {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let mut i = p;
    let mut words: Vec<(usize, usize, Shape)> = Vec::new();
    while i < b {
        i = skip_ws(s, i);
        if i >= b {
            break;
        }
        let mut j = i;
        while j < b && !is_ws(s[j]) && s[j] != b',' && s[j] != b')' && s[j] != b'(' && s[j] != b';'
        {
            j += 1;
        }
        let raw = t.nrm(i, j);
        let w = raw.trim_end_matches(['.', ':']);
        let lw = w.to_ascii_lowercase();
        if j == i {
            break;
        }
        if is_civility(&lw) || is_civility_dotted(&lw) {
            if !words.is_empty() {
                break;
            }
            i = j;
            continue;
        }
        if timing_at(t, i) {
            break;
        }
        match shape(w) {
            Some(sh) => {
                if sh == Shape::Particle && !norm[i].is_ascii_uppercase() && words.is_empty() {
                    break;
                }
                let shapes: Vec<Shape> = words.iter().map(|x| x.2).collect();
                if new_name_starts(&shapes, sh) {
                    break;
                }
                words.push((i, i + w.len(), sh));
            }
            None => break,
        }
        i = j;
        if i < b && (s[i] == b',' || s[i] == b';' || s[i] == b')') {
            break;
        }
    }
    // trailing particles are not part of a name
    while words.last().is_some_and(|w| w.2 == Shape::Particle) {
        words.pop();
    }
    Some((words.first()?.0, words.last()?.1))
}

/// A comparable key: upper-case tokens without civility, sorted. Hyphens split.
pub fn name_key(t: &Text, a: usize, b: usize) -> NameKey {
    name_key_str(t.nrm(a, b))
}

pub fn name_key_str(s: &str) -> NameKey {
    // Words are compared to the (lower-case) lists without allocating; only kept words are.
    let mut v: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',')
        .filter(|w| {
            !w.is_empty()
                && !CIVILITY_SET.contains_ignore_case(w)
                && !CIVILITY_SET.contains_with(w, '.')
                && !ROLE_SET.contains_ignore_case(w)
                && !PARTICLE_SET.contains_ignore_case(w)
        })
        .map(|w| w.to_ascii_uppercase())
        .collect();
    v.sort_unstable();
    v.dedup();
    NameKey(v)
}

/// Builds members from sections: one member per person, proxies linked.
pub fn build_members(t: &Text, sections: &[Section]) -> Vec<Member> {
    let mut members: Vec<Member> = Vec::new();
    // The one member with this key (none when absent or ambiguous).
    let find = |members: &Vec<Member>, key: &NameKey| -> Option<usize> {
        let mut same = members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.key == *key)
            .map(|(i, _)| i);
        match (same.next(), same.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    };
    for sec in sections {
        for e in &sec.entries {
            let name = t.display(e.name.0, e.name.1);
            let key = name_key(t, e.name.0, e.name.1);
            if key.0.is_empty() {
                continue;
            }
            let holder = e
                .holder
                .map(|(a, b)| (t.display(a, b), name_key(t, a, b), t.span(a, b)));
            let movement = e.movement.map(|(a, b)| t.display(a, b));
            let status = match (sec.kind, holder.is_some() || e.proxy_tag) {
                (SectionKind::Present, _) => Status::Present,
                (_, true) => Status::Represented,
                (SectionKind::Represented, false) => Status::Represented,
                (SectionKind::Excused, false) => Status::Excused,
                (SectionKind::Absent, false) => Status::Absent,
            };
            let member = Member {
                name,
                key: key.clone(),
                status,
                proxy_holder: holder,
                movement,
                span: t.span(e.name.0, e.name.1),
                entry_span: t.span(e.range.0, e.range.1),
            };
            // The same person listed twice as absent / excused / represented is one member.
            match find(&members, &key) {
                Some(i)
                    if members[i].status != Status::Present && member.status != Status::Present =>
                {
                    let m = &mut members[i];
                    if m.proxy_holder.is_none() && member.proxy_holder.is_some() {
                        m.proxy_holder = member.proxy_holder.clone();
                        m.status = Status::Represented;
                    } else if member.status == Status::Represented
                        && m.status != Status::Represented
                    {
                        m.status = Status::Represented;
                    }
                    if m.movement.is_none() {
                        m.movement = member.movement.clone();
                    }
                }
                _ => members.push(member),
            }
            // "X (Procuration de Y)": Y is represented by X.
            if let Some((ga, gb)) = e.holds_for {
                let gkey = name_key(t, ga, gb);
                if gkey.0.is_empty() {
                    continue;
                }
                let hname = t.display(e.name.0, e.name.1);
                let hspan = t.span(e.name.0, e.name.1);
                match find(&members, &gkey) {
                    Some(i) if members[i].status != Status::Present => {
                        let m = &mut members[i];
                        m.status = Status::Represented;
                        if m.proxy_holder.is_none() {
                            m.proxy_holder = Some((hname, key.clone(), hspan));
                        }
                    }
                    Some(_) => {}
                    None => members.push(Member {
                        name: t.display(ga, gb),
                        key: gkey,
                        status: Status::Represented,
                        proxy_holder: Some((hname, key.clone(), hspan)),
                        movement: None,
                        span: t.span(ga, gb),
                        entry_span: t.span(e.range.0, e.range.1),
                    }),
                }
            }
        }
    }
    // Later "Excusés : X (Procuration à Y)" for a giver first seen through "(Procuration de X)"
    // are merged above; nothing else to do.
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<(String, Status, Option<String>)> {
        let t = Text::new(s);
        let secs = find_sections(&t, 0, t.len());
        build_members(&t, &secs)
            .into_iter()
            .map(|m| (m.name, m.status, m.proxy_holder.map(|h| h.0)))
            .collect()
    }

    #[test]
    fn tab_columns() {
        let m = parse("### Membres présents :\n\nMonsieur François REBSAMEN\tMadame Christine MARTIN\n\n### Membres absents :\n\nMadame Claire TOMASELLI\tMadame Sladana ZIVKOVIC pouvoir à Madame Danielle JUBAN\n\tMonsieur Jean-Claude GIRARD pouvoir à Monsieur Laurent GOBET\n\n---");
        assert_eq!(m.len(), 5);
        assert_eq!(
            m[3],
            (
                "Sladana ZIVKOVIC".into(),
                Status::Represented,
                Some("Danielle JUBAN".into())
            )
        );
        assert_eq!(m[2].1, Status::Absent);
    }

    #[test]
    fn prose_lists() {
        let m = parse("MEMBRES REPRÉSENTÉS : Mme BOUIZEM Rabia par Mme PRÉVOT Vannina Mme DA SILVA Céline par Mme BOISSEAU-STAL Laetitia MEMBRES ABSENTS NON REPRÉSENTÉS : Mme GRELLIER Isabelle, Mme BAETA Yolande.");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[1].2.as_deref(), Some("BOISSEAU-STAL Laetitia"));
        let m = parse("Absents excusés avant donné pouvoir : Youssef AFOUADAS a donné pouvoir à Jean Luc DUCERF Frédéric ROBIN a donné pouvoir à Sylvie ROLAND Absents excusés : Sylviane BOENS, Cécile DAUZATS.");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[0].2.as_deref(), Some("Jean Luc DUCERF"));
        assert_eq!(m[1].0, "Frédéric ROBIN");
    }

    #[test]
    fn reverse_and_paren_proxies() {
        let m = parse("Présents : M. DUFOUR Thierry, MME CONDOMINES MAUREL Nadine (Procuration de MME TAMBORINI Christine), M. BOUCHON Christophe. Excusés : MME TAMBORINI Christine (Procuration à MME CONDOMINES MAUREL Nadine), M. COSQUER Cyril. Absent : M. HEIM Philippe Secrétaire : M. X.");
        assert_eq!(m.len(), 6, "{m:?}");
        assert_eq!(m[2].1, Status::Represented);
        assert_eq!(m[4].1, Status::Excused);
        assert_eq!(m[5].1, Status::Absent);
    }
}
