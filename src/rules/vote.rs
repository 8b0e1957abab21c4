//! Vote rules (VOTE-*).

use super::*;
use crate::model::{Status, Vote, VoteSide};

/// Movements in the séance make the counts of a vote's moment uncertain.
fn movement_basis(s: &Seance) -> Basis {
    if s.has_movements() {
        Basis::probable(
            "des arrivées ou départs en cours de séance peuvent changer le nombre de votants",
        )
    } else {
        Basis::CERTAIN
    }
}

fn v(x: &Option<(u32, Span)>) -> u32 {
    x.map(|(n, _)| n).unwrap_or(0)
}

fn tally_spans(vote: &Vote) -> Vec<Span> {
    [vote.pour, vote.contre, vote.abstention, vote.not_voting]
        .iter()
        .flatten()
        .map(|x| x.1)
        .collect()
}

pub static SUM: RuleMeta = RuleMeta {
    code: "VOTE-SUM",
    title: "Voix exprimées et votants",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Pour chaque vote : pour + contre + abstentions (+ ne prenant pas part au vote) ne peut pas dépasser les votants (présents + procurations), et doit égaler le nombre de votants déclaré (avec ou sans les membres ne prenant pas part au vote).",
        why: "Un total de voix supérieur au nombre de votants est impossible : une voix a été comptée deux fois ou un chiffre est faux.",
        legal: "CGCT art. L2121-20 et L2121-21 ; le procès-verbal rapporte le résultat des scrutins (L2121-15).",
        example: "`Votants : 27 — Pour : 20 — Contre : 3 — Abstentions : 3` (26 ≠ 27, aucun membre ne prenant pas part au vote).",
        false_positives: "Les membres ne prenant pas part au vote peuvent être comptés dans les votants ou non : les deux conventions sont admises. Les arrivées en cours de séance augmentent le nombre de votants : l'écart n'est alors qu'un avertissement.",
    },
};

pub struct Sum;
impl Rule for Sum {
    fn meta(&self) -> &'static RuleMeta {
        &SUM
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        let p = cx.att.present();
        let r = cx.att.represented();
        let dv = cx.att.declared(|d| &d.voters);
        let moved = movement_basis(s);
        for vote in cx.item.votes.iter().filter(|x| x.numeric()) {
            let (po, co, ab, np) = (
                v(&vote.pour),
                v(&vote.contre),
                v(&vote.abstention),
                v(&vote.not_voting),
            );
            let sum = po + co + ab;
            let detail = format!(
                "{} pour + {} contre + {} abstention{}{}",
                po,
                co,
                ab,
                if ab > 1 { "s" } else { "" },
                if vote.not_voting.is_some() {
                    format!(" + {} ne prenant pas part au vote", np)
                } else {
                    String::new()
                }
            );
            let total = sum + np;
            let mut spans = tally_spans(vote);
            if let Some(dv) = &dv {
                let n = dv.lo;
                let ok = sum == n || total == n || (np > 0 && sum + np >= n && sum <= n);
                if !ok {
                    spans.extend(dv.spans.iter().copied());
                    let verb = if total > n {
                        "dépassent les"
                    } else {
                        "ne correspondent pas aux"
                    };
                    out.push(finding(
                        &SUM,
                        Severity::Error,
                        format!(
                            "Les voix ({} = {}) {} {} votants déclarés.",
                            detail, total, verb, n
                        ),
                        spans,
                        &[&vote.basis, &dv.basis, &moved],
                    ));
                }
                continue;
            }
            if let (Some(p), Some(r)) = (&p, &r) {
                let max = p.hi + r.hi;
                if total > max {
                    spans.extend(p.spans.iter().copied().take(1));
                    if r.declared {
                        spans.extend(r.spans.iter().copied());
                    }
                    out.push(finding(
                        &SUM,
                        Severity::Error,
                        format!(
                            "Les voix ({} = {}) dépassent les {} votants ({} présents + {} procurations).",
                            detail,
                            total,
                            max,
                            p.show(),
                            r.show()
                        ),
                        spans,
                        &[&vote.basis, &p.basis, &r.basis, &moved],
                    ));
                }
            }
        }
    }
}

