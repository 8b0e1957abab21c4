//! "Déclaré / compté": what the extract states beside what the engine counted in its lists,
//! each value marked when its reading is not certain. A row cited by a finding links to it;
//! a row whose figures differ without a finding says why nothing was asserted.

use crate::model::{Certainty, DeclaredCount};
use crate::report::{CountedOut, Extract, Report};
use crate::rules::amount::euros;
use crate::text::Span;
use crate::web::state::Shown;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: Rc<crate::report::Report>,
    pub shown: Rc<Vec<Shown>>,
    pub on_select: Callback<usize>,
}

impl PartialEq for Report {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::eq(self, o)
    }
}

/// The findings' spans, to find the first finding citing a value without scanning them all
/// for each row.
struct Cited {
    /// (start, end, index into `shown`), by start.
    spans: Vec<(usize, usize, usize)>,
    /// The largest end among the spans up to each one.
    reach: Vec<usize>,
}

impl Cited {
    fn new(shown: &[Shown]) -> Cited {
        let mut spans: Vec<(usize, usize, usize)> = shown
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.finding
                    .spans
                    .iter()
                    .map(move |f| (f.start, f.end.max(f.start + 1), i))
            })
            .collect();
        crate::sort::order_by(&mut spans, |x| (x.0, x.2));
        let mut reach = Vec::with_capacity(spans.len());
        let mut m = 0;
        for x in &spans {
            m = m.max(x.1);
            reach.push(m);
        }
        Cited { spans, reach }
    }

    /// The first finding (index into `shown`) one of whose spans overlaps `span`.
    fn first(&self, span: Span) -> Option<usize> {
        let end = span.end.max(span.start + 1);
        let mut k = self.spans.partition_point(|x| x.0 < end);
        let mut best: Option<usize> = None;
        while k > 0 && self.reach[k - 1] > span.start {
            k -= 1;
            let (_, e, i) = self.spans[k];
            if e > span.start && best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
        best
    }
}

/// At most this many attendance tables and vote or amount rows are drawn: a paste of
/// thousands of extracts keeps a page that answers; the exports carry everything.
const MAX_TABLES: usize = 30;
const MAX_ROWS: usize = 300;

/// "2024-03-21" → "jeudi 21 mars 2024"
fn french_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-').map(|x| x.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    crate::model::Date::new(y as i32, m, d).map(|d| d.french())
}

/// A value with its certainty: "34", or "34 ≈" with the reason as a tooltip.
fn value(v: String, c: Certainty, doubt: Option<&str>) -> Html {
    if c == Certainty::Certain {
        return html! { { v } };
    }
    let why = format!("{} : {}", c.label(), doubt.unwrap_or("non recoupé"));
    html! {
        <span class="uncertain" title={why.clone()}>
            { v }<span aria-hidden="true">{ " ≈" }</span><span class="visually-hidden">{ format!(" ({why})") }</span>
        </span>
    }
}

struct Row {
    label: &'static str,
    declared: Option<DeclaredCount>,
    counted: Option<(String, bool)>,
    /// The names counted (they unfold under the figure).
    names: Vec<usize>,
}

