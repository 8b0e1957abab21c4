//! The open-data export (SCDL "délibérations"): what the text gives, what the user supplies,
//! the required cells still empty per deliberation, and the CSV.

use crate::report::Report;
use crate::scdl::{self, Row, ScdlOptions, SUBJECTS};
use crate::web::state::UserOptions;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScdlProps {
    /// The reports to export: (file name, report), the current text's when no file list.
    pub reports: Rc<Vec<(String, Rc<Report>)>>,
    pub options: UserOptions,
    pub on_options: Callback<UserOptions>,
    pub on_close: Callback<()>,
}

/// What the user fills for one row.
#[derive(Clone, Default, PartialEq)]
struct Edit {
    matiere: String,
    id: String,
    date: String,
    objet: String,
}

/// The rows with the user's options and edits applied.
fn rows(reports: &[(String, Rc<Report>)], o: &UserOptions, edits: &[Edit]) -> Vec<(String, Row)> {
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let opts = ScdlOptions {
        coll_siret: nonempty(&o.coll_siret),
        coll_nom: nonempty(&o.coll_nom),
        matiere: None,
        url: nonempty(&o.url_pattern),
    };
    let mut out = Vec::new();
    for (name, r) in reports {
        for row in scdl::rows(r, &opts) {
            out.push((name.clone(), row));
        }
    }
    for ((_, row), e) in out.iter_mut().zip(edits) {
        if let Some(n) = scdl::subject_name(&e.matiere) {
            scdl::set(row, "DELIB_MATIERE_CODE", e.matiere.clone());
            scdl::set(row, "DELIB_MATIERE_NOM", n.to_string());
        }
        for (col, v) in [
            ("DELIB_ID", &e.id),
            ("DELIB_DATE", &e.date),
            ("DELIB_OBJET", &e.objet),
        ] {
            if let Some(v) = nonempty(v) {
                scdl::set(row, col, v);
            }
        }
        if let (Some(u), id) = (
            nonempty(&o.url_pattern),
            scdl::get(row, "DELIB_ID").to_string(),
        ) {
            if !id.is_empty() {
                scdl::set(row, "DELIB_URL", u.replace("{id}", &id));
            }
        }
    }
    out
}