pub static OUTCOME: RuleMeta = RuleMeta {
    code: "VOTE-OUTCOME",
    title: "Résultat annoncé et décompte des voix",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Une délibération « adoptée » doit réunir plus de voix pour que de voix contre (majorité absolue des suffrages exprimés) ; une délibération « rejetée », l'inverse.",
        why: "Les abstentions ne sont pas des suffrages exprimés : seul le rapport pour / contre décide. Un résultat contraire au décompte est une erreur de rédaction ou de décompte.",
        legal: "CGCT art. L2121-20 al. 2 et 3 (voix prépondérante du président en cas de partage, sauf scrutin secret) ; L1612-12 (compte administratif).",
        example: "`Pour : 10 — Contre : 12 — Abstentions : 5. La délibération est adoptée.`",
        false_positives: "En cas de partage, la voix du président est prépondérante (sauf scrutin secret) : l'égalité n'est qu'un avertissement. Compte administratif : adopté sauf majorité contre.",
    },
};

pub struct Outcome;
impl Rule for Outcome {
    fn meta(&self) -> &'static RuleMeta {
        &OUTCOME
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for vote in &cx.item.votes {
            let Some((adopted, asp)) = vote.adopted else {
                continue;
            };
            if vote.pour.is_none() || vote.contre.is_none() {
                continue;
            }
            let (po, co) = (v(&vote.pour), v(&vote.contre));
            let mut spans = tally_spans(vote);
            spans.push(asp);
            if adopted && po < co {
                out.push(finding(&OUTCOME, Severity::Error, format!("La délibération est dite adoptée avec {} voix pour et {} contre : la majorité des suffrages exprimés n'est pas atteinte.", po, co), spans, &[&vote.basis]));
            } else if adopted && po == co {
                out.push(finding(&OUTCOME, Severity::Warning, format!("Partage des voix ({} pour, {} contre) : l'adoption suppose la voix prépondérante du président, qui n'est pas mentionnée.", po, co), spans, &[&vote.basis]));
            } else if !adopted && po > co {
                out.push(finding(&OUTCOME, Severity::Error, format!("La délibération est dite rejetée avec {} voix pour et {} contre : elle a pourtant la majorité des suffrages exprimés.", po, co), spans, &[&vote.basis]));
            }
        }
    }
}

pub static UNANIMITY: RuleMeta = RuleMeta {
    code: "VOTE-UNANIMITY",
    title: "Unanimité et voix contre",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "« À l'unanimité » est incompatible avec des voix contre (erreur). Avec des abstentions, l'unanimité des suffrages exprimés reste juste (information) ; « à l'unanimité des présents / des votants » avec des abstentions ou des membres ne prenant pas part au vote est une formulation contradictoire (avertissement).",
        why: "L'unanimité s'entend des suffrages exprimés : les abstentions n'y font pas obstacle, mais une seule voix contre, si.",
        legal: "CGCT art. L2121-20 ; question écrite Sénat n° 15666 (JO 24 mars 2005).",
        example: "`Adopté à l'unanimité (Pour : 25 ; Contre : 2).`",
        false_positives: "« Unanimité moins une abstention » est une formule usuelle et correcte.",
    },
};

