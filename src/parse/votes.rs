//! Vote results: POUR / CONTRE / ABSTENTION(S) / NE SE PRONONCE PAS / ne prend
//! pas part au vote; "à l'unanimité (des suffrages exprimés)", "par 25 voix pour
//! et 3 contre", "dont N procurations", "ONT VOTÉ POUR : 14 … CONTRE : /".

use super::scan::*;
use crate::model::{Vote, VoteSide};
use crate::text::Text;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Pour,
    Contre,
    Abst,
    Nppv,
    Proxies,
    Unanimity,
    Majority,
    Outcome,
}

struct Token {
    kind: Kind,
    value: u32,
    a: usize,
    b: usize,
    /// value span
    va: usize,
    vb: usize,
    of_members: bool,
    adopted: bool,
}

use super::lexicon::{
    OUTCOMES, OUTCOMES_ADOPTED, VOTE_ABST as ABST, VOTE_CONTRE as CONTRE, VOTE_NPPV as NPPV,
    VOTE_POUR as POUR, VOTE_PROXIES, VOTE_VOICES,
};

// The vote words tried after every number of a text, indexed once: most positions are
// rejected by a bit test instead of a pass over the list (the same longest match as `any_at`).
static POUR_LEX: Lexicon = Lexicon::new(|| Patterns::new(POUR));
static CONTRE_LEX: Lexicon = Lexicon::new(|| Patterns::new(CONTRE));
static ABST_LEX: Lexicon = Lexicon::new(|| Patterns::new(ABST));
static NPPV_LEX: Lexicon = Lexicon::new(|| Patterns::new(NPPV));
static OUTCOMES_LEX: Lexicon = Lexicon::new(|| Patterns::new(OUTCOMES));
static VOICES_LEX: Lexicon = Lexicon::new(|| Patterns::new(VOTE_VOICES));
static PROXY_WORDS_LEX: Lexicon = Lexicon::new(|| Patterns::new(VOTE_PROXIES));

/// ": 35", "= 35", ": /" (none), ": 35 voix" after a label.
fn colon_value(s: &[u8], pos: usize, max_gap: usize) -> Option<(u32, usize, usize)> {
    let mut p = skip_ws(s, pos);
    // tolerate a short OCR-garbled tail: "Ne prend pas part au te: 0"
    let lim = (p + max_gap).min(s.len());
    while p < lim && s[p] != b':' && s[p] != b'=' {
        if s[p] == b'\n' || s[p].is_ascii_digit() {
            return None;
        }
        p += 1;
    }
    if p >= lim {
        return None;
    }
    let p = skip_ws(s, p + 1);
    if p < s.len() && s[p] == b'/' {
        return Some((0, p, p + 1));
    }
    let (v, e) = read_int(s, p)?;
    // "Pour : 12/03/2024" is a date
    if e < s.len() && (s[e] == b'/' || s[e] == b'.' && e + 1 < s.len() && s[e + 1].is_ascii_digit())
    {
        return None;
    }
    Some((v, p, e))
}

