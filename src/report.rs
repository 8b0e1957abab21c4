//! The report: the contract's JSON (shared/CONTRACT.md), and the text rendering.

use crate::model::*;
use crate::rules::{Finding, Severity};
use crate::tally::Attendance;
use crate::text::Span;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub tool: Tool,
    /// What kind of document the text is (field added to the contract).
    pub document: DocumentOut,
    /// The one-line verdict, and what was checked (field added to the contract).
    pub verdict: Verdict,
    pub extracts: Vec<Extract>,
}

/// One of three honest verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// At least one error or warning.
    Problems,
    /// Something was read and checked, and nothing is wrong.
    NoAnomaly,
    /// Nothing was read that could be checked: an empty text, a text that is not a
    /// deliberation, or one where no count, vote, amount or séance date was read.
    NothingToCheck,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    /// What was read and checked ("effectifs de séance", "2 votes", "4 montants", …).
    pub checked: Vec<String>,
    /// The verdict in one French sentence.
    pub message: String,
}

impl Verdict {
    /// The verdict of a report: its findings, and what its extracts read.
    pub fn of(doc: &DocumentOut, extracts: &[Extract], empty: bool) -> Verdict {
        let n = |sev: Severity| {
            extracts
                .iter()
                .flat_map(|e| &e.findings)
                .filter(|f| f.severity == sev)
                .count()
        };
        let (e, w) = (n(Severity::Error), n(Severity::Warning));
        let mut checked: Vec<String> = Vec::new();
        let counts = extracts
            .iter()
            .any(|x| !x.declared.is_empty() || x.counted.is_some());
        if counts {
            checked.push("effectifs de séance".to_string());
        }
        let votes: usize = extracts.iter().map(|x| x.votes.len()).sum();
        if votes > 0 {
            checked.push(crate::rules::plural(votes, "vote", "votes"));
        }
        let amounts: usize = extracts.iter().map(|x| x.amounts.len()).sum();
        if amounts > 0 {
            checked.push(crate::rules::plural(amounts, "montant", "montants"));
        }
        let session = extracts.iter().any(|x| x.session.is_some());
        let convocation = extracts.iter().any(|x| x.convocation.is_some());
        match (session, convocation) {
            (true, true) => checked.push("dates de séance et de convocation".to_string()),
            (true, false) => checked.push("date de séance".to_string()),
            (false, true) => checked.push("date de convocation".to_string()),
            (false, false) => {}
        }
        let problems = || {
            format!(
                "{}, {} à examiner.",
                crate::rules::plural(e, "erreur", "erreurs"),
                crate::rules::plural(w, "avertissement", "avertissements")
            )
        };
        if e + w > 0 {
            return Verdict {
                kind: VerdictKind::Problems,
                message: problems(),
                checked,
            };
        }
        let nothing = |why: String| Verdict {
            kind: VerdictKind::NothingToCheck,
            checked: Vec::new(),
            message: format!("Rien à vérifier : {why}."),
        };
        if empty {
            return nothing("le texte est vide".to_string());
        }
        if doc.kind == DocKind::NotDeliberation {
            return nothing(format!(
                "ce texte ne ressemble pas à un extrait de délibération ({})",
                doc.seen.join(", ")
            ));
        }
        if !(counts || votes > 0 || amounts > 0 || session) {
            return nothing(
                "aucun effectif, aucun vote, aucun montant ni aucune date de séance n'y a été lu"
                    .to_string(),
            );
        }
        Verdict {
            kind: VerdictKind::NoAnomaly,
            message: format!("Aucune anomalie — vérifié : {}.", checked.join(", ")),
            checked,
        }
    }
}

