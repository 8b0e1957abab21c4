//! Attendance rules (ATT-*): counts against names, P + R + A = E, one status per member.

use super::*;
use crate::model::{BodyKind, ItemScope, ListKind, Member, NameMatch, RelatedIndex, Status};
use crate::tally::{Count, Field};

/// A movement is written among the séance's words, or the séance's lists carry one: the
/// counts of an item may differ from the opening's.
fn movement_basis(s: &Seance) -> Basis {
    if s.has_movements() {
        Basis::probable("des arrivées ou départs en cours de séance peuvent expliquer l'écart")
    } else {
        Basis::CERTAIN
    }
}

pub static PRESENT_COUNT: RuleMeta = RuleMeta {
    code: "ATT-PRESENT-COUNT",
    title: "Nombre de présents déclaré et noms listés",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-15 et R2121-9",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compare chaque effectif déclaré (« Présents : 34 », « Excusés : 3 », « Absents : 2 ») au nombre de noms de la liste correspondante.",
        why: "Le procès-verbal doit nommer les membres présents ou représentés ; un effectif qui ne correspond pas à la liste rend le quorum et les votes invérifiables.",
        legal: "CGCT art. L2121-15 (le procès-verbal mentionne les noms des membres présents ou représentés) ; art. R2121-9 (liste des membres présents).",
        example: "`Nombre de présents : 35` alors que la liste « Membres présents » compte 34 noms.",
        false_positives: "Le président, nommé dans « sous la présidence de … » et absent de la liste, est compté une fois. Les arrivées et départs en cours de séance (« à partir de 20h58 ») sont admis. Les listes illisibles (colonnes mélangées par l'extraction PDF) ne sont pas comparées.",
    },
};

pub struct PresentCount;
impl Rule for PresentCount {
    fn meta(&self) -> &'static RuleMeta {
        &PRESENT_COUNT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(l) = &cx.att.listed else { return };
        if let Some(d) = cx.att.declared(|d| &d.present) {
            let (lo, hi) = (l.present.0, l.present.1 + l.uncertain);
            if !(lo..=hi).contains(&d.lo) {
                let mut spans = d.spans.clone();
                spans.extend(s.list_spans(ListKind::Present));
                let extra = if l.present.1 > l.present.0 {
                    format!(" (ou {} en comptant le président de séance)", l.present.1)
                } else {
                    String::new()
                };
                let listed = cx.att.list_basis(Field::Present, "liste des présents");
                out.push(finding(
                    &PRESENT_COUNT,
                    Severity::Error,
                    format!(
                        "Le nombre de présents déclaré ({}) ne correspond pas aux {} noms de la liste des présents{}.",
                        d.lo, l.present.0, extra
                    ),
                    spans,
                    &[&d.basis, &listed],
                ));
            }
        }
        // Excusés and absents: the count may or may not include those who gave a proxy.
        for (decl, kind, label) in [
            (&s.declared.excused, ListKind::Excused, "excusés"),
            (&s.declared.absent, ListKind::Absent, "absents"),
        ] {
            let Some(d) = decl else { continue };
            if !s.has_list(kind) {
                continue;
            }
            let entries = s.list_entries(kind) as u32;
            let ex = s.count_status(Status::Excused) as u32;
            let ab = s.count_status(Status::Absent) as u32;
            let re = s.count_status(Status::Represented) as u32;
            let own = if kind == ListKind::Excused { ex } else { ab };
            let moving = s
                .members
                .iter()
                .filter(|m| m.status != Status::Present && m.movement.is_some())
                .count() as u32;
            let base = [entries, own, own + re, ex + ab, ex + ab + re];
            let ok = base
                .iter()
                .any(|&c| c == d.value || (d.value < c && d.value + moving >= c));
            if !ok {
                let mut spans = vec![d.span];
                spans.extend(s.list_spans(kind));
                let listed = cx
                    .att
                    .list_basis(Field::Away, "liste des absents ou excusés");
                out.push(finding(
                    &PRESENT_COUNT,
                    Severity::Error,
                    format!(
                        "Le nombre d'{} déclaré ({}) ne correspond pas aux {} noms de la liste des {}.",
                        label, d.value, entries, label
                    ),
                    spans,
                    &[&d.basis(), &listed],
                ));
            }
        }
    }
}

