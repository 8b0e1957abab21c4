//! The rules, one file per family, and the registry that lists them all.
//!
//! Each rule is a unit struct with a [`RuleMeta`]: a stable code, a category,
//! a default severity, and its documentation in fixed French sections
//! (Ce que vérifie la règle / Pourquoi / Base légale / Exemple / Faux positifs
//! connus). The page's rule reference and `conforme rule CODE` render it from
//! here; it is never written twice.

pub mod amount;
pub mod attendance;
pub mod convocation;
pub mod date;
pub mod proxy;
pub mod quorum;
pub mod seance;
pub mod subsidy;
pub mod transmission;
pub mod vote;

use crate::model::{Basis, Certainty, DocInfo, DocKind, Item, Seance};
use crate::tally::Attendance;
use crate::text::Span;
use crate::Options;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "erreur",
            Severity::Warning => "avertissement",
            Severity::Info => "information",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Attendance,
    Quorum,
    Proxy,
    Vote,
    Amount,
    Date,
    Convocation,
    Publication,
    Other,
}

impl Category {
    pub fn code(self) -> &'static str {
        match self {
            Category::Attendance => "attendance",
            Category::Quorum => "quorum",
            Category::Proxy => "proxy",
            Category::Vote => "vote",
            Category::Amount => "amount",
            Category::Date => "date",
            Category::Convocation => "convocation",
            Category::Publication => "publication",
            Category::Other => "other",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Category::Attendance => "présence",
            Category::Quorum => "quorum",
            Category::Proxy => "procurations",
            Category::Vote => "votes",
            Category::Amount => "montants",
            Category::Date => "dates",
            Category::Convocation => "convocation",
            Category::Publication => "publication",
            Category::Other => "autre",
        }
    }
}

/// Where a rule looks: the séance's header and lists (checked once, with the first item),
/// or each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Seance,
    Deliberation,
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    /// Short French title.
    pub title: &'static str,
    pub category: Category,
    /// The severity when the numbers provably disagree; some findings of a rule are
    /// weaker (a warning when a fact is missing), never stronger.
    pub severity: Severity,
    pub legal_basis: &'static str,
    pub scope: Scope,
    /// French documentation in fixed sections (Markdown).
    pub doc: RuleDoc,
}

#[derive(Debug)]
pub struct RuleDoc {
    pub what: &'static str,
    pub why: &'static str,
    pub legal: &'static str,
    pub example: &'static str,
    pub false_positives: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown, in its fixed sections.
    pub fn markdown(&self) -> String {
        format!(
            "# {} — {}\n\nCatégorie : {} · Gravité par défaut : {}\n\n## Ce que vérifie la règle\n{}\n\n## Pourquoi\n{}\n\n## Base légale\n{}\n\n## Exemple\n{}\n\n## Faux positifs connus\n{}\n",
            self.code,
            self.title,
            self.category.label(),
            self.severity.label(),
            self.doc.what,
            self.doc.why,
            self.doc.legal,
            self.doc.example,
            self.doc.false_positives
        )
    }
}

/// A finding produced by a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub legal_basis: &'static str,
    pub spans: Vec<Span>,
    /// How sure the weakest reading the finding rests on is (field added to the contract).
    pub certainty: Certainty,
    /// The commune's population would settle it: the page offers the option (not in the
    /// report).
    #[serde(skip)]
    pub asks_population: bool,
}

impl Finding {
    /// Marks the finding as one that the commune's population would settle.
    pub fn asking_population(mut self) -> Finding {
        self.asks_population = true;
        self
    }
}

