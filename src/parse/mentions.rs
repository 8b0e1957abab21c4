//! Words that change what applies, beyond counts and votes: how the séance was held
//! (remotely), how the act is published, a standing proxy; and, per item, how it was voted
//! (show of hands, secret ballot, a nomination, the annual accounts and the maire's
//! withdrawal, an election by rounds).

use super::scan::*;
use crate::model::{Election, ItemMentions, Mentions};
use crate::text::{Span, Text};

/// How far before a remote word "retransmis" makes it a broadcast (bytes).
const BROADCAST_REACH: usize = 40;
/// How far back the sentence of a posting word is read (bytes).
const SENTENCE_REACH: usize = 160;
/// How far into an item its heading and object go (normalised bytes): a nomination or
/// the annual accounts are named there, not in a recital further on.
const HEADING_REACH: usize = 400;
/// How far before "élu au premier tour" the candidates' votes are looked for (bytes).
const ELECTION_REACH: usize = 1200;

static REMOTE: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "en visioconference",
        "par visioconference",
        "en visio-conference",
        "par visio-conference",
        "en teleconference",
        "par teleconference",
        "reunion a distance",
        "seance a distance",
        "reuni a distance",
        "reunie a distance",
        "en distanciel",
    ])
});
/// Remote words that are only a broadcast ("retransmis en direct").
static BROADCAST: Lexicon =
    Lexicon::new(|| Patterns::new(&["retransmis", "retransmise", "diffuse en direct"]));
static STANDING_PROXY: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "pouvoir permanent",
        "procuration permanente",
        "pouvoir general",
        "pour toute la duree du mandat",
        "pour toutes les seances",
        "pour l'ensemble des seances",
    ])
});
static POSTED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "affiche le",
        "affichee le",
        "affiche en mairie",
        "affichee en mairie",
        "affichage en mairie",
        "affiche a la porte",
        "affichage le",
        "date d'affichage",
    ])
});
static ONLINE: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "publie le",
        "publiee le",
        "publie sur",
        "publiee sur",
        "mis en ligne",
        "mise en ligne",
        "publication electronique",
        "forme electronique",
        "site internet",
        "date de publication",
        "publication le",
    ])
});
static BY_EXTRACT: Lexicon =
    Lexicon::new(|| Patterns::new(&["publie par extrait", "publiee par extrait"]));
static MINUTES_POSTED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "compte rendu affiche",
        "compte-rendu affiche",
        "affichage du compte rendu",
        "affichage du compte-rendu",
        "compte rendu sera affiche",
        "compte-rendu sera affiche",
    ])
});
static LIST_POSTED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "liste des deliberations affichee le",
        "liste des deliberations a ete affichee le",
        "liste des deliberations publiee le",
        "liste des deliberations mise en ligne le",
    ])
});

/// The séance-wide mentions of this module, added to `m`.
pub fn seance(t: &Text, from: usize, to: usize, m: &mut Mentions) {
    let span = |h: Option<(usize, usize, usize)>| h.map(|(a, b, _)| t.span(a, b));
    m.remote = REMOTE
        .get()
        .hits(t, from, to)
        .into_iter()
        .find(|&(a, _, _)| {
            // "séance retransmise en direct en visioconférence" is a broadcast
            BROADCAST
                .get()
                .find(t, a.saturating_sub(BROADCAST_REACH).max(from), a)
                .is_none()
        })
        .map(|(a, b, _)| t.span(a, b));
    m.standing_proxy = span(STANDING_PROXY.get().find(t, from, to));
    m.posted = POSTED
        .get()
        .hits(t, from, to)
        .into_iter()
        .find(|&(a, _, _)| {
            // the convocation's or the minutes' posting, in the same sentence, is not the act's
            let back = t.low(a.saturating_sub(SENTENCE_REACH).max(from), a);
            let sentence = back.rsplit(['.', '\n']).next().unwrap_or("");
            ![
                "convoc",
                "compte",
                "proces-verbal",
                "proces verbal",
                "liste",
            ]
            .iter()
            .any(|w| sentence.contains(w))
        })
        .map(|(a, b, _)| t.span(a, b));
    m.published_online = span(ONLINE.get().find(t, from, to));
    m.published_by_extract = span(BY_EXTRACT.get().find(t, from, to));
    m.minutes_posted = span(MINUTES_POSTED.get().find(t, from, to));
    m.list_posted = span(LIST_POSTED.get().find(t, from, to));
}