fn tokens(t: &Text, from: usize, to: usize) -> Vec<Token> {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    let to = to.min(s.len());
    // Every word a label-first token can start with: other words are skipped at once.
    static LABEL_WORDS: Lexicon = Lexicon::new(|| {
        let words: Vec<&str> = [NPPV, POUR, CONTRE, ABST, OUTCOMES]
            .concat()
            .into_iter()
            .chain(["unanimite", "unanimement", "majorite"])
            .collect();
        Patterns::new(&words)
    });
    // where those words stand, found at once through the text's index
    let labels = LABEL_WORDS.get().hits(t, from, to);
    let mut next_label = 0;
    // Vote words and counts start at a word start: only those are visited (`i` is where
    // reading resumes).
    for w in t.starts.words(from, to) {
        if w < i {
            continue;
        }
        i = w;
        let c = s[i];
        // Number first: "49 voix pour", "13 POUR", "4 abstentions", "DONT 7 PROCURATION(S)"
        if c.is_ascii_digit() {
            if let Some((v, e)) = read_int(s, i) {
                let mut p = skip_ws(s, e);
                let explicit = if let Some((e2, _)) = VOICES_LEX.at(s, p) {
                    p = skip_ws(s, e2);
                    true
                } else {
                    false
                };
                let upper = |a: usize, b: usize| norm[a..b].iter().all(|x| !x.is_ascii_lowercase());
                let mut pushed = false;
                for (list, kind) in [
                    (&POUR_LEX, Kind::Pour),
                    (&CONTRE_LEX, Kind::Contre),
                    (&ABST_LEX, Kind::Abst),
                    (&NPPV_LEX, Kind::Nppv),
                ] {
                    if let Some((e2, _)) = list.at(s, p) {
                        let ok = match kind {
                            Kind::Abst | Kind::Nppv => true,
                            Kind::Contre => {
                                explicit
                                    || upper(p, e2)
                                    || out.last().is_some_and(|x: &Token| {
                                        x.kind == Kind::Pour && p - x.b < 40
                                    })
                            }
                            _ => explicit || upper(p, e2),
                        };
                        // "pour" followed by ":" is a label of what follows, not this number
                        let after = skip_ws(s, e2);
                        let label_like =
                            after < s.len() && s[after] == b':' && kind == Kind::Pour && !explicit;
                        if ok && !label_like {
                            out.push(Token {
                                kind,
                                value: v,
                                a: i,
                                b: e2,
                                va: i,
                                vb: e,
                                of_members: false,
                                adopted: false,
                            });
                            i = e2;
                            pushed = true;
                        }
                        break;
                    }
                }
                if pushed {
                    continue;
                }
                if let Some((e2, _)) = PROXY_WORDS_LEX.at(s, p) {
                    let before = t.low(i.saturating_sub(6), i);
                    if before.trim_end().ends_with("dont") {
                        out.push(Token {
                            kind: Kind::Proxies,
                            value: v,
                            a: i.saturating_sub(5),
                            b: e2,
                            va: i,
                            vb: e,
                            of_members: false,
                            adopted: false,
                        });
                        i = e2;
                        continue;
                    }
                }
                i = e;
                continue;
            }
        }
        while next_label < labels.len() && labels[next_label].0 < i {
            next_label += 1;
        }
        let labelled = labels.get(next_label).is_some_and(|h| h.0 == i);
        if c.is_ascii_lowercase() && !labelled {
            // the next word start is past this word
            continue;
        }
        if c.is_ascii_lowercase() {
            // Label first: "POUR : 35"
            let mut matched = false;
            for (list, kind) in [
                (&NPPV_LEX, Kind::Nppv),
                (&POUR_LEX, Kind::Pour),
                (&CONTRE_LEX, Kind::Contre),
                (&ABST_LEX, Kind::Abst),
            ] {
                if let Some((e, _)) = list.at(s, i) {
                    let gap = if kind == Kind::Nppv { 12 } else { 3 };
                    if let Some((v, va, vb)) = colon_value(s, e, gap) {
                        out.push(Token {
                            kind,
                            value: v,
                            a: i,
                            b: vb,
                            va,
                            vb,
                            of_members: false,
                            adopted: false,
                        });
                        i = vb;
                        matched = true;
                    }
                    break;
                }
            }
            if matched {
                continue;
            }
            if let Some(e) = word_at(s, i, "unanimite").or_else(|| word_at(s, i, "unanimement")) {
                // "à l'unanimité des présents / des membres présents (et représentés) / des votants"
                let tail = t.low(e, (e + 50).min(t.lower.len()));
                let of_members = tail.trim_start().starts_with("des present")
                    || tail.trim_start().starts_with("des membres")
                    || tail.trim_start().starts_with("des votants");
                let a = if i >= 5 && t.low(i.saturating_sub(5), i).ends_with("a l'") {
                    i - 4
                } else {
                    i
                };
                let a = if a >= 2 && t.low(0, a).ends_with("a ") {
                    a - 2
                } else {
                    a
                };
                out.push(Token {
                    kind: Kind::Unanimity,
                    value: 0,
                    a,
                    b: e,
                    va: a,
                    vb: e,
                    of_members,
                    adopted: true,
                });
                i = e;
                continue;
            }
            if let Some(e) = word_at(s, i, "majorite") {
                let before = t.low(i.saturating_sub(6), i);
                if before.ends_with("a la ") {
                    out.push(Token {
                        kind: Kind::Majority,
                        value: 0,
                        a: i - 5,
                        b: e,
                        va: i - 5,
                        vb: e,
                        of_members: false,
                        adopted: true,
                    });
                    i = e;
                    continue;
                }
            }
            if let Some((e, k)) = OUTCOMES_LEX.at(s, i) {
                out.push(Token {
                    kind: Kind::Outcome,
                    value: 0,
                    a: i,
                    b: e,
                    va: i,
                    vb: e,
                    // "ADOPTÉ", "APPROUVEE": a result written in capitals stands alone
                    of_members: norm[i..e].iter().all(|c| !c.is_ascii_lowercase()),
                    adopted: k < OUTCOMES_ADOPTED,
                });
                i = e;
                continue;
            }
            // skip the word
            while i < to && is_word_byte(s[i]) {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    out
}

/// How far an unanimity may stand from the tally it belongs to (bytes).
const UNANIMITY_GAP: usize = 100;
/// How far apart the words of one tally may stand (bytes).
const TALLY_GAP: usize = 160;
/// How far an outcome ("adoptée") may follow its tally (bytes).
const OUTCOME_GAP: usize = 80;

/// A sentence ends in `between` (a period followed by a space or a line break, outside
/// parentheses).
fn ends_sentence(between: &str) -> bool {
    let b = between.as_bytes();
    let mut depth = 0i32;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'.' if depth <= 0 && b.get(i + 1).is_none_or(|n| is_ws(*n)) => return true,
            b'\n' if depth <= 0 && b.get(i + 1) == Some(&b'\n') => return true,
            _ => {}
        }
    }
    false
}

/// `between` introduces another item ("Point 4", "Objet", "Affaire n°", "Délibération n°").
fn starts_another_item(between: &str) -> bool {
    [
        "point ",
        "objet",
        "affaire",
        "deliberation n",
        "n°",
        "question n",
    ]
    .iter()
    .any(|k| between.contains(k))
}

/// Votes in `from..to`, in text order.
pub fn find_votes(t: &Text, from: usize, to: usize) -> Vec<Vote> {
    let toks = tokens(t, from, to);
    // (each vote starts at a token: sized once, a long list's votes are not copied as the
    // vector grows)
    let mut votes: Vec<(Vote, usize, usize, Vec<Kind>)> = Vec::with_capacity(toks.len());
    let mut pending_outcome: Option<&Token> = None;
    for tok in &toks {
        if tok.kind == Kind::Outcome {
            // attach to the current vote if close, else keep for the next one
            if let Some((v, _, last, kinds)) = votes.last_mut() {
                if tok.a < *last + OUTCOME_GAP
                    && !kinds.contains(&Kind::Outcome)
                    && kinds.iter().any(|k| *k != Kind::Unanimity)
                    && !starts_another_item(t.low(*last, tok.a))
                {
                    v.adopted = Some((tok.adopted, t.span(tok.a, tok.b)));
                    kinds.push(Kind::Outcome);
                    continue;
                }
            }
            if tok.of_members {
                // a capitalised result alone ("Délibération n°2022-061 … APPROUVEE")
                let v = Vote {
                    adopted: Some((tok.adopted, t.span(tok.a, tok.b))),
                    ..Vote::default()
                };
                votes.push((v, tok.a, tok.b, vec![Kind::Outcome]));
                continue;
            }
            pending_outcome = Some(tok);
            continue;
        }
        let join = match votes.last() {
            Some((_, _, last, kinds)) => {
                let gap = tok.a.saturating_sub(*last);
                let limit = if tok.kind == Kind::Unanimity || kinds == &vec![Kind::Unanimity] {
                    UNANIMITY_GAP
                } else {
                    TALLY_GAP
                };
                // an unanimity and a tally join only within one sentence (or parenthesis):
                // "Point 3 adopté à l'unanimité. Point 4 : Pour : 20, Contre : 2" are two votes
                let crosses = (tok.kind == Kind::Unanimity || kinds.contains(&Kind::Unanimity))
                    && (ends_sentence(t.low(*last, tok.a))
                        || starts_another_item(t.low(*last, tok.a)));
                // a complete tally is not joined by a later unanimity: "Pour : 20 — Contre : 3
                // — Abstentions : 3 ⏎ Adopté à l'unanimité (Pour : 25 ; Contre : 2)"
                let complete = tok.kind == Kind::Unanimity
                    && kinds.contains(&Kind::Pour)
                    && (kinds.contains(&Kind::Contre) || kinds.contains(&Kind::Abst));
                gap < limit && !kinds.contains(&tok.kind) && !crosses && !complete
            }
            None => false,
        };
        if !join {
            let mut v = Vote::default();
            if let Some(o) = pending_outcome.take() {
                if tok.a < o.b + OUTCOME_GAP {
                    v.adopted = Some((o.adopted, t.span(o.a, o.b)));
                }
            }
            votes.push((v, tok.a, tok.b, Vec::new()));
        }
        let (v, a, last, kinds) = votes.last_mut().unwrap();
        let val = Some((tok.value, t.span(tok.va, tok.vb)));
        let side = match tok.kind {
            Kind::Pour => Some(VoteSide::Pour),
            Kind::Contre => Some(VoteSide::Contre),
            Kind::Abst => Some(VoteSide::Abstention),
            Kind::Nppv => Some(VoteSide::NotVoting),
            _ => None,
        };
        if let Some(side) = side {
            v.named.extend(named_after(t, tok.vb, to, side));
        }
        match tok.kind {
            Kind::Pour => v.pour = val,
            Kind::Contre => v.contre = val,
            Kind::Abst => v.abstention = val,
            Kind::Nppv => v.not_voting = val,
            Kind::Proxies => v.proxies = val,
            Kind::Unanimity => {
                v.unanimous = Some(t.span(tok.a, tok.b));
                v.unanimity_of_members = tok.of_members;
            }
            Kind::Majority => v.majority = Some(t.span(tok.a, tok.b)),
            Kind::Outcome => {}
        }
        *a = (*a).min(tok.a);
        *last = tok.b.max(*last);
        kinds.push(tok.kind);
    }
    votes
        .into_iter()
        .filter(|(_, _, _, kinds)| {
            kinds
                .iter()
                .any(|k| matches!(k, Kind::Pour | Kind::Contre | Kind::Abst | Kind::Unanimity))
                || kinds == &[Kind::Outcome]
        })
        .map(|(mut v, a, b, _)| {
            v.span = t.span(a, b);
            v
        })
        .collect()
}

/// How far a parenthesis of names may run after a tally (bytes).
const NAMED_REACH: usize = 600;

/// The names in parentheses right after a tally: "CONTRE : 2 (M. Paul LEROY, Mme Anne
/// MARTIN)". A parenthesis holding digits or reading as anything but names gives none.
fn named_after(
    t: &Text,
    from: usize,
    to: usize,
    side: VoteSide,
) -> Vec<(VoteSide, String, crate::model::NameKey, crate::text::Span)> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let open = skip_ws(s, from);
    if open >= to || s[open] != b'(' {
        return Vec::new();
    }
    let end = (open + NAMED_REACH).min(to);
    let Some(close) = s[open..end]
        .iter()
        .position(|&c| c == b')')
        .map(|k| open + k)
    else {
        return Vec::new();
    };
    if s[open..close].iter().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut p = open + 1;
    while p < close {
        p = skip_ws(s, p);
        if p >= close {
            break;
        }
        if s[p] == b',' || s[p] == b';' {
            p += 1;
            continue;
        }
        if s[p..close].starts_with(b"et ") {
            p += 3;
            continue;
        }
        match super::attendance::name_run(t, p, close) {
            Some((a, b)) if b > a && b > p => {
                let key = super::attendance::name_key(t, a, b);
                if !key.is_empty() {
                    out.push((side, t.display(a, b), key, t.span(a, b)));
                }
                p = b;
            }
            // not a name: the parenthesis is something else
            _ => return Vec::new(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Tally = (Option<u32>, Option<u32>, Option<u32>, Option<u32>, bool);

    fn votes(s: &str) -> Vec<Tally> {
        let t = Text::new(s);
        find_votes(&t, 0, t.len())
            .into_iter()
            .map(|v| {
                (
                    Vote::value(&v.pour),
                    Vote::value(&v.contre),
                    Vote::value(&v.abstention),
                    Vote::value(&v.not_voting),
                    v.unanimous.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            votes("SCRUTIN      POUR : 35                              ABSTENTION : 0  \n                  CONTRE : 0                              NE SE PRONONCE PAS : 6  \n                  DONT 7 PROCURATION(S)"),
            vec![(Some(35), Some(0), Some(0), Some(6), false)]
        );
        assert_eq!(
            votes("VOTE : 13 POUR 0 CONTRE – 0 ABSTENTION"),
            vec![(Some(13), Some(0), Some(0), None, false)]
        );
        assert_eq!(
            votes("à la majorité absolue (49 voix Pour et 4 abstentions : M. X)"),
            vec![(Some(49), None, Some(4), None, false)]
        );
        assert_eq!(
            votes("ONT VOTE POUR : 14 ONT VOTE CONTRE : / SE SONT ABSTENUS : /"),
            vec![(Some(14), Some(0), Some(0), None, false)]
        );
        assert_eq!(
            votes("(vote pour : 28 - Contre : 0 - Abstention : 0 - Ne prend pas part au te: 0)"),
            vec![(Some(28), Some(0), Some(0), Some(0), false)]
        );
        assert_eq!(
            votes("Adopté à l'unanimité (Pour : 25 ; Contre : 2)."),
            vec![(Some(25), Some(2), None, None, true)]
        );
        assert_eq!(
            votes("pour copie conforme ; pour 3 ans ; 20 % pour la commune"),
            vec![]
        );
        assert_eq!(
            votes("Majorité pour 3 votes contre : Mireille QUADRIO"),
            vec![(None, Some(3), None, None, false)]
        );
    }
}