/// Whether a commune has 3 500 inhabitants or more: from the option, else inferred from the
/// council's size (art. L2121-2: 27 seats and more from 3 500 inhabitants, 23 and fewer
/// below), with the phrase that says so and how sure the inference is.
pub fn big_commune(cx: &Ctx) -> Option<(bool, String, Basis)> {
    if let Some(p) = cx.opts.population {
        return Some((p >= 3_500, String::new(), Basis::CERTAIN));
    }
    use crate::model::BodyKind as B;
    if !matches!(cx.seance.body, B::ConseilMunicipal | B::Unknown) {
        return None;
    }
    let d = &cx.seance.declared;
    let inferred = Basis::probable(
        "population déduite de l'effectif du conseil (une commune nouvelle peut garder un conseil plus large jusqu'au renouvellement)",
    );
    let say = |big: bool, n: u32, what: &str| {
        format!(
            " ; population {} 3 500 habitants déduite des {n} {what} (art. L2121-2)",
            if big { "d'au moins" } else { "de moins de" }
        )
    };
    // the council sizes of L2121-2 on either side of 3 500 inhabitants
    let large = attendance::statutory_seats(3_500);
    let small = attendance::statutory_seats(3_499);
    if let Some(n) = d.seats.as_ref().map(|c| c.value) {
        if n >= large {
            return Some((true, say(true, n, "sièges du conseil"), inferred));
        }
        if n <= small
            && (0..3_500)
                .step_by(100)
                .any(|p| attendance::statutory_seats(p) == n)
        {
            return Some((false, say(false, n, "sièges du conseil"), inferred));
        }
    }
    // vacancies leave fewer members in office than seats: only a large council tells
    match d.in_office.as_ref().map(|c| c.value) {
        Some(n) if n > small => Some((true, say(true, n, "membres en exercice"), inferred)),
        _ => None,
    }
}

/// What a rule sees: the model only, never the text.
pub struct Ctx<'a> {
    pub seance: &'a Seance,
    pub item: &'a Item,
    /// The item's index in its séance.
    pub index: usize,
    /// The item's counts, declared or listed, with their certainty.
    pub att: &'a Attendance<'a>,
    /// The first item's counts: the séance's as they open.
    pub opening: &'a Attendance<'a>,
    pub doc: &'a DocInfo,
    pub opts: &'a Options,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>);
}

/// The one severity policy: a finding is at most as severe as the readings it rests on
/// allow — an error only when every reading is certain, at most a warning when one is
/// probable, at most an information when one is guessed — and a downgraded finding says
/// what could not be confirmed.
pub fn finding(
    meta: &'static RuleMeta,
    severity: Severity,
    message: String,
    mut spans: Vec<Span>,
    bases: &[&Basis],
) -> Finding {
    // The first span is the primary one (the CLI's caret, the page's first mark).
    let mut seen: Vec<Span> = Vec::with_capacity(spans.len());
    spans.retain(|sp| {
        let new = !seen.contains(sp);
        seen.push(*sp);
        new
    });
    let certainty = bases
        .iter()
        .map(|b| b.certainty)
        .min()
        .unwrap_or(Certainty::Certain);
    let cap = match certainty {
        Certainty::Certain => Severity::Error,
        Certainty::Probable => Severity::Warning,
        Certainty::Guessed => Severity::Info,
    };
    let final_severity = severity.max(cap);
    let mut message = message;
    if final_severity != severity {
        let mut doubts: Vec<&str> = Vec::new();
        for b in bases.iter().filter(|b| b.certainty < Certainty::Certain) {
            if let Some(d) = b.doubt.as_deref() {
                if !doubts.contains(&d) {
                    doubts.push(d);
                }
            }
        }
        if !doubts.is_empty() {
            let m = message.trim_end_matches('.');
            message = format!("{m} — à confirmer : {}.", doubts.join(" ; "));
        }
    }
    Finding {
        rule: meta.code,
        category: meta.category,
        severity: final_severity,
        message,
        legal_basis: meta.legal_basis,
        spans,
        certainty,
        asks_population: false,
    }
}

/// How sure a finding about a listed name can be: a list read as names only, and a name
/// with its first name (a surname alone may be two people).
pub fn name_basis(reliable: bool, key: &crate::model::NameKey) -> Basis {
    let basis = if reliable {
        Basis::CERTAIN
    } else {
        Basis::guessed("liste partiellement illisible (colonnes mélangées par l'extraction)")
    };
    if key.tokens().count() < 2 {
        basis.and(&Basis::probable(
            "un nom sans prénom peut désigner deux personnes",
        ))
    } else {
        basis
    }
}