static NOMINATION: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "designation",
        "designations",
        "election des",
        "election d'un",
        "election d'une",
        "election du",
        "election de",
        "nomination",
        "nominations",
    ])
});
static SHOW_OF_HANDS: Lexicon = Lexicon::new(|| Patterns::new(&["a main levee"]));
static SECRET: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "scrutin secret",
        "bulletin secret",
        "bulletins secrets",
        "vote secret",
    ])
});
static SECRET_WAIVED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "ne pas proceder au scrutin secret",
        "ne pas recourir au scrutin secret",
        "ne pas proceder a un scrutin secret",
        "ne pas proceder au vote a bulletin secret",
        "ne pas proceder a bulletin secret",
        "ne pas voter a bulletin secret",
        "ne pas voter au scrutin secret",
        "de voter a main levee",
        "de proceder au vote a main levee",
        "de proceder a main levee",
        "de proceder a un vote a main levee",
        "de proceder aux nominations a main levee",
        "de proceder a la designation a main levee",
        "candidature unique",
        "une seule candidature",
        "seul candidat",
        "seule candidate",
        "liste unique",
        "une seule liste",
        "l2121-21",
        "l 2121-21",
        "l.2121-21",
    ])
});
static ANNUAL_ACCOUNTS: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "compte administratif",
        "comptes administratifs",
        "compte financier unique",
    ])
});
static BUDGET: Lexicon = Lexicon::new(|| Patterns::new(&["budget primitif", "budgets primitifs"]));
/// Words that make "compte administratif" in a heading another item's subject.
static NOT_ACCOUNTS: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "affectation du resultat",
        "affectation des resultats",
        "reprise des resultats",
        "reprise anticipee",
        "budget supplementaire",
        "decision modificative",
        "compte de gestion",
    ])
});
static WITHDRAWAL: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "se retire",
        "s'est retire",
        "s'est retiree",
        "s'etant retire",
        "s'etant retiree",
        "se retirent",
        "quitte la salle",
        "quitte la seance",
        "quittent la salle",
        "sort de la salle",
        "sorti de la salle",
        "ayant quitte",
        "a quitte la salle",
        "ne prend pas part au vote",
        "ne prenant pas part au vote",
        "ne participe pas au vote",
        "ne participant pas au vote",
        "hors de la presence",
        "hors la presence",
        "en l'absence du maire",
        "en l'absence du president",
        "en l'absence de monsieur le maire",
        "en l'absence de madame le maire",
        "en l'absence de madame la maire",
        "doyen d'age",
        "doyenne d'age",
        "president de seance",
        "presidente de seance",
        "elu president",
        "elue presidente",
    ])
});
static ELECTED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "elu au premier tour",
        "elue au premier tour",
        "elu(e) au premier tour",
        "elu au 1er tour",
        "elue au 1er tour",
        "elu des le premier tour",
        "elue des le premier tour",
        "elu au second tour",
        "elue au second tour",
        "elu au deuxieme tour",
        "elue au deuxieme tour",
        "elu au 2nd tour",
        "elue au 2nd tour",
        "elu au 2e tour",
        "elue au 2e tour",
    ])
});
static EXPRESSED: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "suffrages exprimes :",
        "suffrages exprimes",
        "exprimes :",
        "nombre de suffrages exprimes :",
    ])
});
static CAST: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "nombre de votants :",
        "votants :",
        "nombre de bulletins :",
        "bulletins trouves dans l'urne :",
    ])
});
static BLANK: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "bulletins blancs :",
        "bulletins blancs ou nuls :",
        "bulletins nuls :",
        "blancs :",
        "nuls :",
        "blancs et nuls :",
        "bulletins blancs et nuls :",
    ])
});

/// The item lexicons ([`ItemLexicon`] indexes them).
static ITEM_LEXICONS: [&Lexicon; 10] = [
    &ANNUAL_ACCOUNTS,
    &NOT_ACCOUNTS,
    &NOMINATION,
    &SHOW_OF_HANDS,
    &SECRET,
    &SECRET_WAIVED,
    &BUDGET,
    &WITHDRAWAL,
    &ELECTED,
    &ROLE_IN_BENEFICIARY,
];

/// An item lexicon, by its place in [`ITEM_LEXICONS`] and in [`ItemHits`]' tables.
#[derive(Clone, Copy)]
enum ItemLexicon {
    Accounts,
    NotAccounts,
    Nomination,
    ShowOfHands,
    Secret,
    SecretWaived,
    Budget,
    Withdrawal,
    Elected,
    Role,
}