#[function_component(ScdlView)]
pub fn scdl_view(p: &ScdlProps) -> Html {
    let count: usize = p.reports.iter().map(|(_, r)| r.extracts.len()).sum();
    let edits = use_state(|| vec![Edit::default(); count]);
    if edits.len() != count {
        edits.set(vec![Edit::default(); count]);
    }
    let all = rows(&p.reports, &p.options, &edits);
    let only: Vec<Row> = all.iter().map(|(_, r)| r.clone()).collect();
    let missing = scdl::missing(&only);
    let close = {
        let cb = p.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let field = |set: fn(&mut UserOptions, String)| {
        let cb = p.on_options.clone();
        let o = p.options.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut o = o.clone();
            set(&mut o, input.value());
            cb.emit(o);
        })
    };
    let on_siret = field(|o, v| o.coll_siret = v);
    let on_nom = field(|o, v| o.coll_nom = v);
    let on_url = field(|o, v| o.url_pattern = v);
    let edit = |k: usize, which: fn(&mut Edit, String)| {
        let edits = edits.clone();
        move |v: String| {
            let mut e = (*edits).clone();
            if let Some(x) = e.get_mut(k) {
                which(x, v);
            }
            edits.set(e);
        }
    };
    let download = {
        let only = only.clone();
        Callback::from(move |_| {
            super::super::download(
                &scdl::csv(&only),
                "text/csv;charset=utf-8",
                "deliberations-scdl.csv",
            );
        })
    };
    let siret_ok = p.options.coll_siret.trim().is_empty()
        || (p
            .options
            .coll_siret
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            == 14
            && p.options
                .coll_siret
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace()));
    html! {
        <section class="scdl-view" aria-labelledby="titre-scdl">
            <div class="rules-head">
                <h2 id="titre-scdl">{ "Données ouvertes (SCDL délibérations)" }</h2>
                <button type="button" class="btn" onclick={close}>{ "Retour aux résultats" }</button>
            </div>
            <p class="hint">{ "Une ligne par délibération, au modèle SCDL 2.1.5 contrôlé par Validata. Une case n'est remplie que d'une lecture sûre ; le reste vient de vous et reste dans ce navigateur." }</p>
            <div class="options-grid">
                <label for="scdl-siret">{ "SIRET de la collectivité" }</label>
                <input id="scdl-siret" type="text" inputmode="numeric" value={p.options.coll_siret.clone()} oninput={on_siret} aria-invalid={(!siret_ok).to_string()} />
                <label for="scdl-nom">{ "Nom officiel (sinon lu dans le titre)" }</label>
                <input id="scdl-nom" type="text" value={p.options.coll_nom.clone()} oninput={on_nom} />
                <label for="scdl-url">{ "Adresse des délibérations ({id} : numéro)" }</label>
                <input id="scdl-url" type="text" placeholder="https://www.exemple.fr/deliberations/{id}.pdf" value={p.options.url_pattern.clone()} oninput={on_url} />
            </div>
            if !siret_ok { <p class="notice" role="alert">{ "Le SIRET compte 14 chiffres." }</p> }
            <div class="table-wrap" tabindex="0" role="region" aria-label="Délibérations exportées">
            <table class="summary scdl-rows">
                <thead><tr><th scope="col">{ "Délibération" }</th><th scope="col">{ "Matière ACTES" }</th><th scope="col">{ "Cases obligatoires vides" }</th></tr></thead>
                <tbody>
                { for all.iter().enumerate().map(|(k, (file, row))| {
                    let lacking: Vec<&str> = missing.iter().filter(|m| m.0 == k + 1).map(|m| m.1).collect();
                    let objet = scdl::get(row, "DELIB_OBJET").to_string();
                    let suggestion = scdl::suggest_subject(&objet);
                    let chosen = edits.get(k).map(|e| e.matiere.clone()).unwrap_or_default();
                    let on_subject = {
                        let f = edit(k, |e, v| e.matiere = v);
                        Callback::from(move |e: Event| {
                            let sel: HtmlSelectElement = e.target_unchecked_into();
                            f(sel.value());
                        })
                    };
                    let accept = suggestion.filter(|_| chosen.is_empty()).map(|(code, name)| {
                        let f = edit(k, |e, v| e.matiere = v);
                        html! { <button type="button" class="btn-link suggest" onclick={Callback::from(move |_| f(code.to_string()))}>{ format!("Retenir la suggestion {code} {name}") }</button> }
                    });
                    let input = |col: &'static str, label: &'static str, which: fn(&mut Edit, String)| -> Html {
                        if !lacking.contains(&col) { return html! {}; }
                        let f = edit(k, which);
                        html! {
                            <label class="scdl-fill">{ label }
                                <input type="text" oninput={Callback::from(move |e: InputEvent| { let i: HtmlInputElement = e.target_unchecked_into(); f(i.value()); })} />
                            </label>
                        }
                    };
                    html! {
                        <tr class={classes!((!lacking.is_empty()).then_some("row-unverified"))}>
                            <th scope="row">
                                <span class="scdl-id">{ format!("{} · {}", scdl::get(row, "DELIB_ID"), scdl::get(row, "DELIB_DATE")) }</span>
                                <span class="caption-item">{ if objet.is_empty() { "objet non lu".to_string() } else { objet.clone() } }</span>
                                if p.reports.len() > 1 { <span class="caption-item">{ file.clone() }</span> }
                                { input("DELIB_ID", "Numéro", |e, v| e.id = v) }
                                { input("DELIB_DATE", "Date (AAAA-MM-JJ)", |e, v| e.date = v) }
                                { input("DELIB_OBJET", "Objet", |e, v| e.objet = v) }
                            </th>
                            <td>
                                <select aria-label="Matière ACTES" onchange={on_subject}>
                                    <option value="" selected={chosen.is_empty()}>{ "— choisir —" }</option>
                                    { for SUBJECTS.iter().map(|(c, n)| html! { <option value={*c} selected={chosen == *c}>{ format!("{c} {n}") }</option> }) }
                                </select>
                                { for accept }
                            </td>
                            <td>{ if lacking.is_empty() { "aucune".to_string() } else { lacking.join(", ") } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <p>
                <button type="button" class="btn btn-primary" onclick={download}>{ "Télécharger le CSV SCDL" }</button>
                { " " }
                if missing.is_empty() {
                    <span class="scdl-ok">{ crate::rules::plural(only.len(), "ligne complète", "lignes complètes") }</span>
                } else {
                    <span class="scdl-missing">{ format!("{} : le fichier ne passera pas Validata tant qu'elles sont vides.", crate::rules::plural(missing.len(), "case obligatoire vide", "cases obligatoires vides")) }</span>
                }
            </p>
        </section>
    }
}