fn attendance_rows(e: &Extract) -> Vec<Row> {
    let d = &e.declared;
    let c = e.counted.as_ref();
    let show = |lo: u32, hi: u32| {
        if lo == hi {
            lo.to_string()
        } else {
            format!("{lo} à {hi}")
        }
    };
    let counted = |f: fn(&CountedOut) -> (u32, u32), declared: &Option<DeclaredCount>| {
        c.map(|c| {
            let (lo, hi) = f(c);
            let differs = declared
                .as_ref()
                .is_some_and(|d| !(lo..=hi).contains(&d.value));
            (show(lo, hi), differs)
        })
    };
    let absent_decl = match (&d.absent, &d.excused) {
        (None, None) => None,
        (a, x) => {
            let both: Vec<&DeclaredCount> = a.iter().chain(x.iter()).collect();
            Some(DeclaredCount {
                value: both.iter().map(|c| c.value).sum(),
                span: both[0].span,
                certainty: both.iter().map(|c| c.certainty).min().unwrap_or_default(),
                doubt: both.iter().find_map(|c| c.doubt.clone()),
            })
        }
    };
    let mut rows = vec![
        Row {
            label: "Membres en exercice",
            counted: counted(
                |c| {
                    let n = c.present + c.represented + c.away;
                    (n, n + (c.present_max - c.present) + c.uncertain)
                },
                &d.in_office,
            ),
            declared: d.in_office.clone(),
            names: Vec::new(),
        },
        Row {
            label: "Présents",
            counted: counted(|c| (c.present, c.present_max + c.uncertain), &d.present),
            declared: d.present.clone(),
            names: c.map(|c| c.present_members.clone()).unwrap_or_default(),
        },
        Row {
            label: "Représentés (procurations)",
            counted: counted(|c| (c.represented, c.represented + c.uncertain), &d.proxies),
            declared: d.proxies.clone(),
            names: c.map(|c| c.represented_members.clone()).unwrap_or_default(),
        },
        Row {
            label: "Absents et excusés",
            counted: counted(|c| (c.away, c.away + c.uncertain), &absent_decl),
            declared: absent_decl.clone(),
            names: c.map(|c| c.away_members.clone()).unwrap_or_default(),
        },
        Row {
            label: "Votants",
            counted: counted(
                |c| {
                    (
                        c.present + c.represented,
                        c.present_max + c.represented + c.uncertain,
                    )
                },
                &d.voters,
            ),
            declared: d.voters.clone(),
            names: Vec::new(),
        },
    ];
    if let Some(s) = &d.seats {
        rows.insert(
            0,
            Row {
                label: "Sièges",
                declared: Some(s.clone()),
                counted: None,
                names: Vec::new(),
            },
        );
    }
    if let Some(q) = &d.quorum {
        rows.push(Row {
            label: "Quorum déclaré",
            declared: Some(q.clone()),
            counted: None,
            names: Vec::new(),
        });
    }
    rows
}

/// "Délibération 2023-009 — Débat d'orientation budgétaire"
fn item_title(e: &Extract) -> String {
    match (&e.item.number, &e.item.object) {
        (Some(n), Some(o)) => format!("n° {n} — {o}"),
        (Some(n), None) => format!("n° {n}"),
        (None, Some(o)) => o.clone(),
        (None, None) => String::new(),
    }
}

/// How many deliberations the identity block names (the rest are in the exports).
const MAX_IDENTITY_ITEMS: usize = 30;

