//! The entries of one list: a name, its proxy ("pouvoir à X", "(Procuration de X)", a
//! column of givers then a column of "Pouvoir à X"), and its movement ("à compter du
//! point 3").

use super::super::lexicon::{PROXY_CONNECTORS, REVERSE_CONNECTORS, SUBSTITUTE, TIMING};
use super::super::scan::*;
use super::lists::chunks;
use super::names::*;
use super::{Entry, SectionKind};
use crate::text::Text;

struct Tok {
    a: usize,
    b: usize,
    paren: bool,
}

/// The chunk's tokens, into `out` (cleared first).
fn tokens(t: &Text, start: usize, end: usize, out: &mut Vec<Tok>) {
    let s = t.lower.as_bytes();
    out.clear();
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
}

fn tok_word<'t>(t: &'t Text, tok: &Tok) -> &'t str {
    t.low(tok.a, tok.b)
        .trim_end_matches([':', '.', ',', ';'])
        .trim_start_matches(['\'', '"'])
}

/// Connector starting at token `k`: (number of tokens, reverse).
static CONNECTORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(PROXY_CONNECTORS));
static REVERSE_CONNECTORS_LEX: Lexicon = Lexicon::new(|| Patterns::new(REVERSE_CONNECTORS));
static SUBSTITUTE_LEX: Lexicon = Lexicon::new(|| Patterns::new(SUBSTITUTE));

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

pub(super) fn timing_at(t: &Text, pos: usize) -> bool {
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
    /// "(suppléant de M. X)": the titulaire.
    substitutes: Option<(usize, usize)>,
    /// A proxy parenthesis ended the entry: the next name starts a new one.
    closed: bool,
    /// The shapes of the giver's and the holder's words so far.
    giver_run: ShapeRun,
    holder_run: ShapeRun,
}

impl Building {
    /// Ready for the next entry, the word lists' buffers kept.
    fn reset(&mut self) {
        let mut giver = std::mem::take(&mut self.giver);
        let mut holder = std::mem::take(&mut self.holder);
        giver.clear();
        holder.clear();
        *self = Building {
            giver,
            holder,
            ..Building::default()
        };
    }
    fn side(&mut self) -> &mut Vec<(usize, usize)> {
        if self.on_holder {
            &mut self.holder
        } else {
            &mut self.giver
        }
    }
    fn run(&mut self) -> &mut ShapeRun {
        if self.on_holder {
            &mut self.holder_run
        } else {
            &mut self.giver_run
        }
    }
}

fn span_of(words: &[(usize, usize)]) -> Option<(usize, usize)> {
    Some((words.first()?.0, words.last()?.1))
}

/// Parses the entries of one section. Returns them and whether the list is reliable.
pub(super) fn parse_entries(
    t: &Text,
    start: usize,
    end: usize,
    kind: SectionKind,
) -> (Vec<Entry>, bool) {
    let mut results: Vec<(Option<Entry>, bool)> = Vec::new(); // (entry, junk)
    let mut couples = false;
    // one token buffer and one entry under construction for every chunk
    let mut all_toks = Vec::new();
    let mut cur = Building::default();
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
        // every wording holds " et m": most chunks are ruled out by that one scan
        if has_bytes(lc.as_bytes(), b" et m")
            && [
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
        tokens(t, chunk_a, cb, &mut all_toks);
        // Positional layout: a column of givers, then a column of "Pouvoir à X".
        let positional = positional_holders(t, &all_toks, kind);
        let toks: &[Tok] = match &positional {
            Some((first, _)) => &all_toks[..*first],
            None => &all_toks,
        };
        let chunk_first_result = results.len();
        cur.reset();
        cur.start = chunk_a;
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
                        substitutes: cur.substitutes,
                    }),
                    junk,
                ));
            } else if cur.junk {
                results.push((None, true));
            }
            cur.reset();
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
                    if cur.closed || cur.run().starts_new(sh) {
                        finish(&mut cur, &mut results);
                        cur.start = tok.a;
                    }
                    cur.run().push(sh);
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
                    substitutes: None,
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

/// Parses "(pouvoir à X)", "(Procuration de X)", "(à partir de 20h58)", "(TESTUT Jean-Pierre)".
fn parse_paren(t: &Text, a: usize, b: usize, cur: &mut Building, kind: SectionKind) {
    if b <= a {
        return;
    }
    let s = t.lower.as_bytes();
    let p = skip_ws(s, a);
    let inner = t.low(p, b);
    if let Some(e) = SUBSTITUTE_LEX.at(s, p).map(|(e, _)| e) {
        cur.substitutes = name_run(t, skip_ws(s, e), b);
        return;
    }
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