pub static BALANCE: RuleMeta = RuleMeta {
    code: "ATT-BALANCE",
    title: "Présents + représentés + absents = membres en exercice",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17 et L2121-15",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Vérifie que présents + représentés + absents (excusés ou non) = membres en exercice. Erreur si la somme dépasse l'effectif en exercice ; avertissement si elle est inférieure.",
        why: "Chaque membre en exercice a exactement un statut. Une somme trop grande signifie qu'un membre est compté deux fois ou que l'effectif en exercice est faux.",
        legal: "CGCT art. L2121-17 (membres en exercice) ; art. L2121-15 (contenu du procès-verbal).",
        example: "`Conseillers en exercice : 23 — Présents : 17 — Représentés : 3 — Absents : 4` (17 + 3 + 4 = 24 > 23).",
        false_positives: "Un membre excusé qui a donné pouvoir apparaît souvent à la fois parmi les excusés et les représentés : les deux lectures sont essayées. Certains modèles omettent les absents non excusés : un manque n'est qu'un avertissement.",
    },
};

pub struct Balance;
impl Rule for Balance {
    fn meta(&self) -> &'static RuleMeta {
        &BALANCE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(e) = cx.att.in_office() else { return };
        let Some(p) = cx.att.present() else { return };
        // Unknown procurations are at least none: an excess stays provable, a shortfall not.
        let r_known = cx.att.represented();
        let r = r_known.clone().unwrap_or(Count {
            lo: 0,
            hi: 0,
            spans: Vec::new(),
            declared: false,
            basis: Basis::CERTAIN,
        });
        let decl_ax: Option<Count> = match (
            cx.att.declared(|d| &d.absent),
            cx.att.declared(|d| &d.excused),
        ) {
            (None, None) => None,
            (a, x) => {
                let v = a.as_ref().map_or(0, |c| c.lo) + x.as_ref().map_or(0, |c| c.lo);
                let basis = a
                    .iter()
                    .chain(x.iter())
                    .fold(Basis::CERTAIN, |b, c| b.and(&c.basis));
                let spans = a
                    .iter()
                    .chain(x.iter())
                    .flat_map(|c| c.spans.clone())
                    .collect();
                Some(Count {
                    lo: v,
                    hi: v,
                    spans,
                    declared: true,
                    basis,
                })
            }
        };
        let names_ax: Option<Count> = cx.att.listed.as_ref().map(|l| Count {
            lo: l.away,
            hi: l.away + l.uncertain,
            spans: Vec::new(),
            declared: false,
            basis: cx
                .att
                .list_basis(Field::InOffice, "absents comptés dans les listes"),
        });
        // Candidate totals as (lo, hi, absents, basis of the absents)
        let mut cands: Vec<(u32, u32, u32, Basis)> = Vec::new();
        if let Some(ax) = &names_ax {
            cands.push((
                p.lo + r.lo + ax.lo,
                p.hi + r.hi + ax.hi,
                ax.lo,
                ax.basis.clone(),
            ));
        }
        if let Some(ax) = &decl_ax {
            // The declared absents may include the represented ("Excusés : 3" for two
            // excused and one who gave a proxy): when the lists show it, only that reading holds.
            let includes_represented = names_ax.as_ref().is_some_and(|n| {
                n.lo == n.hi && r_known.is_some() && ax.lo == n.lo + r.lo && r.lo > 0
            });
            if !includes_represented {
                cands.push((
                    p.lo + r.lo + ax.lo,
                    p.hi + r.hi + ax.lo,
                    ax.lo,
                    ax.basis.clone(),
                ));
            }
            let overlap_ax = ax.lo.saturating_sub(r.lo);
            cands.push((
                p.lo + r.lo + overlap_ax,
                p.hi + r.hi.max(ax.lo),
                overlap_ax,
                ax.basis.clone(),
            ));
        }
        let have_absents = !cands.is_empty();
        if cands.is_empty() {
            cands.push((p.lo + r.lo, p.hi + r.hi, 0, Basis::CERTAIN));
        }
        let ev = e.lo;
        if cands.iter().any(|(lo, hi, _, _)| *lo <= ev && ev <= *hi) {
            return;
        }
        let mut spans = e.spans.clone();
        spans.extend(p.spans.iter().copied().take(3));
        if r.declared {
            spans.extend(r.spans.iter().copied());
        }
        if let Some(a) = &decl_ax {
            spans.extend(a.spans.iter().copied());
        }
        let min_lo = cands.iter().map(|c| c.0).min().unwrap_or(0);
        let max_hi = cands.iter().map(|c| c.1).max().unwrap_or(0);
        let (_, _, ax, ax_basis) = cands[0].clone();
        let absents = if have_absents {
            format!(" + {ax} absents ou excusés")
        } else {
            String::new()
        };
        let moved = if cx.index > 0 {
            movement_basis(s)
        } else {
            Basis::CERTAIN
        };
        let bases = [&e.basis, &p.basis, &r.basis, &ax_basis, &moved];
        if min_lo > ev {
            out.push(finding(
                &BALANCE,
                Severity::Error,
                format!(
                    "{} présents{}{} = {} membres, soit plus que les {} membres en exercice déclarés.",
                    p.show(),
                    if r_known.is_some() { format!(" + {} représentés", r.show()) } else { String::new() },
                    absents,
                    min_lo,
                    ev
                ),
                spans,
                &bases,
            ));
        } else if have_absents && max_hi < ev && r_known.is_some() {
            out.push(finding(
                &BALANCE,
                Severity::Warning,
                format!(
                    "Présents ({}), représentés ({}) et absents ou excusés ({}) totalisent {} membres au plus, pour {} membres en exercice : {}.",
                    p.show(),
                    r.show(),
                    ax,
                    max_hi,
                    ev,
                    if ev - max_hi == 1 {
                        "1 membre n'est pas mentionné".to_string()
                    } else {
                        format!("{} membres ne sont pas mentionnés", ev - max_hi)
                    }
                ),
                spans,
                &bases,
            ));
        } else if have_absents && r_known.is_some() {
            // One reading exceeds E, the other falls short: the counts disagree either way,
            // but which one is wrong depends on whether the absents include the represented.
            out.push(finding(
                &BALANCE,
                Severity::Warning,
                format!(
                    "Les effectifs ne font pas les {} membres en exercice : {} présents + {} représentés{} = {} ; et si les absents comprennent les représentés, le total n'est que de {}.",
                    ev,
                    p.show(),
                    r.show(),
                    absents,
                    max_hi,
                    min_lo
                ),
                spans,
                &bases,
            ));
        }
    }
}

