//! The findings panel: a count, findings grouped by severity in text order,
//! each expandable to its rule's documentation.

use crate::report::{Verdict, VerdictKind};
use crate::rules::{plural, rule_by_code, Severity};
use crate::web::state::Shown;
use std::rc::Rc;
use yew::prelude::*;

pub fn icon(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

pub fn label(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "Erreur",
        Severity::Warning => "Avertissement",
        Severity::Info => "Information",
    }
}

/// "2 erreurs · 1 avertissement", or the verdict when nothing is shown.
pub fn count_line(shown: &[Shown], show_info: bool, verdict: &Verdict) -> String {
    let n = |s: Severity| shown.iter().filter(|x| x.finding.severity == s).count();
    let (e, w, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
    if e + w + i == 0 {
        return match verdict.kind {
            VerdictKind::NothingToCheck => "Rien à vérifier".to_string(),
            _ => "Aucune anomalie".to_string(),
        };
    }
    let mut parts = vec![
        plural(e, "erreur", "erreurs"),
        plural(w, "avertissement", "avertissements"),
    ];
    if show_info {
        parts.push(plural(i, "information", "informations"));
    }
    parts.join(" · ")
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub shown: Rc<Vec<Shown>>,
    pub selected: Option<usize>,
    pub current: bool,
    pub show_info: bool,
    pub verdict: Verdict,
    pub on_select: Callback<usize>,
}

/// The most findings listed per severity.
const MAX_LISTED: usize = 300;

#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let groups = [Severity::Error, Severity::Warning, Severity::Info].map(|sev| {
        let items: Vec<(usize, &Shown)> = p
            .shown
            .iter()
            .enumerate()
            .filter(|(_, s)| s.finding.severity == sev)
            .collect();
        if items.is_empty() {
            return html! {};
        }
        let title = match sev {
            Severity::Error => "Erreurs",
            Severity::Warning => "Avertissements",
            Severity::Info => "Informations",
        };
        let total = items.len();
        // a paste of thousands of extracts keeps a page that answers: the first findings
        // are listed, all are marked in the text and carried by the exports
        let more = total.saturating_sub(MAX_LISTED);
        html! {
            <section class={classes!("group", format!("group-{}", sev.code()))} aria-label={title}>
                <h3>{ icon(sev) }{ " " }{ title }{ format!(" ({total})") }</h3>
                <ol class="findings">
                    { for items.into_iter().take(MAX_LISTED).map(|(i, s)| item(p, i, s)) }
                </ol>
                if more > 0 {
                    <p class="note">{ format!("… {more} de plus : F8 les parcourt dans le texte, les exports JSON et CSV les contiennent tous.") }</p>
                }
            </section>
        }
    });
    let count = count_line(&p.shown, p.show_info, &p.verdict);
    let nothing = p.verdict.kind == VerdictKind::NothingToCheck;
    let all_clear = p.shown.is_empty();
    let class = if !all_clear {
        if p.shown
            .iter()
            .any(|s| s.finding.severity == Severity::Error)
        {
            "verdict-error"
        } else {
            "verdict-warning"
        }
    } else if nothing {
        "verdict-nothing"
    } else {
        "verdict-ok"
    };
    html! {
        <div class="findings-panel">
            <p class={classes!("verdict", class)} role="status" aria-live="polite" id="verdict">
                { if !p.current { "Vérification en cours…".to_string() } else { count.clone() } }
            </p>
            if all_clear && p.current {
                <p class={classes!("all-clear", nothing.then_some("nothing"))}>
                    { match p.verdict.kind {
                        VerdictKind::NothingToCheck => {
                            let why = p.verdict.message.trim_start_matches("Rien à vérifier : ");
                            let mut c = why.chars();
                            c.next().map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect()).unwrap_or_default()
                        }
                        _ => format!(
                            "Vérifié : {}. Ces éléments sont cohérents entre eux ; seul ce que le texte indique a pu être vérifié.",
                            p.verdict.checked.join(", ")
                        ),
                    } }
                </p>
            }
            { for groups }
        </div>
    }
}

fn item(p: &FindingsProps, i: usize, s: &Shown) -> Html {
    let f = &s.finding;
    let open = p.selected == Some(i);
    let onclick = {
        let cb = p.on_select.clone();
        Callback::from(move |_| cb.emit(i))
    };
    let doc = rule_by_code(f.rule).map(|r| r.meta());
    html! {
        <li class={classes!("finding", format!("finding-{}", f.severity.code()), open.then_some("finding-open"))} id={format!("constat-{i}")}>
            <button type="button" class="finding-head" aria-expanded={open.to_string()} aria-controls={format!("detail-{i}")} {onclick}>
                <span class="sev" aria-hidden="true">{ icon(f.severity) }</span>
                <span class="sev-label">{ label(f.severity) }</span>
                <code class="rule">{ f.rule }</code>
                <span class="msg">{ &f.message }</span>
            </button>
            if open {
                <div class="finding-detail" id={format!("detail-{i}")}>
                    <p><strong>{ "Base légale : " }</strong>{ f.legal_basis }</p>
                    if f.asks_population {
                        <p><button type="button" class="btn btn-small ask-population" onclick={Callback::from(|e: MouseEvent| super::super::open_population_option(&e.target_unchecked_into()))}>{ "Indiquer la population de la commune" }</button></p>
                    }
                    if let Some(m) = doc {
                        <p><strong>{ m.title }</strong>{ " — catégorie " }{ m.category.label() }</p>
                        { super::rules::rule_doc(m) }
                    }
                </div>
            }
        </li>
    }
}