/// Every rule, in the order of the catalogue.
pub static REGISTRY: &[&dyn Rule] = &[
    &attendance::PresentCount,
    &attendance::Balance,
    &attendance::StatusConflict,
    &attendance::InOfficeSeats,
    &attendance::Votants,
    &attendance::Duplicate,
    &attendance::Movements,
    &attendance::Suppleant,
    &quorum::Majority,
    &quorum::CpRepresented,
    &quorum::PerDelib,
    &quorum::SecondConvocation,
    &quorum::Declared,
    &quorum::CovidRegimeRule,
    &quorum::Remote,
    &proxy::OnePerHolder,
    &proxy::HolderPresent,
    &proxy::CountMatch,
    &proxy::HolderEligible,
    &proxy::Validity,
    &vote::Sum,
    &vote::Outcome,
    &vote::Unanimity,
    &vote::DontProcurations,
    &vote::NamedAbsent,
    &vote::NppvArith,
    &vote::Mode,
    &vote::ElectionRounds,
    &vote::CaMayor,
    &vote::Interested,
    &convocation::Delay,
    &convocation::Urgence,
    &amount::Sum,
    &amount::WordsDigits,
    &amount::HtTtc,
    &amount::Consistency,
    &amount::Percent,
    &amount::Parse,
    &amount::Rounded,
    &subsidy::Convention23k,
    &subsidy::BeneficiaryId,
    &subsidy::Authority,
    &date::ValidWeekday,
    &date::WordsDigits,
    &date::NumberYear,
    &date::SessionConsistency,
    &seance::Secretary,
    &seance::President,
    &transmission::IdFormat,
    &transmission::IdConsistency,
    &transmission::PubDateOrder,
    &transmission::PubMode,
    &transmission::ListPv,
];

pub fn rule_by_code(code: &str) -> Option<&'static dyn Rule> {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code))
}

/// Categories that only make sense for a deliberation (not for an annex or an agenda).
fn deliberative(c: Category) -> bool {
    matches!(
        c,
        Category::Attendance
            | Category::Quorum
            | Category::Proxy
            | Category::Vote
            | Category::Convocation
    )
}

/// Runs every rule on a séance, given each item's counts; findings are returned per item.
pub fn run<'a>(
    seance: &'a Seance,
    atts: &[Attendance<'a>],
    doc: &DocInfo,
    opts: &Options,
) -> Vec<Vec<Finding>> {
    let mut per: Vec<Vec<Finding>> = seance.items.iter().map(|_| Vec::new()).collect();
    // The rules of the items after the first, chosen while the first runs (the first runs
    // the séance's rules too): a check does not read every rule's record for every item.
    let mut others: Vec<&dyn Rule> = Vec::with_capacity(REGISTRY.len());
    for (k, item) in seance.items.iter().enumerate() {
        let cx = Ctx {
            seance,
            item,
            index: k,
            att: &atts[k],
            opening: &atts[0],
            doc,
            opts,
        };
        if k == 0 {
            for &r in REGISTRY {
                let m = r.meta();
                // on a text that is not a deliberation, no rule reads attendance, votes or
                // convocation
                if doc.kind == DocKind::NotDeliberation && deliberative(m.category) {
                    continue;
                }
                r.check(&cx, &mut per[k]);
                if m.scope != Scope::Seance {
                    others.push(r);
                }
            }
        } else {
            for r in &others {
                r.check(&cx, &mut per[k]);
            }
        }
        per[k].retain(|f| opts.show_info || f.severity != Severity::Info);
        order_by_position(&mut per[k], |f| f);
    }
    per
}

/// Orders findings by position, then severity, keeping rule order on ties.
pub fn order_by_position<T>(v: &mut Vec<T>, finding: impl Fn(&T) -> &Finding) {
    crate::sort::order_by(v, |x| {
        let f = finding(x);
        (f.spans.first().map_or(0, |s| s.start), f.severity as usize)
    });
}

/// "0 erreur", "1 erreur", "2 avertissements" (French: zero and one are singular).
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", n, if n <= 1 { one } else { many })
}