pub static STATUS_CONFLICT: RuleMeta = RuleMeta {
    code: "ATT-STATUS-CONFLICT",
    title: "Un membre, un seul statut",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Signale un membre nommé à la fois parmi les présents et parmi les absents, excusés ou représentés, sans arrivée ni départ mentionné entre les deux.",
        why: "Un conseiller présent vote lui-même : il ne peut pas être en même temps absent ou représenté. Le compter deux fois fausse le quorum et le décompte des voix.",
        legal: "CGCT art. L2121-20 : seul le conseiller « empêché d'assister à une séance » peut donner pouvoir.",
        example: "`Présents : … M. Paul LEROY … — Pouvoirs : M. Paul LEROY à Mme BLANC`",
        false_positives: "Homonymes (père et fils) ; arrivées et départs (« à compter du point 3 ») ; un nom incomplet (nom de famille seul) ne donne qu'un avertissement.",
    },
};

pub struct StatusConflict;
impl Rule for StatusConflict {
    fn meta(&self) -> &'static RuleMeta {
        &STATUS_CONFLICT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        // Statuses for the whole séance only: a status limited to some items, or with a
        // movement, is a timeline, not a conflict.
        let whole =
            |m: &&Member| m.scope == crate::model::ItemScope::Seance && m.movement.is_none();
        let presents: Vec<&Member> = s
            .members
            .iter()
            .filter(whole)
            .filter(|m| m.status == Status::Present)
            .collect();
        let index = RelatedIndex::new(presents.iter().map(|p| &p.key).collect());
        for m in s
            .members
            .iter()
            .filter(whole)
            .filter(|m| m.status != Status::Present)
        {
            // one present member only: several (homonyms, a surname alone) tell nothing
            let Some(matches) = index.related(&m.key, 2) else {
                continue;
            };
            let [(k, rel)] = matches[..] else {
                continue;
            };
            let p = presents[k];
            let other = match (&m.status, &m.proxy_holder) {
                (Status::Represented, Some(h)) => {
                    format!("parmi les représentés (procuration à {})", h.name)
                }
                (Status::Represented, None) => "parmi les représentés".to_string(),
                (Status::Excused, _) => "parmi les excusés".to_string(),
                _ => "parmi les absents".to_string(),
            };
            let moved = s.moved(&m.key);
            let mut basis = Basis::CERTAIN;
            if !(p.reliable && m.reliable) {
                basis = Basis::guessed(
                    "listes partiellement illisibles (colonnes mélangées par l'extraction)",
                );
            }
            if moved {
                basis = basis.and(&Basis::probable(
                    "un mouvement est mentionné près de ce nom",
                ));
            }
            if rel != NameMatch::Full {
                basis = basis.and(&Basis::probable(
                    "les deux noms ne sont pas écrits à l'identique",
                ));
            }
            let msg = if rel == NameMatch::Full {
                format!(
                    "{} figure à la fois parmi les présents et {}, sans arrivée ni départ mentionné.",
                    m.name, other
                )
            } else {
                format!(
                    "« {} » (présent) et « {} » ({}) désignent probablement la même personne : elle serait alors comptée deux fois.",
                    p.name,
                    m.name,
                    other.trim_start_matches("parmi les ")
                )
            };
            out.push(finding(
                &STATUS_CONFLICT,
                Severity::Error,
                msg,
                vec![p.span, m.entry_span],
                &[&basis],
            ));
        }
        // A member listed as present who gives a proxy himself.
        for m in s
            .members
            .iter()
            .filter(whole)
            .filter(|m| m.status == Status::Present)
        {
            if let Some(h) = &m.proxy_holder {
                let basis = if m.reliable {
                    Basis::CERTAIN
                } else {
                    Basis::guessed(
                        "liste partiellement illisible (colonnes mélangées par l'extraction)",
                    )
                };
                out.push(finding(
                    &STATUS_CONFLICT,
                    Severity::Error,
                    format!(
                        "{} est listé parmi les présents mais donne procuration à {}, sans départ mentionné.",
                        m.name, h.name
                    ),
                    vec![m.entry_span],
                    &[&basis],
                ));
            }
        }
    }
}