pub struct Unanimity;
impl Rule for Unanimity {
    fn meta(&self) -> &'static RuleMeta {
        &UNANIMITY
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if let (Some(p), Some(r)) = (cx.att.present(), cx.att.represented()) {
            for vote in &cx.item.votes {
                let (Some(msp), Some((po, psp))) = (vote.majority, vote.pour) else {
                    continue;
                };
                if vote.unanimous.is_some()
                    || v(&vote.contre) > 0
                    || v(&vote.abstention) > 0
                    || p.lo != p.hi
                {
                    continue;
                }
                if po == p.lo + r.lo && po > 0 {
                    out.push(finding(
                        &UNANIMITY,
                        Severity::Info,
                        format!(
                            "Vote annoncé « à la majorité » alors que les {} votants ({} présents + {} représentés) ont tous voté pour et qu'aucune voix contre ni abstention n'est indiquée : le résultat est une unanimité, ou des voix manquent.",
                            po, p.lo, r.lo
                        ),
                        vec![msp, psp],
                        &[&vote.basis],
                    ));
                }
            }
        }
        for vote in &cx.item.votes {
            let Some(usp) = vote.unanimous else { continue };
            let mut spans = tally_spans(vote);
            spans.push(usp);
            let (co, ab, np) = (v(&vote.contre), v(&vote.abstention), v(&vote.not_voting));
            if co > 0 {
                out.push(finding(
                    &UNANIMITY,
                    Severity::Error,
                    format!(
                        "Vote annoncé « à l'unanimité » alors que {} voix contre sont décomptées.",
                        co
                    ),
                    spans,
                    &[&vote.basis],
                ));
            } else if vote.unanimity_of_members && ab + np > 0 {
                out.push(finding(&UNANIMITY, Severity::Warning, format!("« Unanimité des présents / des votants » alors que {} : écrire « unanimité des suffrages exprimés ».", if ab + np == 1 { "1 membre s'est abstenu ou n'a pas pris part au vote".to_string() } else { format!("{} membres se sont abstenus ou n'ont pas pris part au vote", ab + np) }), spans, &[&vote.basis]));
            } else if ab > 0 {
                out.push(finding(&UNANIMITY, Severity::Info, format!("Unanimité des suffrages exprimés avec {} : formulation correcte, les abstentions n'étant pas des suffrages exprimés.", crate::rules::plural(ab as usize, "abstention", "abstentions")), spans, &[&vote.basis]));
            }
        }
    }
}

pub static DONT_PROCURATIONS: RuleMeta = RuleMeta {
    code: "VOTE-PROXIES",
    title: "« dont N procurations » et pouvoirs de la séance",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Le nombre de procurations indiqué avec le résultat d'un vote (« dont 7 procurations ») ne peut pas dépasser le nombre de pouvoirs de la séance.",
        why: "Une voix par procuration suppose un pouvoir écrit ; plus de voix par procuration que de pouvoirs est impossible.",
        legal: "CGCT art. L2121-20 (un pouvoir écrit par mandant, un seul pouvoir par mandataire).",
        example: "`Nombre de procurations : 5 … POUR : 30 dont 7 PROCURATION(S)`",
        false_positives: "Un pouvoir inutilisé (mandataire ne prenant pas part au vote) explique un nombre inférieur, qui n'est pas signalé.",
    },
};

pub struct DontProcurations;
impl Rule for DontProcurations {
    fn meta(&self) -> &'static RuleMeta {
        &DONT_PROCURATIONS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(r) = cx.att.represented() else {
            return;
        };
        for vote in &cx.item.votes {
            let Some((n, sp)) = vote.proxies else {
                continue;
            };
            if n > r.hi {
                let mut spans = vec![sp];
                if r.declared {
                    spans.extend(r.spans.iter().copied());
                }
                out.push(finding(
                    &DONT_PROCURATIONS,
                    Severity::Error,
                    format!(
                        "Le vote compte {} procurations, mais la séance n'en compte que {}.",
                        n,
                        r.show()
                    ),
                    spans,
                    &[&vote.basis, &r.basis],
                ));
            }
        }
    }
}

pub static NAMED_ABSENT: RuleMeta = RuleMeta {
    code: "VOTE-NAMED-ABSENT",
    title: "Votant nommé mais absent",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-20 et L2121-21",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Un élu nommé dans le détail d'un vote (pour, contre, abstention, ne prend pas part) doit être présent ou représenté : s'il figure parmi les absents ou les excusés sans procuration, le vote ou la liste est faux.",
        why: "Une voix attribuée à un absent sans pouvoir est une voix qui n'a pas pu être exprimée : le décompte et peut-être le résultat du vote en dépendent.",
        legal: "CGCT art. L2121-20 (un élu empêché peut donner pouvoir ; les délibérations sont prises à la majorité des suffrages exprimés) ; art. L2121-21 (vote au scrutin public, noms des votants et sens de leur vote au procès-verbal).",
        example: "`Absents : M. Paul LEROY. … CONTRE : M. Paul LEROY, Mme Anne MARTIN.`",
        false_positives: "Un élu arrivé en cours de séance (mouvement mentionné près de son nom : non signalé) ; un absent pour quelques points seulement (portée limitée : non signalé) ; deux homonymes (un nom ambigu n'est pas rapproché).",
    },
};