/// From the item of this rank on, the item lexicons are searched once over the whole
/// séance and each item takes the first hit within its range; before, each item is
/// searched (a search stops at its first hit, a séance-wide pass finds them all).
const SEANCE_WIDE_FROM_ITEM: usize = 3;

/// (start, end, pattern index)
type Hit = (usize, usize, usize);

/// Where the item lexicons are looked up: each item's range, or, once enough items were
/// read, hits found once over the séance.
pub struct ItemHits {
    range: (usize, usize),
    items: std::cell::Cell<usize>,
    seance: std::cell::OnceCell<Vec<Vec<Hit>>>,
}

impl ItemHits {
    /// For the séance's range `from..to`.
    pub fn new(from: usize, to: usize) -> ItemHits {
        ItemHits {
            range: (from, to),
            items: std::cell::Cell::new(0),
            seance: std::cell::OnceCell::new(),
        }
    }

    /// One more item read, in `a..b`: from the third on, the séance-wide hits (an item
    /// outside the séance's range is searched on its own).
    fn next_item(&self, t: &Text, a: usize, b: usize) -> Option<&Vec<Vec<Hit>>> {
        self.items.set(self.items.get() + 1);
        let within = self.range.0 <= a && b <= self.range.1;
        (within && self.items.get() >= SEANCE_WIDE_FROM_ITEM).then(|| {
            self.seance.get_or_init(|| {
                let (from, to) = self.range;
                ITEM_LEXICONS
                    .iter()
                    .map(|lex| lex.get().hits(t, from, to))
                    .collect()
            })
        })
    }
}

/// The first hit of lexicon `k` starting within `a..b`: from the séance's hits, or searched.
fn first(
    t: &Text,
    seance: Option<&Vec<Vec<Hit>>>,
    lex: ItemLexicon,
    a: usize,
    b: usize,
) -> Option<Hit> {
    let k = lex as usize;
    match seance {
        Some(all) => {
            let hits = &all[k];
            let i = hits.partition_point(|h| h.0 < a);
            hits.get(i).filter(|h| h.0 < b).copied()
        }
        None => ITEM_LEXICONS[k].get().find(t, a, b),
    }
}

/// The mentions of one item (normalised range `a..b`, within the séance of `hits`).
pub fn item(t: &Text, hits: &ItemHits, a: usize, b: usize) -> ItemMentions {
    let span = |h: Option<Hit>| h.map(|(x, y, _)| t.span(x, y));
    let head = b.min(a + HEADING_REACH);
    let seance = hits.next_item(t, a, b);
    let first = |lex: ItemLexicon, a: usize, b: usize| first(t, seance, lex, a, b);
    use ItemLexicon::*;
    let accounts = first(Accounts, a, head).filter(|_| first(NotAccounts, a, head).is_none());
    ItemMentions {
        nomination: span(first(Nomination, a, head)),
        show_of_hands: span(first(ShowOfHands, a, b)),
        secret_ballot: span(first(Secret, a, b)),
        secret_waived: span(first(SecretWaived, a, b)),
        annual_accounts: span(accounts),
        budget: span(first(Budget, a, head)),
        withdrawal: span(first(Withdrawal, a, b)),
        election: election(t, first(Elected, a, b), a),
        interested: interested(t, first(Role, a, b), a),
        budget_year: budget_year(t, a, b),
    }
}

/// Words that may stand between "budget" and its year.
const BUDGET_WORDS: &[&str] = &[
    "primitif",
    "principal",
    "annexe",
    "supplementaire",
    "communal",
    "general",
    "de",
    "l'exercice",
    "l'annee",
    "exercice",
];

/// "sur le budget 2024", "au budget primitif de l'exercice 2024": the one year an item
/// imputes its spending to.
fn budget_year(t: &Text, a: usize, b: usize) -> Option<(i32, Span)> {
    let s = t.lower.as_bytes();
    let mut found: Option<(i32, Span)> = None;
    for (_, e) in find_all_in(t, a, b, "budget") {
        let mut p = skip_ws(s, e);
        for _ in 0..4 {
            let w_end = (p..s.len().min(p + 16))
                .find(|&q| !is_word_byte(s[q]) && s[q] != b'\'')
                .unwrap_or(p);
            if w_end > p && BUDGET_WORDS.contains(&t.low(p, w_end)) {
                p = skip_ws(s, w_end);
            } else {
                break;
            }
        }
        let Some((y, q)) = read_int(s, p) else {
            continue;
        };
        if q - p != 4 || !(2000..=2099).contains(&y) {
            continue;
        }
        let y = y as i32;
        match found {
            Some((f, _)) if f != y => return None,
            Some(_) => {}
            None => found = Some((y, t.span(p, q))),
        }
    }
    found
}