/// CGCT L2121-2: statutory council size by population band (below the first figure, the
/// second; 69 from 300 000).
pub const STATUTORY_SEATS: &[(u32, u32)] = &[
    (100, 7),
    (500, 11),
    (1_500, 15),
    (2_500, 19),
    (3_500, 23),
    (5_000, 27),
    (10_000, 29),
    (20_000, 33),
    (30_000, 35),
    (40_000, 39),
    (50_000, 43),
    (60_000, 45),
    (80_000, 49),
    (100_000, 53),
    (150_000, 55),
    (200_000, 59),
    (250_000, 61),
    (300_000, 65),
];

/// CGCT L2121-2: statutory council size by population.
pub fn statutory_seats(pop: u32) -> u32 {
    STATUTORY_SEATS
        .iter()
        .find(|(lim, _)| pop < *lim)
        .map(|t| t.1)
        .unwrap_or(69)
}

pub static INOFFICE_SEATS: RuleMeta = RuleMeta {
    code: "ATT-INOFFICE-SEATS",
    title: "Membres en exercice et sièges",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-2 et L2121-2-1",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Le nombre de membres en exercice ne peut pas dépasser le nombre de sièges (déclaré, ou donné par le tableau de l'article L2121-2 pour un conseil municipal dont la population est indiquée). Un effectif inférieur est signalé pour information (sièges vacants).",
        why: "Plus de membres en exercice que de sièges est impossible : l'un des deux nombres est faux, et le quorum en dépend.",
        legal: "CGCT art. L2121-2 (effectif du conseil municipal selon la population) ; art. L2121-2-1 (conseil réputé complet).",
        example: "`Commune de Saint-X (2 800 habitants) — Nombre de conseillers en exercice : 27` (23 sièges pour 2 500 à 3 499 habitants).",
        false_positives: "Communes nouvelles en période transitoire (effectif plus large) ; la population à retenir est celle authentifiée au dernier renouvellement.",
    },
};