pub struct NamedAbsent;
impl Rule for NamedAbsent {
    fn meta(&self) -> &'static RuleMeta {
        &NAMED_ABSENT
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let s = cx.seance;
        if cx.item.votes.iter().all(|v| v.named.is_empty()) {
            return;
        }
        let index = crate::model::KeyIndex::of_members(&s.members);
        for vote in &cx.item.votes {
            for (side, name, key, span) in &vote.named {
                if key.is_empty() {
                    continue;
                }
                let Some(m) = index.unique(&s.members, key) else {
                    continue;
                };
                if !matches!(m.status, Status::Absent | Status::Excused)
                    || m.scope != crate::model::ItemScope::Seance
                    || m.movement.is_some()
                    || s.moved(key)
                {
                    continue;
                }
                let side = match side {
                    VoteSide::Pour => "« pour »",
                    VoteSide::Contre => "« contre »",
                    VoteSide::Abstention => "parmi les abstentions",
                    VoteSide::NotVoting => "parmi ceux qui ne prennent pas part au vote",
                };
                let list = if m.status == Status::Excused {
                    "les excusés"
                } else {
                    "les absents"
                };
                let basis = name_basis(m.reliable, &m.key);
                out.push(finding(
                    &NAMED_ABSENT,
                    Severity::Error,
                    format!(
                        "{name} est nommé {side} mais figure parmi {list}, sans procuration : une voix est attribuée à un élu qui n'a pas pu voter."
                    ),
                    vec![*span, m.span],
                    &[&basis, &vote.basis, &cx.item.basis],
                ));
            }
        }
    }
}

pub static NPPV_ARITH: RuleMeta = RuleMeta {
    code: "VOTE-NPPV-ARITH",
    title: "Voix et membres ne prenant pas part au vote",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2131-11 et L2121-20",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Quand des membres ne prennent pas part au vote, le décompte part des présents et représentés du point : pour + contre + abstentions + ne prenant pas part = présents + représentés. Un total plus faible laisse des voix sans explication ; un total plus fort est signalé par VOTE-SUM.",
        why: "Un membre intéressé qui ne prend pas part au vote doit apparaître comme tel : s'il manque des voix, on ne sait pas si un élu intéressé a voté, ce qui rend la délibération illégale (L2131-11).",
        legal: "CGCT art. L2131-11 (délibérations auxquelles a pris part un membre intéressé) ; art. L2121-20 (votes et pouvoirs) ; loi n° 2013-907, art. 2 (déport).",
        example: "`Présents : 20 — Pouvoirs : 5 … M. DUPONT ne prend pas part au vote. Pour : 23.` (23 + 1 ≠ 25)",
        false_positives: "Un départ non consigné : c'est ce que la règle demande d'écrire. Avec des arrivées ou départs mentionnés, l'écart n'est qu'un avertissement.",
    },
};