/// The document's kind and, for a text that is not a deliberation, what was seen instead.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub kind: DocKind,
    /// French phrases ("un sommaire", "aucun effectif, aucun vote … n'y a été lu").
    pub seen: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Body {
    pub kind: BodyKind,
    pub name: Option<String>,
    /// The kind read from the text, when the user chose another (field added to the contract).
    pub detected: BodyKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberOut {
    pub name: String,
    pub status: Status,
    pub proxy_holder: Option<String>,
    pub span: Span,
    /// Arrival, departure or time-limited proxy, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub movement: Option<String>,
    /// How sure the status is: a list read as names only, for the whole séance.
    pub certainty: Certainty,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoteOut {
    #[serde(rename = "for")]
    pub pour: Option<u32>,
    pub against: Option<u32>,
    pub abstention: Option<u32>,
    pub not_voting: Option<u32>,
    pub unanimous: bool,
    pub proxies: Option<u32>,
    pub span: Span,
    /// "adopted", "rejected", or absent when the text does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<&'static str>,
    pub certainty: Certainty,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmountOut {
    pub cents: i128,
    pub text: String,
    pub span: Span,
    /// Index (in this extract's `amounts`) of the amount this one is a "dont" part of.
    pub parent: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<Tax>,
    pub certainty: Certainty,
}

/// A subsidy as read (field added to the contract: `extracts[].subsidies`).
#[derive(Debug, Clone, Serialize)]
pub struct SubsidyOut {
    pub beneficiary: Option<String>,
    /// association · foundation · company · public, when written.
    pub legal_form: Option<LegalForm>,
    pub cents: i128,
    pub year: Option<i32>,
    /// The item names a convention (approved, or its signature authorised).
    pub convention: bool,
    /// The body that decides it (the séance's).
    pub body: BodyKind,
    pub span: Span,
    pub certainty: Certainty,
}

/// A date as read, with how sure the reading is.
#[derive(Debug, Clone, Serialize)]
pub struct DateOut {
    pub date: String,
    pub span: Span,
    pub certainty: Certainty,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<String>,
}

/// The ACTES identifier (a deliberation's, with a valid SIREN) and the préfecture's receipt
/// date, when the text carries them.
fn transmission(s: &crate::model::Seance) -> Option<TransmissionOut> {
    let id = s
        .actes_ids
        .iter()
        .find(|i| {
            i.nature.as_deref() == Some("DE")
                && i.bad_nature.is_none()
                && crate::parse::actes::luhn_ok(&i.siren)
                && i.act_date().is_some()
        })
        .map(|i| i.text.clone());
    let date = s
        .dates
        .iter()
        .find(|m| m.stamp == Some(crate::model::StampKind::Transmission) && m.basis.is_certain())
        .and_then(|m| m.date)
        .map(|d| d.iso());
    (id.is_some() || date.is_some()).then_some(TransmissionOut { id, date })
}

/// The deliberation an extract is about.
#[derive(Debug, Clone, Serialize)]
pub struct ItemOut {
    pub number: Option<String>,
    pub object: Option<String>,
    /// The budget year the deliberation imputes, when one only is written (field added to
    /// the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_year: Option<i32>,
}

/// The act's transmission to the préfecture, as the text shows it (field added to the
/// contract): its ACTES identifier and the date of the receipt, each when read with certainty.
#[derive(Debug, Clone, Serialize)]
pub struct TransmissionOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// What the engine counted in the lists for this item (the page shows these).
#[derive(Debug, Clone, Serialize)]
pub struct CountedOut {
    pub present: u32,
    /// One more when the president is named apart and may not be in the list.
    pub present_max: u32,
    pub represented: u32,
    /// Excused and absent without proxy.
    pub away: u32,
    /// Members whose status for this item cannot be told.
    pub uncertain: u32,
    pub certainty: Certainty,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<String>,
    /// Indices into `members` of those counted present, represented, away.
    pub present_members: Vec<usize>,
    pub represented_members: Vec<usize>,
    pub away_members: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Extract {
    pub span: Span,
    pub body: Body,
    pub session_date: Option<String>,
    pub convocation_date: Option<String>,
    /// The séance and convocation dates with their span and certainty (fields added).
    pub session: Option<DateOut>,
    pub convocation: Option<DateOut>,
    pub item: ItemOut,
    /// The séance president and secretary, as written (fields added to the contract).
    pub president: Option<String>,
    pub secretary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmission: Option<TransmissionOut>,
    pub declared: Declared,
    pub counted: Option<CountedOut>,
    /// Shared by every extract of a séance (one copy, however many deliberations).
    pub members: std::sync::Arc<[MemberOut]>,
    pub votes: Vec<VoteOut>,
    pub amounts: Vec<AmountOut>,
    pub subsidies: Vec<SubsidyOut>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, sev: Severity) -> usize {
        self.extracts
            .iter()
            .flat_map(|e| &e.findings)
            .filter(|f| f.severity == sev)
            .count()
    }
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.extracts.iter().flat_map(|e| &e.findings)
    }
    /// Every span of the report lies in `text` on char boundaries (what the fuzz targets
    /// and the property tests hold the engine to); the first one that does not, otherwise.
    pub fn spans_check(&self, text: &str) -> Result<(), String> {
        let ok = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        for e in &self.extracts {
            let spans = std::iter::once(("extract", &e.span))
                .chain(
                    e.findings
                        .iter()
                        .flat_map(|f| f.spans.iter().map(move |sp| (f.rule, sp))),
                )
                .chain(e.members.iter().map(|m| ("member", &m.span)))
                .chain(e.votes.iter().map(|v| ("vote", &v.span)))
                .chain(e.amounts.iter().map(|a| ("amount", &a.span)))
                .chain(e.subsidies.iter().map(|x| ("subsidy", &x.span)))
                .chain(
                    e.declared
                        .fields()
                        .into_iter()
                        .flatten()
                        .map(|c| ("declared", &c.span)),
                )
                .chain(
                    [&e.session, &e.convocation]
                        .into_iter()
                        .flatten()
                        .map(|d| ("date", &d.span)),
                );
            for (what, sp) in spans {
                if !ok(sp) {
                    return Err(format!(
                        "{what}: {}..{} in {} bytes",
                        sp.start,
                        sp.end,
                        text.len()
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// The séance's members as reported, built once and shared by its extracts.
pub fn members(s: &Seance) -> std::sync::Arc<[MemberOut]> {
    s.members
        .iter()
        .map(|m| MemberOut {
            name: m.name.clone(),
            status: m.status,
            proxy_holder: m.proxy_holder.as_ref().map(|h| h.name.clone()),
            span: m.span,
            movement: m.movement.clone(),
            certainty: if m.reliable && m.scope == ItemScope::Seance {
                Certainty::Certain
            } else {
                Certainty::Probable
            },
        })
        .collect()
}

fn date_out(d: &ChosenDate) -> DateOut {
    DateOut {
        date: d.date.iso(),
        span: d.mention.span,
        certainty: d.basis.certainty,
        doubt: d.basis.doubt.clone().map(|x| x.into_owned()),
    }
}

/// The counts an extract declares: its item's own, else the séance's.
fn declared_for(s: &Seance, item: &Item) -> Declared {
    let pick = |own: &Option<DeclaredCount>, seance: &Option<DeclaredCount>| {
        own.clone().or_else(|| seance.clone())
    };
    let (o, d) = (&item.declared, &s.declared);
    Declared {
        seats: pick(&o.seats, &d.seats),
        in_office: pick(&o.in_office, &d.in_office),
        present: pick(&o.present, &d.present),
        proxies: pick(&o.proxies, &d.proxies),
        absent: pick(&o.absent, &d.absent),
        excused: pick(&o.excused, &d.excused),
        voters: pick(&o.voters, &d.voters),
        quorum: pick(&o.quorum, &d.quorum),
    }
}

pub fn extract(
    s: &Seance,
    k: usize,
    att: &Attendance,
    members: std::sync::Arc<[MemberOut]>,
    findings: Vec<Finding>,
) -> Extract {
    let d = &s.items[k];
    let counted = att.listed.as_ref().map(|l| {
        let basis = att.list_basis(
            crate::tally::Field::Present,
            "effectifs comptés dans les listes",
        );
        CountedOut {
            present: l.present.0,
            present_max: l.present.1,
            represented: l.represented,
            away: l.away,
            uncertain: l.uncertain,
            certainty: basis.certainty,
            doubt: basis.doubt.map(|x| x.into_owned()),
            present_members: l.present_members.clone(),
            represented_members: l.represented_members.clone(),
            away_members: l.away_members.clone(),
        }
    });
    let amounts = d
        .amounts
        .iter()
        .map(|a| AmountOut {
            cents: a.cents,
            text: a.text.clone(),
            span: a.span,
            parent: a.parent,
            tax: a.tax,
            certainty: a.basis.certainty,
        })
        .collect();
    Extract {
        span: d.span,
        body: Body {
            kind: s.body,
            name: s.body_name.clone(),
            detected: s.body_detected,
        },
        session_date: s.session.as_ref().map(|m| m.date.iso()),
        convocation_date: s.convocation.as_ref().map(|m| m.date.iso()),
        session: s.session.as_ref().map(date_out),
        convocation: s.convocation.as_ref().map(date_out),
        item: ItemOut {
            number: d.number.clone(),
            object: d.object.clone(),
            budget_year: d.mentions.budget_year.map(|(y, _)| y),
        },
        transmission: transmission(s),
        president: s.president.as_ref().map(|p| p.name.clone()),
        secretary: s.secretary.as_ref().map(|p| p.name.clone()),
        declared: declared_for(s, d),
        counted,
        members,
        votes: d
            .votes
            .iter()
            .map(|v| VoteOut {
                pour: Vote::value(&v.pour),
                against: Vote::value(&v.contre),
                abstention: Vote::value(&v.abstention),
                not_voting: Vote::value(&v.not_voting),
                unanimous: v.unanimous.is_some(),
                proxies: Vote::value(&v.proxies),
                span: v.span,
                outcome: v
                    .adopted
                    .map(|(a, _)| if a { "adopted" } else { "rejected" }),
                certainty: v.basis.certainty,
            })
            .collect(),
        amounts,
        subsidies: d
            .subsidies
            .iter()
            .map(|x| SubsidyOut {
                beneficiary: x.beneficiary.clone(),
                legal_form: x.legal_form,
                cents: x.cents,
                year: x.year,
                convention: x.convention.is_some(),
                body: s.body,
                span: x.span,
                certainty: x.basis.certainty,
            })
            .collect(),
        findings,
    }
}

/// rustc/ruff-style text rendering of a report.
pub fn render_text(path: &str, input: &str, report: &Report) -> String {
    let mut out = String::new();
    let lines = crate::text::Lines::new(input);
    for f in report.findings() {
        let sp = f.spans.first().copied().unwrap_or_default();
        let (line, col) = lines.line_col(sp.start);
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            path,
            line,
            col,
            f.severity.code(),
            f.rule,
            f.message
        ));
        // the source line and a caret underline
        let start = floor(input, sp.start.min(input.len()));
        let (line_start, line_end) = lines.line_range(start);
        let src = &input[line_start..line_end];
        let (shown, offset) = window(src, start - line_start);
        out.push_str(&format!("  | {}\n", shown.replace('\t', " ")));
        let end_in_line = floor(input, sp.end.min(line_end).max(start));
        // the underline never outgrows the window shown
        let width = input[start..end_in_line].chars().take(121).count().max(1);
        let width = width.min(shown.chars().count().saturating_sub(offset).max(1));
        out.push_str(&format!(
            "  | {}{}\n",
            " ".repeat(offset),
            "^".repeat(width)
        ));
        out.push_str(&format!("  = base légale : {}\n", f.legal_basis));
    }
    let (e, w, i) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let line = match report.verdict.kind {
        VerdictKind::Problems => summary(e, w, i, report.extracts.len()),
        _ => report.verdict.message.clone(),
    };
    out.push_str(&format!("{path}: {line}\n"));
    out
}

/// At most ~120 chars of a (possibly very long) line around a byte offset: (text, caret
/// column). Reads only the chars shown, so a line of a megabyte costs no more than a short one.
fn window(line: &str, at: usize) -> (String, usize) {
    let at = floor(line, at.min(line.len()));
    // up to 40 chars before the offset
    let start = line[..at]
        .char_indices()
        .rev()
        .take(40)
        .last()
        .map_or(at, |(i, _)| i);
    let before = line[start..at].chars().count();
    let shown: String = line[start..].chars().take(120).collect();
    let prefix = if start > 0 { "…" } else { "" };
    (format!("{prefix}{shown}"), before + prefix.chars().count())
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "1 erreur, 2 avertissements, 0 information — 1 extrait"
pub fn summary(e: usize, w: usize, i: usize, extracts: usize) -> String {
    use crate::rules::plural;
    if e + w + i == 0 {
        return format!(
            "aucune anomalie — {}",
            plural(extracts, "extrait vérifié", "extraits vérifiés")
        );
    }
    format!(
        "{}, {}, {} — {}",
        plural(e, "erreur", "erreurs"),
        plural(w, "avertissement", "avertissements"),
        plural(i, "information", "informations"),
        plural(extracts, "extrait", "extraits")
    )
}