pub struct InOfficeSeats;
impl Rule for InOfficeSeats {
    fn meta(&self) -> &'static RuleMeta {
        &INOFFICE_SEATS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(e) = &s.declared.in_office else {
            return;
        };
        if let Some(seats) = &s.declared.seats {
            if e.value > seats.value {
                out.push(finding(
                    &INOFFICE_SEATS,
                    Severity::Error,
                    format!("{} membres en exercice déclarés pour {} sièges : il ne peut y avoir plus de membres en exercice que de sièges.", e.value, seats.value),
                    vec![e.span, seats.span],
                    &[&e.basis(), &seats.basis()],
                ));
            }
            return;
        }
        if s.body != BodyKind::ConseilMunicipal {
            return;
        }
        let Some(pop) = cx.opts.population else {
            return;
        };
        let seats = statutory_seats(pop);
        if e.value > seats {
            out.push(finding(
                &INOFFICE_SEATS,
                Severity::Error,
                format!("{} membres en exercice, alors qu'une commune de {} habitants a {} sièges (art. L2121-2).", e.value, pop, seats),
                vec![e.span],
                &[&e.basis()],
            ));
        } else if e.value < seats {
            out.push(finding(
                &INOFFICE_SEATS,
                Severity::Info,
                format!("{} membres en exercice pour {} sièges (commune de {} habitants) : sièges vacants ou conseil réputé complet (art. L2121-2-1).", e.value, seats, pop),
                vec![e.span],
                &[&e.basis()],
            ));
        }
    }
}

pub static VOTANTS: RuleMeta = RuleMeta {
    code: "ATT-VOTANTS",
    title: "Votants = présents + représentés",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Compare le nombre de votants déclaré (« Votants », « ayant pris part au vote ») à présents + procurations, en admettant que les membres ne prenant pas part au vote soient exclus.",
        why: "Chaque présent vote pour lui-même et, s'il détient un pouvoir, une seconde fois pour son mandant. Un écart signifie une erreur de décompte ou un mouvement non mentionné.",
        legal: "CGCT art. L2121-20 al. 1.",
        example: "`Présents : 18 — Pouvoirs : 4 — Votants : 23`",
        false_positives: "Certains modèles appellent « votants » les seuls suffrages exprimés ; un pouvoir dont le porteur est parti n'est plus utilisable. Quand la séance mentionne des mouvements, l'écart n'est qu'un avertissement.",
    },
};

pub struct Votants;
impl Rule for Votants {
    fn meta(&self) -> &'static RuleMeta {
        &VOTANTS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let Some(v) = cx.att.declared(|d| &d.voters) else {
            return;
        };
        let Some(p) = cx.att.present() else { return };
        let Some(r) = cx.att.represented() else {
            return;
        };
        let nppv: u32 = cx
            .item
            .votes
            .iter()
            .find_map(|v| v.not_voting.map(|x| x.0))
            .unwrap_or(0);
        let lo = p.lo + r.lo;
        let hi = p.hi + r.hi;
        // Some templates call "votants" the suffrages exprimés (pour + contre): a vote
        // with abstentions or members not voting shows it, its whole tally making P + R.
        let exprimes = s.items.iter().flat_map(|d| &d.votes).any(|vt| {
            let n = |x: Option<(u32, Span)>| x.map_or(0, |x| x.0);
            let expr = n(vt.pour) + n(vt.contre);
            let others = n(vt.abstention) + n(vt.not_voting);
            vt.pour.is_some() && others > 0 && expr == v.lo && (lo..=hi).contains(&(expr + others))
        });
        if exprimes {
            return;
        }
        if (lo..=hi).contains(&v.lo)
            || (lo.saturating_sub(nppv)..=hi.saturating_sub(nppv)).contains(&v.lo)
        {
            return;
        }
        let mut spans = v.spans.clone();
        spans.extend(p.spans.iter().copied().take(2));
        if r.declared {
            spans.extend(r.spans.iter().copied());
        }
        let moved = movement_basis(s);
        out.push(finding(
            &VOTANTS,
            Severity::Error,
            format!(
                "{} votants déclarés, alors que {} présents + {} représentés = {} votants.",
                v.lo,
                p.show(),
                r.show(),
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo} à {hi}")
                },
            ),
            spans,
            &[&v.basis, &p.basis, &r.basis, &moved],
        ));
    }
}