pub struct NppvArith;
impl Rule for NppvArith {
    fn meta(&self) -> &'static RuleMeta {
        &NPPV_ARITH
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let (Some(p), Some(r)) = (cx.att.present(), cx.att.represented()) else {
            return;
        };
        if p.lo != p.hi || r.lo != r.hi {
            return;
        }
        // a movement other than the tally's own "ne prend pas part au vote"
        let s = cx.seance;
        let within_votes = |sp: Span| {
            cx.item
                .votes
                .iter()
                .any(|v| v.span.start <= sp.start && sp.end <= v.span.end)
        };
        let moved = if s.movements.iter().any(|m| !within_votes(m.span))
            || s.members.iter().any(|m| m.movement.is_some())
        {
            movement_basis(s)
        } else {
            Basis::CERTAIN
        };
        for vote in cx.item.votes.iter().filter(|x| x.numeric()) {
            let Some((np, _)) = vote.not_voting else {
                continue;
            };
            if np == 0 {
                continue;
            }
            let total = v(&vote.pour) + v(&vote.contre) + v(&vote.abstention) + np;
            let members = p.lo + r.lo;
            if total >= members {
                continue;
            }
            let mut spans = tally_spans(vote);
            spans.extend(p.spans.iter().copied().take(1));
            if r.declared {
                spans.extend(r.spans.iter().copied());
            }
            out.push(finding(
                &NPPV_ARITH,
                Severity::Error,
                format!(
                    "{} pour + {} contre + {} abstention{} + {} ne prenant pas part au vote = {}, pour {} membres présents ou représentés ({} + {}) : {} sans explication.",
                    v(&vote.pour),
                    v(&vote.contre),
                    v(&vote.abstention),
                    if v(&vote.abstention) > 1 { "s" } else { "" },
                    np,
                    total,
                    members,
                    p.show(),
                    r.show(),
                    crate::rules::plural((members - total) as usize, "voix", "voix")
                ),
                spans,
                &[&vote.basis, &p.basis, &r.basis, &moved],
            ));
        }
    }
}

/// Bodies under the municipal rules of L2121-14 and L2121-21: the conseil municipal, and
/// EPCI councils through L5211-1 (not the bureau, nor departments and regions).
fn municipal_rules(body: crate::model::BodyKind) -> bool {
    use crate::model::BodyKind as B;
    matches!(
        body,
        B::ConseilMunicipal
            | B::ConseilCommunautaire
            | B::ConseilMetropolitain
            | B::ComiteSyndical
            | B::ConseilTerritorial
    )
}

pub static MODE: RuleMeta = RuleMeta {
    code: "VOTE-MODE",
    title: "Nominations au scrutin secret",
    category: Category::Vote,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2121-21",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Au conseil municipal (et dans les EPCI), les nominations et désignations (délégués, représentants, membres de commissions) se font au scrutin secret, sauf si le conseil décide à l'unanimité de ne pas y recourir, ou si une seule candidature (ou une seule liste) a été déposée. Une désignation votée « à main levée » sans l'une de ces mentions est signalée.",
        why: "Une nomination faite à main levée sans décision unanime du conseil est irrégulière et peut être annulée.",
        legal: "CGCT art. L2121-21 (scrutin secret pour les nominations ; décision unanime d'y renoncer ; candidature unique) ; L5211-1 pour les EPCI. Pour les départements et les régions, le scrutin secret n'est exigé que là où un texte le prévoit (non vérifié ici).",
        example: "`Désignation des délégués au SIVOM : à main levée, M. X et Mme Y sont désignés.`",
        false_positives: "Une décision unanime de ne pas voter au scrutin secret prise en début de séance pour tous les points : elle est peut-être écrite ailleurs que dans le point (le constat reste un avertissement).",
    },
};

pub struct Mode;
impl Rule for Mode {
    fn meta(&self) -> &'static RuleMeta {
        &MODE
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let im = &cx.item.mentions;
        let (Some(nom), Some(hands)) = (im.nomination, im.show_of_hands) else {
            return;
        };
        if im.secret_ballot.is_some() || im.secret_waived.is_some() {
            return;
        }
        if !municipal_rules(cx.seance.body) {
            return;
        }
        out.push(finding(
            &MODE,
            Severity::Warning,
            "Ce point porte sur une nomination ou une désignation votée à main levée, sans mention d'une décision unanime de ne pas recourir au scrutin secret ni d'une candidature unique.".to_string(),
            vec![hands, nom],
            &[],
        ));
    }
}