/// "Lu dans le texte": who deliberated, when, and on what — as the engine read it.
fn identity(report: &crate::report::Report) -> Html {
    let Some(first) = report.extracts.first() else {
        return html! {};
    };
    let or_dash = |x: Option<String>| x.unwrap_or_else(|| "non lu".to_string());
    let date = |x: &Option<String>| x.as_deref().and_then(french_date);
    let items: Vec<String> = report
        .extracts
        .iter()
        .map(item_title)
        .filter(|t| !t.is_empty())
        .take(MAX_IDENTITY_ITEMS + 1)
        .collect();
    let more = items.len() > MAX_IDENTITY_ITEMS;
    let assembly = if first.body.kind == crate::model::BodyKind::Unknown {
        "non reconnue".to_string()
    } else {
        first.body.kind.label().to_string()
    };
    let fields = [
        ("Collectivité", or_dash(first.body.name.clone())),
        ("Assemblée", assembly),
        ("Séance", or_dash(date(&first.session_date))),
        ("Convocation", or_dash(date(&first.convocation_date))),
        ("Président", or_dash(first.president.clone())),
        ("Secrétaire", or_dash(first.secretary.clone())),
    ];
    html! {
        <section class="identity" aria-labelledby="titre-identite">
            <h2 id="titre-identite">{ "Lu dans le texte" }</h2>
            <dl>
                { for fields.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
                <dt>{ if items.len() > 1 { "Délibérations" } else { "Délibération" } }</dt>
                <dd>
                    if items.is_empty() { { "non lue" } }
                    else if items.len() == 1 { { items[0].clone() } }
                    else {
                        <ol class="identity-items">{ for items.iter().take(MAX_IDENTITY_ITEMS).map(|t| html! { <li>{ t }</li> }) }</ol>
                        if more { <p class="note">{ "… et d'autres : voir les exports JSON et CSV." }</p> }
                    }
                </dd>
            </dl>
        </section>
    }
}

#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let citing = Cited::new(&p.shown);
    let link = |i: usize| -> Html {
        let cb = p.on_select.clone();
        html! { <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}>{ "voir le constat" }</button> }
    };
    let mut seen_attendance: Vec<Option<Span>> = Vec::new();
    let mut tables = Vec::new();
    let mut tables_left = 0;
    for (k, e) in p.report.extracts.iter().enumerate() {
        let key = e
            .declared
            .present
            .as_ref()
            .map(|x| x.span)
            .or(e.members.first().map(|m| m.span));
        if !((key.is_some() || k == 0) && !seen_attendance.contains(&key)) {
            continue;
        }
        seen_attendance.push(key);
        if tables.len() >= MAX_TABLES {
            tables_left += 1;
            continue;
        }
        let doubt = e
            .counted
            .as_ref()
            .filter(|c| c.certainty != Certainty::Certain)
            .and_then(|c| c.doubt.clone());
        let rows = attendance_rows(e);
        let title = item_title(e);
        tables.push(html! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Présence : déclaré et compté">
            <table class="summary">
                <caption>
                    { "Présence" }{ e.session_date.as_deref().and_then(french_date).map(|d| format!(" — séance du {d}")).unwrap_or_default() }
                    if !title.is_empty() { <span class="caption-item">{ title }</span> }
                </caption>
                <thead><tr><th scope="col">{ "Effectif" }</th><th scope="col">{ "Déclaré" }</th><th scope="col">{ "Compté dans les listes" }</th><th scope="col">{ "Constat" }</th></tr></thead>
                <tbody>
                { for rows.into_iter().map(|r| {
                    let cited = r.declared.as_ref().and_then(|d| citing.first(d.span));
                    let differs = r.counted.as_ref().is_some_and(|c| c.1);
                    // a row is red only when its figures disagree and a finding says so; a
                    // finding that merely uses the figure links to it without the red
                    let note = match (cited, differs) {
                        (Some(i), _) => link(i),
                        (None, true) => html! { <span class="note">{ format!("écart non vérifié : {}", doubt.as_deref().unwrap_or("liste incertaine")) }</span> },
                        (None, false) => html! {},
                    };
                    let red = cited.is_some() && (differs || r.counted.is_none());
                    html! {
                        <tr class={classes!(red.then_some("row-mismatch"), (cited.is_none() && differs).then_some("row-unverified"))}>
                            <th scope="row">{ r.label }</th>
                            <td>{ match &r.declared { Some(d) => value(d.value.to_string(), d.certainty, d.doubt.as_deref()), None => html! { "—" } } }</td>
                            <td>{ match r.counted {
                                Some((c, _)) => {
                                    let v = value(c, e.counted.as_ref().map_or(Certainty::Certain, |x| x.certainty), doubt.as_deref());
                                    let names: Vec<&str> = r.names.iter().filter_map(|&i| e.members.get(i)).map(|m| m.name.as_str()).collect();
                                    if names.is_empty() { v } else {
                                        html! { <details class="names"><summary>{ v }</summary><p>{ names.join(", ") }</p></details> }
                                    }
                                }
                                None => html! { "—" },
                            } }</td>
                            <td>{ note }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        });
    }
    let vote_count: usize = p.report.extracts.iter().map(|e| e.votes.len()).sum();
    let votes: Vec<Html> = p
        .report
        .extracts
        .iter()
        .flat_map(|e| e.votes.iter().map(move |v| (e, v)))
        .take(MAX_ROWS)
        .map(|(e, v)| {
            let f = |x: Option<u32>| x.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
            let cited = citing.first(v.span);
            let title = item_title(e);
            html! {
                <tr class={classes!(cited.is_some().then_some("row-mismatch"))}>
                    <th scope="row">{ if title.is_empty() { "—".to_string() } else { title } }</th>
                    <td>{ value(f(v.pour), v.certainty, Some("limites du point incertaines")) }</td><td>{ f(v.against) }</td><td>{ f(v.abstention) }</td><td>{ f(v.not_voting) }</td>
                    <td>{ if v.unanimous { "oui" } else { "" } }</td>
                    <td>{ cited.map(link).unwrap_or_default() }</td>
                </tr>
            }
        })
        .collect();
    let amounts: Vec<Html> = p
        .report
        .extracts
        .iter()
        .flat_map(|e| {
            e.amounts.iter().enumerate().filter_map(move |(i, a)| {
                let parts: Vec<&crate::report::AmountOut> = e.amounts.iter().filter(|x| x.parent == Some(i)).collect();
                if parts.is_empty() {
                    return None;
                }
                let sum: i128 = parts.iter().map(|x| x.cents).sum();
                Some((a.clone(), parts.iter().map(|x| euros(x.cents)).collect::<Vec<_>>().join(" + "), sum))
            })
        })
        .take(MAX_ROWS + 1)
        .map(|(a, parts, sum)| {
            let cited = citing.first(a.span);
            html! {
                <tr class={classes!(cited.is_some().then_some("row-mismatch"))}>
                    <td>{ value(euros(a.cents), a.certainty, None) }</td><td>{ parts }</td><td>{ euros(sum) }</td><td>{ cited.map(link).unwrap_or_default() }</td>
                </tr>
            }
        })
        .collect();
    let subsidies: Vec<Html> = p
        .report
        .extracts
        .iter()
        .flat_map(|e| e.subsidies.iter().map(move |x| (e, x)))
        .take(MAX_ROWS)
        .map(|(e, x)| {
            let cited = citing.first(x.span);
            let title = item_title(e);
            html! {
                <tr class={classes!(cited.is_some().then_some("row-mismatch"))}>
                    <th scope="row">{ x.beneficiary.clone().unwrap_or_else(|| "—".into()) }</th>
                    <td>{ x.legal_form.map(|f| f.french()).unwrap_or("non précisée") }</td>
                    <td>{ value(euros(x.cents), x.certainty, None) }</td>
                    <td>{ x.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()) }</td>
                    <td>{ if x.convention { "oui" } else { "non mentionnée" } }</td>
                    <td>{ if title.is_empty() { "—".to_string() } else { title } }</td>
                    <td>{ cited.map(link).unwrap_or_default() }</td>
                </tr>
            }
        })
        .collect();
    let votes_left = vote_count - votes.len();
    let amounts_more = amounts.len() > MAX_ROWS;
    let amounts = &amounts[..amounts.len().min(MAX_ROWS)];
    let left = |n: usize, what: &str| -> Html {
        if n == 0 {
            return html! {};
        }
        html! { <p class="note">{ format!("… {n} {what} de plus ne sont pas affichés ici : ils sont dans les exports JSON et CSV.") }</p> }
    };
    // nothing read: no block of "non lu" and empty tables
    if p.report.verdict.kind == crate::report::VerdictKind::NothingToCheck
        && p.report
            .extracts
            .iter()
            .all(|e| e.counted.is_none() && e.declared.is_empty() && e.session_date.is_none())
    {
        return html! {};
    }
    html! {
        <div class="summary-panel">
            { identity(&p.report) }
            <h2>{ "Déclaré / compté" }</h2>
            <p class="legend">{ "≈ : lecture non recoupée (survolez la valeur pour la raison) ; seules les valeurs sûres fondent une erreur." }</p>
            { for tables }
            { left(tables_left, if tables_left > 1 { "tableaux de présence" } else { "tableau de présence" }) }
            if !votes.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Votes">
                <table class="summary">
                    <caption>{ "Votes" }</caption>
                    <thead><tr><th scope="col">{ "Délibération" }</th><th scope="col">{ "Pour" }</th><th scope="col">{ "Contre" }</th><th scope="col">{ "Abstention" }</th><th scope="col">{ "Ne prend pas part" }</th><th scope="col">{ "Unanimité" }</th><th scope="col">{ "Constat" }</th></tr></thead>
                    <tbody>{ for votes }</tbody>
                </table>
                </div>
                { left(votes_left, if votes_left > 1 { "votes" } else { "vote" }) }
            }
            if !subsidies.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Subventions">
                <table class="summary">
                    <caption>{ "Subventions" }</caption>
                    <thead><tr><th scope="col">{ "Bénéficiaire" }</th><th scope="col">{ "Forme" }</th><th scope="col">{ "Montant" }</th><th scope="col">{ "Année" }</th><th scope="col">{ "Convention" }</th><th scope="col">{ "Délibération" }</th><th scope="col">{ "Constat" }</th></tr></thead>
                    <tbody>{ for subsidies }</tbody>
                </table>
                </div>
            }
            if !amounts.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Montants et leurs parts">
                <table class="summary">
                    <caption>{ "Montants et leurs parts" }</caption>
                    <thead><tr><th scope="col">{ "Montant" }</th><th scope="col">{ "Parts (« dont »)" }</th><th scope="col">{ "Somme des parts" }</th><th scope="col">{ "Constat" }</th></tr></thead>
                    <tbody>{ for amounts.iter().cloned() }</tbody>
                </table>
                </div>
                if amounts_more { <p class="note">{ "… d'autres montants ne sont pas affichés ici : ils sont dans les exports JSON et CSV." }</p> }
            }
        </div>
    }
}
