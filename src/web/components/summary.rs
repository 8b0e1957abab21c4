//! "Déclaré / compté": what the extract states beside what its lists and votes add up to.
//! A row whose value is involved in a finding is marked and links to it.

use crate::model::{DeclaredCount, Status};
use crate::report::{Extract, Report};
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

/// The first finding (index into `shown`) one of whose spans overlaps `span`.
fn finding_for(shown: &[Shown], span: Span) -> Option<usize> {
    shown.iter().position(|s| {
        s.finding
            .spans
            .iter()
            .any(|f| f.start < span.end.max(span.start + 1) && span.start < f.end.max(f.start + 1))
    })
}

/// "2024-03-21" → "jeudi 21 mars 2024"
fn french_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-').map(|x| x.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    crate::model::Date::new(y as i32, m, d).map(|d| d.french())
}

struct Row {
    label: &'static str,
    declared: Option<String>,
    counted: Option<String>,
    span: Option<Span>,
    mismatch: bool,
}

fn row(label: &'static str, d: Option<DeclaredCount>, counted: Option<u32>) -> Row {
    let mismatch = matches!((d, counted), (Some(d), Some(c)) if d.value != c);
    Row {
        label,
        declared: d.map(|d| d.value.to_string()),
        counted: counted.map(|c| c.to_string()),
        span: d.map(|d| d.span),
        mismatch,
    }
}

fn attendance_rows(e: &Extract) -> Vec<Row> {
    let n = |st: Status| e.members.iter().filter(|m| m.status == st).count() as u32;
    let have = !e.members.is_empty();
    let c = |v: u32| if have { Some(v) } else { None };
    let d = &e.declared;
    let p = n(Status::Present);
    let r = n(Status::Represented);
    let ax = n(Status::Absent) + n(Status::Excused);
    let absent_decl = match (d.absent, d.excused) {
        (None, None) => None,
        (a, x) => Some(DeclaredCount {
            value: a.map(|c| c.value).unwrap_or(0) + x.map(|c| c.value).unwrap_or(0),
            span: a.or(x).map(|c| c.span).unwrap_or_default(),
        }),
    };
    let mut rows = vec![
        row("Membres en exercice", d.in_office, c(p + r + ax)),
        row("Présents", d.present, c(p)),
        row("Représentés (procurations)", d.proxies, c(r)),
        row("Absents et excusés", absent_decl, c(ax)),
        row(
            "Votants",
            d.voters,
            d.present
                .zip(d.proxies)
                .map(|(a, b)| a.value + b.value)
                .or(c(p + r)),
        ),
    ];
    // Counts from names are indicative: only a finding marks a row as a mismatch.
    for r in rows.iter_mut() {
        r.mismatch = false;
    }
    if let Some(s) = d.seats {
        rows.insert(0, row("Sièges", Some(s), None));
    }
    if let Some(q) = d.quorum {
        rows.push(row(
            "Quorum déclaré",
            Some(q),
            d.in_office.map(|e| e.value / 2 + 1),
        ));
    }
    rows
}

#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let shown = &p.shown;
    let link = |span: Option<Span>| -> Html {
        match span.and_then(|s| finding_for(shown, s)) {
            Some(i) => {
                let cb = p.on_select.clone();
                html! { <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}>{ "≠ voir le constat" }</button> }
            }
            None => html! {},
        }
    };
    let mut seen_attendance: Vec<Option<Span>> = Vec::new();
    let mut tables = Vec::new();
    for (k, e) in p.report.extracts.iter().enumerate() {
        let key = e
            .declared
            .present
            .map(|x| x.span)
            .or(e.members.first().map(|m| m.span));
        if (key.is_some() || k == 0) && !seen_attendance.contains(&key) {
            seen_attendance.push(key);
            let rows = attendance_rows(e);
            tables.push(html! {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Présence : déclaré et compté">
                <table class="summary">
                    <caption>{ "Présence" }{ e.session_date.as_deref().and_then(french_date).map(|d| format!(" — séance du {d}")).unwrap_or_default() }</caption>
                    <thead><tr><th scope="col">{ "Effectif" }</th><th scope="col">{ "Déclaré" }</th><th scope="col">{ "Compté dans les listes" }</th><th scope="col"><span class="visually-hidden">{ "Constat" }</span></th></tr></thead>
                    <tbody>
                    { for rows.into_iter().map(|r| {
                        let found = r.span.and_then(|s| finding_for(shown, s)).is_some();
                        html! {
                            <tr class={classes!((found || r.mismatch).then_some("row-mismatch"))}>
                                <th scope="row">{ r.label }</th>
                                <td>{ r.declared.unwrap_or_else(|| "—".into()) }</td>
                                <td>{ r.counted.unwrap_or_else(|| "—".into()) }</td>
                                <td>{ link(r.span) }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
            });
        }
    }
    let votes: Vec<Html> = p
        .report
        .extracts
        .iter()
        .flat_map(|e| e.votes.iter())
        .map(|v| {
            let f = |x: Option<u32>| x.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
            let found = finding_for(shown, v.span).is_some();
            html! {
                <tr class={classes!(found.then_some("row-mismatch"))}>
                    <td>{ f(v.pour) }</td><td>{ f(v.against) }</td><td>{ f(v.abstention) }</td><td>{ f(v.not_voting) }</td>
                    <td>{ if v.unanimous { "oui" } else { "" } }</td>
                    <td>{ link(Some(v.span)) }</td>
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
        .map(|(a, parts, sum)| {
            let bad = sum > a.cents;
            html! {
                <tr class={classes!(bad.then_some("row-mismatch"))}>
                    <td>{ euros(a.cents) }</td><td>{ parts }</td><td>{ euros(sum) }</td><td>{ link(Some(a.span)) }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <div class="summary-panel">
            <h2>{ "Déclaré / compté" }</h2>
            { for tables }
            if !votes.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Votes">
                <table class="summary">
                    <caption>{ "Votes" }</caption>
                    <thead><tr><th scope="col">{ "Pour" }</th><th scope="col">{ "Contre" }</th><th scope="col">{ "Abstention" }</th><th scope="col">{ "Ne prend pas part" }</th><th scope="col">{ "Unanimité" }</th><th scope="col"><span class="visually-hidden">{ "Constat" }</span></th></tr></thead>
                    <tbody>{ for votes }</tbody>
                </table>
                </div>
            }
            if !amounts.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Montants et leurs parts">
                <table class="summary">
                    <caption>{ "Montants et leurs parts" }</caption>
                    <thead><tr><th scope="col">{ "Montant" }</th><th scope="col">{ "Parts (« dont »)" }</th><th scope="col">{ "Somme des parts" }</th><th scope="col"><span class="visually-hidden">{ "Constat" }</span></th></tr></thead>
                    <tbody>{ for amounts }</tbody>
                </table>
                </div>
            }
        </div>
    }
}