pub static ELECTION_ROUNDS: RuleMeta = RuleMeta {
    code: "VOTE-ELECTION-ROUNDS",
    title: "Majorité absolue aux deux premiers tours",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-21",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Aux deux premiers tours d'une élection au scrutin majoritaire, l'élu doit obtenir la majorité absolue des suffrages exprimés (plus de la moitié, bulletins blancs et nuls exclus) ; au troisième tour, la majorité relative suffit. Un candidat dit « élu au premier tour » (ou au second) alors qu'aucun n'a plus de la moitié des suffrages exprimés est signalé.",
        why: "Une élection proclamée sans la majorité requise est irrégulière : le tour suivant aurait dû avoir lieu.",
        legal: "CGCT art. L2121-21 al. 3 (nominations) ; L2122-7 pour le maire (à confirmer) ; les bulletins blancs et nuls ne sont pas des suffrages exprimés (CE, 10 décembre 2001, n° 235027).",
        example: "`1er tour — votants : 25, bulletins blancs : 3 ; M. X : 11 voix ; Mme Y : 11 voix. M. X est élu au premier tour.` (11 ≤ 22 / 2)",
        false_positives: "Les élections au scrutin de liste (adjoints des communes de 1 000 habitants et plus, commissions à la proportionnelle) suivent d'autres règles ; sans suffrages exprimés ni votants écrits, la règle ne dit rien.",
    },
};

pub struct ElectionRounds;
impl Rule for ElectionRounds {
    fn meta(&self) -> &'static RuleMeta {
        &ELECTION_ROUNDS
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(el) = &cx.item.mentions.election else {
            return;
        };
        let Some((expressed, xspan)) = el.expressed else {
            return;
        };
        let Some(&(best, bspan)) = el.candidates.iter().rev().max_by_key(|c| c.0) else {
            return;
        };
        if expressed == 0 || best * 2 > expressed || best > expressed {
            return;
        }
        let round = if el.round == 1 { "premier" } else { "second" };
        out.push(finding(
            &ELECTION_ROUNDS,
            Severity::Error,
            format!(
                "Élection proclamée au {round} tour, mais le meilleur résultat ({best} voix) n'atteint pas la majorité absolue des {expressed} suffrages exprimés (il en faut {}) : un tour de plus était nécessaire.",
                expressed / 2 + 1
            ),
            vec![el.elected, bspan, xspan],
            &[&cx.item.basis],
        ));
    }
}

pub static CA_MAYOR: RuleMeta = RuleMeta {
    code: "VOTE-CA-MAYOR",
    title: "Compte administratif : le maire se retire",
    category: Category::Vote,
    severity: Severity::Error,
    legal_basis: "CGCT art. L2121-14 al. 2",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Pour le vote du compte administratif (ou du compte financier unique), le conseil élit un président de séance et le maire (ou le président de l'EPCI) se retire au moment du vote : il ne vote pas, ni pour lui ni par un pouvoir. Un point de compte administratif qui ne dit pas que le maire s'est retiré est signalé ; si ses voix égalent tous les présents et représentés, le maire semble avoir voté.",
        why: "La participation de l'ordonnateur au vote de son propre compte rend la délibération irrégulière.",
        legal: "CGCT art. L2121-14 al. 2 (« doit se retirer au moment du vote ») ; réponse ministérielle (Sénat, 2009) : il ne peut donner procuration ; L5211-1 pour les EPCI. Pour le compte financier unique, la même règle est appliquée en pratique (à confirmer).",
        example: "`Compte administratif 2023 — Présents : 20 — Représentés : 3 — Pour : 23.` (aucune mention du retrait du maire)",
        false_positives: "Un maire absent de la séance ; un retrait écrit ailleurs que dans le point (en tête de séance). Le constat reste un avertissement : l'extrait ne prouve pas à lui seul la participation du maire.",
    },
};