static ROLE_IN_BENEFICIARY: Lexicon = Lexicon::new(|| {
    Patterns::new(&[
        "president de l'association",
        "presidente de l'association",
        "tresorier de l'association",
        "tresoriere de l'association",
        "secretaire de l'association",
        "president du club",
        "presidente du club",
        "membre du bureau de l'association",
        "membre du conseil d'administration de l'association",
        "administrateur de l'association",
        "administratrice de l'association",
        "dirigeant de l'association",
        "dirigeante de l'association",
        "gerant de la societe",
        "gerante de la societe",
        "president de la societe",
        "presidente de la societe",
    ])
});
/// At most this many words make the name written before a role.
const NAME_WORDS: usize = 4;

/// "Mme Anne MARTIN, présidente de l'association": the name written right before a role in
/// the beneficiary.
fn interested(t: &Text, role: Option<Hit>, a: usize) -> Option<(crate::model::NameKey, Span)> {
    let (ra, rb, _) = role?;
    let s = t.lower.as_bytes();
    let n = t.norm.as_bytes();
    let mut end = ra;
    while end > a && matches!(s[end - 1], b' ' | b',') {
        end -= 1;
    }
    // capitalised words back from there
    let mut start = end;
    let mut words = 0;
    while words < NAME_WORDS && start > a {
        let mut w = start;
        while w > a && !is_ws(s[w - 1]) && s[w - 1] != b',' && s[w - 1] != b'(' {
            w -= 1;
        }
        if w == start || !n[w].is_ascii_uppercase() {
            break;
        }
        start = w;
        words += 1;
        // on over spaces to the word before, if any
        let mut p = start;
        while p > a && s[p - 1] == b' ' {
            p -= 1;
        }
        if p == start || p == a || s[p - 1] == b',' || s[p - 1] == b'(' {
            break;
        }
        start = p;
    }
    while start < end && s[start] == b' ' {
        start += 1;
    }
    if words < 2 {
        return None;
    }
    let key = super::attendance::name_key(t, start, end);
    (!key.is_empty()).then(|| (key, t.span(start, rb)))
}

/// A count written right after a label: "Suffrages exprimés : 25".
fn count_after(t: &Text, lex: &Lexicon, from: usize, to: usize) -> Option<(u32, Span)> {
    let s = t.lower.as_bytes();
    let (_, e, _) = lex.get().find(t, from, to)?;
    let p = skip_seps(s, e, b" :=\t");
    let (v, q) = read_int(s, p)?;
    Some((v, t.span(p, q)))
}

/// "M. X : 11 voix … M. X est élu au premier tour": the round, the candidates' votes and
/// the suffrages exprimés (stated, or votants minus blank and spoilt ballots).
fn election(t: &Text, elected: Option<Hit>, a: usize) -> Option<Election> {
    let s = t.lower.as_bytes();
    let (ea, eb, _) = elected?;
    let words = t.low(ea, eb);
    let round = if words.contains("premier") || words.contains("1er") {
        1
    } else {
        2
    };
    let from = ea.saturating_sub(ELECTION_REACH).max(a);
    let mut candidates = Vec::new();
    for (x, y) in find_all_in(t, from, ea, "voix") {
        // "11 voix", not "25 voix pour"
        let after = skip_ws(s, y);
        if any_at(s, after, &["pour", "contre", "d'abstention", "favorables"]).is_some() {
            continue;
        }
        let before = skip_ws_back(s, x);
        let mut d = before;
        while d > from && s[d - 1].is_ascii_digit() {
            d -= 1;
        }
        if d == before {
            continue;
        }
        if let Some((v, q)) = read_int(s, d) {
            candidates.push((v, t.span(d, q.max(y))));
        }
    }
    if candidates.is_empty() {
        return None;
    }
    let expressed = count_after(t, &EXPRESSED, from, ea).or_else(|| {
        let (cast, span) = count_after(t, &CAST, from, ea)?;
        let mut blank = 0;
        let mut p = from;
        while let Some((_, e, _)) = BLANK.get().find(t, p, ea) {
            let q = skip_seps(s, e, b" :=\t");
            blank += read_int(s, q).map_or(0, |(v, _)| v);
            p = e;
        }
        Some((cast.checked_sub(blank)?, span))
    });
    Some(Election {
        round,
        elected: t.span(ea, eb),
        expressed,
        candidates,
    })
}
