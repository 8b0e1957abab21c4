//! The rule reference, rendered from the engine's registry.

use crate::rules::{RuleMeta, REGISTRY};
use yew::prelude::*;

/// A rule's documentation in its fixed sections (used by the findings and the rule list).
pub fn rule_doc(m: &RuleMeta) -> Html {
    html! {
        <>
            <h4>{ "Ce que vérifie la règle" }</h4><p>{ m.doc.what }</p>
            <h4>{ "Pourquoi" }</h4><p>{ m.doc.why }</p>
            <h4>{ "Base légale" }</h4><p>{ m.doc.legal }</p>
            <h4>{ "Exemple" }</h4><p><code>{ m.doc.example.replace('`', "") }</code></p>
            <h4>{ "Faux positifs connus" }</h4><p>{ m.doc.false_positives }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RulesProps {
    pub on_close: Callback<()>,
}

#[function_component(RulesView)]
pub fn rules_view(p: &RulesProps) -> Html {
    let close = {
        let cb = p.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="rules-view" aria-labelledby="titre-regles">
            <div class="rules-head">
                <h2 id="titre-regles">{ format!("Règles vérifiées ({})", REGISTRY.len()) }</h2>
                <button type="button" class="btn" onclick={close}>{ "Retour aux résultats" }</button>
            </div>
            <p>{ "Chaque constat porte le code de sa règle. Une erreur signale des nombres qui ne peuvent pas être justes ensemble ou une règle clairement enfreinte ; un avertissement, un problème probable qui dépend de ce que le texte ne dit pas ; une information, un point à connaître." }</p>
            <table class="rules-table">
                <thead><tr><th scope="col">{ "Code" }</th><th scope="col">{ "Catégorie" }</th><th scope="col">{ "Gravité par défaut" }</th><th scope="col">{ "Règle" }</th></tr></thead>
                <tbody>
                { for REGISTRY.iter().map(|r| {
                    let m = r.meta();
                    html! {
                        <tr>
                            <td><code>{ m.code }</code></td>
                            <td>{ m.category.label() }</td>
                            <td>{ m.severity.label() }</td>
                            <td>
                                <details>
                                    <summary>{ m.title }</summary>
                                    { rule_doc(m) }
                                </details>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