pub struct CaMayor;
impl Rule for CaMayor {
    fn meta(&self) -> &'static RuleMeta {
        &CA_MAYOR
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let im = &cx.item.mentions;
        let Some(ca) = im.annual_accounts else { return };
        if im.withdrawal.is_some() || !municipal_rules(cx.seance.body) {
            return;
        }
        if cx
            .item
            .votes
            .iter()
            .any(|v| v.not_voting.is_some_and(|(n, _)| n > 0))
        {
            return;
        }
        let all = match (cx.att.present(), cx.att.represented()) {
            (Some(p), r) if p.lo == p.hi => Some(p.lo + r.map_or(0, |r| r.lo)),
            _ => None,
        };
        let vote = cx.item.votes.iter().find(|v| v.numeric());
        let cast = vote.map(|x| v(&x.pour) + v(&x.contre) + v(&x.abstention));
        match (all, cast, vote) {
            (Some(all), Some(cast), Some(v)) if cast == all && all > 0 => {
                out.push(finding(
                    &CA_MAYOR,
                    Severity::Warning,
                    format!(
                        "Compte administratif : {cast} voix pour {all} présents et représentés, et le texte ne dit pas que le maire (ou le président) s'est retiré : il semble avoir pris part au vote de son propre compte."
                    ),
                    vec![v.span, ca],
                    &[],
                ));
            }
            _ => {
                out.push(finding(
                    &CA_MAYOR,
                    Severity::Info,
                    "Compte administratif : le texte ne dit pas que le maire (ou le président) s'est retiré au moment du vote ni qui présidait ce point.".to_string(),
                    vec![ca],
                    &[],
                ));
            }
        }
    }
}

pub static INTERESTED: RuleMeta = RuleMeta {
    code: "INT-INTERESTED-MEMBER",
    title: "Élu intéressé à l'affaire",
    category: Category::Vote,
    severity: Severity::Warning,
    legal_basis: "CGCT art. L2131-11",
    scope: Scope::Deliberation,
    doc: RuleDoc {
        what: "Quand le point nomme un élu de l'assemblée comme dirigeant du bénéficiaire (« Mme X, présidente de l'association ») et que cet élu figure parmi les présents, le texte doit dire qu'il ne prend pas part au vote ou qu'il quitte la salle. Sinon, un avertissement : la règle ne peut pas prouver l'intérêt.",
        why: "La participation d'un élu intéressé à l'affaire rend la délibération illégale et peut constituer une prise illégale d'intérêts.",
        legal: "CGCT art. L2131-11 (délibérations auxquelles ont pris part des membres intéressés) ; L1111-6 (élus désignés par la loi dans un organisme) ; code pénal art. 432-12. Catégorie : vote (le contrat du rapport ne connaît pas de catégorie « intérêt »).",
        example: "`Subvention de 3 000 € au Club de football. Mme Anne MARTIN, présidente de l'association, … Adopté à l'unanimité.` (Mme MARTIN présente)",
        false_positives: "Un élu désigné par la loi pour représenter la collectivité n'est pas intéressé du seul fait de cette désignation (L1111-6) ; un homonyme qui n'est pas l'élu.",
    },
};

pub struct Interested;
impl Rule for Interested {
    fn meta(&self) -> &'static RuleMeta {
        &INTERESTED
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let im = &cx.item.mentions;
        let Some((key, sp)) = &im.interested else {
            return;
        };
        if im.withdrawal.is_some()
            || cx.item.votes.iter().any(|v| {
                v.not_voting.is_some_and(|(n, _)| n > 0)
                    || v.named.iter().any(|n| n.0 == VoteSide::NotVoting)
            })
        {
            return;
        }
        let s = cx.seance;
        let index = crate::model::KeyIndex::of_members(&s.members);
        let Some(m) = index.unique(&s.members, key) else {
            return;
        };
        if m.status != Status::Present || m.scope != crate::model::ItemScope::Seance {
            return;
        }
        out.push(finding(
            &INTERESTED,
            Severity::Warning,
            format!(
                "Ce point désigne {} comme dirigeant du bénéficiaire, et cet élu figure parmi les présents sans que le texte dise qu'il ne prend pas part au vote ou quitte la salle : un élu intéressé à l'affaire ne doit pas participer à la délibération.",
                m.name
            ),
            vec![*sp, m.span],
            &[],
        ));
    }
}