pub static DUPLICATE: RuleMeta = RuleMeta {
    code: "ATT-DUPLICATE",
    title: "Nom inscrit deux fois dans une liste",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-17 et L2121-20",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Un même nom ne figure qu'une fois dans une liste de présence (présents, représentés, excusés, absents) valable pour toute la séance.",
        why: "Un nom écrit deux fois fait compter une personne deux fois : le nombre de présents, le quorum et les votants calculés sur la liste sont faux, ou la liste omet quelqu'un dont le nom a été remplacé par un doublon.",
        legal: "CGCT art. L2121-17 (quorum : majorité des membres en exercice présents) ; art. L2121-20 (votes et procurations) ; art. L2121-15 (le procès-verbal mentionne les présents).",
        example: "`Présents : Mme Anne MARTIN, M. Paul LEROY, Mme Anne MARTIN.`",
        false_positives: "Deux homonymes au même conseil (le prénom les distingue d'ordinaire : un nom de famille seul n'est qu'un avertissement) ; une liste répétée pour quelques points seulement (portée différente : pas signalée).",
    },
};

pub struct Duplicate;
impl Rule for Duplicate {
    fn meta(&self) -> &'static RuleMeta {
        &DUPLICATE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        for list in &s.lists {
            // the list's entries valid for the whole séance, by name
            let mut entries: Vec<&Member> = s
                .members
                .iter()
                .filter(|m| {
                    m.scope == crate::model::ItemScope::Seance
                        && m.movement.is_none()
                        && !m.key.is_empty()
                        && list.span.start <= m.entry_span.start
                        && m.entry_span.end <= list.span.end
                })
                .collect();
            crate::sort::order_by(&mut entries, |m| (m.entry_span.start, 0));
            let mut seen: Vec<&Member> = Vec::new();
            for m in entries {
                let Some(first) = seen.iter().find(|x| x.key == m.key) else {
                    seen.push(m);
                    continue;
                };
                let basis = name_basis(list.reliable && first.reliable && m.reliable, &m.key);
                out.push(finding(
                    &DUPLICATE,
                    Severity::Error,
                    format!(
                        "« {} » figure deux fois dans {} ({} noms lus) : la même personne y serait comptée deux fois.",
                        m.name,
                        list.kind.french(),
                        list.entries
                    ),
                    vec![m.span, first.span],
                    &[&basis],
                ));
            }
        }
    }
}

pub static MOVEMENTS: RuleMeta = RuleMeta {
    code: "ATT-MOVEMENTS",
    title: "Effectifs qui changent d'un point à l'autre",
    category: Category::Attendance,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-15 et L2121-17",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Quand le nombre de présents déclaré change d'une délibération à la suivante dans la même séance, une arrivée, un départ ou un retrait est consigné entre elles. L'inverse (un mouvement consigné qui ne change pas les effectifs) n'est pas encore vérifié.",
        why: "Le quorum s'apprécie point par point : un effectif qui change sans explication rend douteux le quorum et le décompte des voix du point.",
        legal: "CGCT art. L2121-17 (quorum apprécié à l'ouverture de chaque point) ; art. L2121-15 (le procès-verbal mentionne les membres présents ou représentés).",
        example: "`Délibération n° 2024-12 : Présents 18 … Délibération n° 2024-15 : Présents 16` (aucun départ consigné).",
        false_positives: "Un extrait d'une seule délibération ne montre que ses effectifs ; un élu intéressé qui sort pour un seul point (mentionné près de son nom) ; un vote unique sur plusieurs points.",
    },
};

pub struct Movements;
impl Rule for Movements {
    fn meta(&self) -> &'static RuleMeta {
        &MOVEMENTS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        if s.members.iter().any(|m| m.movement.is_some()) {
            // statuses limited to some items explain changing counts
            return;
        }
        let mut prev: Option<(&crate::model::Item, &crate::model::DeclaredCount)> = None;
        for item in &s.items {
            let Some(p) = &item.declared.present else {
                continue;
            };
            if let Some((pi, pp)) = prev {
                let explained = s
                    .movements
                    .iter()
                    .any(|m| m.pos >= pi.range.0 && m.pos < item.range.1);
                if p.value != pp.value && !explained {
                    let name = |it: &crate::model::Item| {
                        it.number
                            .as_deref()
                            .map(|n| format!("n° {n}"))
                            .unwrap_or_else(|| "précédente".to_string())
                    };
                    out.push(finding(
                        &MOVEMENTS,
                        Severity::Warning,
                        format!(
                            "{} présents pour la délibération {}, {} pour la délibération {} : aucune arrivée ni aucun départ n'est consigné entre les deux.",
                            pp.value,
                            name(pi),
                            p.value,
                            item.number.as_deref().map(|n| format!("n° {n}")).unwrap_or_else(|| "suivante".to_string())
                        ),
                        vec![p.span, pp.span],
                        &[&p.basis(), &pp.basis()],
                    ));
                }
            }
            prev = Some((item, p));
        }
    }
}

pub static SUPPLEANT: RuleMeta = RuleMeta {
    code: "ATT-SUPPLEANT",
    title: "Suppléant et titulaire",
    category: Category::Attendance,
    severity: Severity::Error,
    legal_basis: "CGCT art. L5211-6",
    scope: Scope::Seance,
    doc: RuleDoc {
        what: "Un conseiller communautaire suppléant (« M. ROUX, suppléant de M. BLANC ») siège à la place de son titulaire absent : le titulaire ne peut pas être en même temps présent ou représenté par un pouvoir. Dans une métropole ou une communauté urbaine, il n'y a pas de suppléant.",
        why: "Le titulaire et son suppléant compteraient deux fois pour le quorum ou les votes ; un suppléant sans base légale vote sans en avoir le droit.",
        legal: "CGCT art. L5211-6 : le suppléant participe avec voix délibérative en cas d'absence du titulaire, dès lors que celui-ci en a avisé le président ; le titulaire peut aussi donner pouvoir à un autre conseiller. L'absence de suppléants dans les métropoles et communautés urbaines est à confirmer selon la composition du conseil.",
        example: "`M. ROUX (suppléant de M. BLANC) — Pouvoirs : M. BLANC à Mme PETIT`",
        false_positives: "Un syndicat dont les statuts prévoient des délégués suppléants : ses statuts s'appliquent. Un nom sans prénom peut désigner deux personnes (le constat n'est alors qu'un avertissement).",
    },
};

pub struct Suppleant;
impl Rule for Suppleant {
    fn meta(&self) -> &'static RuleMeta {
        &SUPPLEANT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        if s.members.iter().all(|m| m.substitute_for.is_none()) {
            return;
        }
        let index = crate::model::KeyIndex::of_members(&s.members);
        let mut told_body = false;
        for m in &s.members {
            let Some(t) = &m.substitute_for else { continue };
            if matches!(s.body, BodyKind::ConseilMetropolitain | BodyKind::Bureau) && !told_body {
                told_body = true;
                out.push(finding(
                    &SUPPLEANT,
                    Severity::Warning,
                    format!(
                        "{} siège comme suppléant de {} : un {} n'a en principe pas de conseillers suppléants (point à confirmer selon la composition de l'assemblée).",
                        m.name,
                        t.name,
                        s.body.label().to_ascii_lowercase()
                    ),
                    vec![t.span, m.span],
                    &[],
                ));
            }
            let Some(tit) = index.unique(&s.members, &t.key) else {
                continue;
            };
            if !matches!(tit.status, Status::Present | Status::Represented)
                || tit.scope != ItemScope::Seance
                || tit.movement.is_some()
            {
                continue;
            }
            let how = if tit.status == Status::Present {
                "figure aussi parmi les présents"
            } else {
                "est aussi représenté par un pouvoir"
            };
            let basis = name_basis(tit.reliable && m.reliable, &t.key);
            out.push(finding(
                &SUPPLEANT,
                Severity::Error,
                format!(
                    "{} siège comme suppléant de {}, mais {} {} : le suppléant ne siège qu'en l'absence du titulaire, qui compterait deux fois.",
                    m.name, t.name, tit.name, how
                ),
                vec![t.span, tit.span, m.span],
                &[&basis],
            ));
        }
    }
}
