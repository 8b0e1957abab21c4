//! The page: toolbar, options, the extract with its marks, findings, summary, rules.

use super::components::editor::Editor;
use super::components::files::FileList;
use super::components::findings::{count_line, Findings};
use super::components::rules::RulesView;
use super::components::scdl::ScdlView;
use super::components::summary::Summary;
use super::state::{
    utf16_index, Action, State, UserOptions, View, EXAMPLE_NOTICE, EXAMPLE_SOURCE, REFERENCE,
};
use super::{download, load_options, save_options};
use crate::model::BodyKind;
use crate::rules::Severity;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The report of the text in the textarea (the one on screen unless edits are pending).
fn current_report(state: &State) -> Rc<crate::report::Report> {
    if state.is_current() && !state.dirty {
        state.report.clone()
    } else {
        Rc::new(crate::check(&state.text, &state.options.engine()))
    }
}

/// The served page (not the single file, not an embedding) offers the offline file.
fn served_variant() -> bool {
    gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute("data-variant"))
        .as_deref()
        == Some("served")
}

/// Texts up to this size are checked on every keystroke; longer ones after a pause.
const INSTANT_LIMIT: usize = 60_000;

/// The typing pause after which a long text is read and checked: 400 ms up to 1 MB, then
/// 250 ms more per MB. In a very long text the browser's own work per keystroke grows (about
/// 330 ms at 5 MB in headless Chromium) and eats into a pause counted from the keystroke, while
/// the check it would start blocks the page longer (about 0.2 ms per KB): the pause grows so
/// that only a real stop in typing starts it.
fn typing_pause_ms(len: usize) -> u32 {
    let extra = len.saturating_sub(1_000_000) / 4_000;
    400 + u32::try_from(extra).unwrap_or(u32::MAX - 400).min(5_000)
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let options = load_options();
        let kept = super::load_text(&options);
        // a text kept across a reload is the user's: replacing it asks first
        let typed = kept
            .as_deref()
            .is_some_and(|t| t != REFERENCE && !t.trim().is_empty());
        let mut s = State::with(kept.unwrap_or_else(|| REFERENCE.to_string()), options);
        s.typed = typed;
        s
    });
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // Set when a finding is chosen from the list or by F8: the caret then moves to its mark.
    let jump = use_mut_ref(|| false);
    let shown = use_memo((state.report.clone(), state.options.show_info), |_| {
        state.visible()
    });

    // Move the selection to the chosen finding's mark.
    {
        let state = state.clone();
        let textarea = textarea.clone();
        let backdrop = backdrop.clone();
        let jump = jump.clone();
        let shown = shown.clone();
        use_effect_with(state.selected, move |sel| {
            if let Some(i) = *sel {
                // Look the item up from the app's own root (works inside a shadow root too).
                let item = textarea
                    .cast::<web_sys::Element>()
                    .and_then(|ta| super::in_app(&ta, &format!("#constat-{i}")));
                if let Some(item) = item {
                    item.scroll_into_view_with_bool(false);
                }
                if std::mem::take(&mut *jump.borrow_mut()) {
                    if let (Some(ta), Some(s)) =
                        (textarea.cast::<HtmlTextAreaElement>(), shown.get(i))
                    {
                        if let Some(sp) = s.finding.spans.first() {
                            let (a, b) = (
                                utf16_index(&state.text, sp.start),
                                utf16_index(&state.text, sp.end),
                            );
                            // the words are selected and marked, but the focus stays on
                            // the finding: a keystroke there (Enter) cannot replace them
                            let _ = ta.set_selection_range(a, b);
                            if let Some(m) = backdrop
                                .cast::<web_sys::Element>()
                                .and_then(|b| b.query_selector("#mark-active").ok().flatten())
                                .and_then(|m| m.dyn_into::<HtmlElement>().ok())
                            {
                                let top = m.offset_top() - ta.client_height() / 3;
                                ta.set_scroll_top(top.max(0));
                            }
                        }
                    }
                }
            }
            || ()
        });
    }

    // A replacement waiting for a yes takes the focus (the keyboard user answers at once).
    {
        let textarea = textarea.clone();
        use_effect_with(state.pending.is_some(), move |pending| {
            if *pending {
                if let Some(b) = textarea
                    .cast::<web_sys::Element>()
                    .and_then(|ta| super::in_app(&ta, "#confirm-yes"))
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            }
            || ()
        });
    }

    // The text read last is kept in this tab's storage, to survive a reload (not the
    // reference example, which comes back by itself).
    {
        use_effect_with(
            (state.checked.clone(), state.options.clone()),
            move |(text, options)| {
                // the reference example comes back by itself: nothing to keep
                let keep = UserOptions {
                    forget_text: options.forget_text || **text == REFERENCE,
                    ..options.clone()
                };
                super::save_text(&keep, text);
                || ()
            },
        );
    }

    // F8 / Shift+F8: next / previous finding. Escape closes what is open.
    {
        let dispatcher = state.dispatcher();
        let jump = jump.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                match e.key().as_str() {
                    "F8" => {
                        e.prevent_default();
                        *jump.borrow_mut() = true;
                        dispatcher.dispatch(if e.shift_key() {
                            Action::Previous
                        } else {
                            Action::Next
                        });
                    }
                    "Escape" => {
                        dispatcher.dispatch(Action::Select(None));
                        dispatcher.dispatch(Action::Show(View::Results));
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    let on_input = {
        let state = state.clone();
        let timer = timer.clone();
        let textarea = textarea.clone();
        Callback::from(move |()| {
            let Some(ta) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if state.text.len() <= INSTANT_LIMIT {
                // small text: read and check on every keystroke
                let text = ta.value();
                let small = text.len() <= INSTANT_LIMIT;
                state.dispatch(Action::Edit(text));
                if small {
                    state.dispatch(Action::Recheck);
                    return;
                }
            } else {
                // large text: nothing is read while typing; marks are hidden until a pause
                state.dispatch(Action::Dirty);
            }
            let d = state.dispatcher();
            let delay = typing_pause_ms(state.text.len());
            let textarea = textarea.clone();
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                if let Some(ta) = textarea.cast::<HtmlTextAreaElement>() {
                    d.dispatch(Action::Edit(ta.value()));
                    d.dispatch(Action::Recheck);
                }
            }));
        })
    };
    let on_caret = {
        let state = state.clone();
        let shown = shown.clone();
        Callback::from(move |byte: usize| {
            if state.is_current() && !state.dirty {
                if let Some(i) = State::finding_at(&shown, byte) {
                    if state.selected != Some(i) {
                        state.dispatch(Action::Select(Some(i)));
                    }
                }
            }
        })
    };
    let on_select = {
        let state = state.clone();
        let jump = jump.clone();
        Callback::from(move |i: usize| {
            if state.selected == Some(i) {
                state.dispatch(Action::Select(None));
            } else {
                *jump.borrow_mut() = true;
                state.dispatch(Action::Select(Some(i)));
            }
        })
    };
    // One file replaces the text (asking first if the user typed it); several are listed,
    // each with its counts, and read one after the other.
    let on_files = {
        let state = state.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let d = state.dispatcher();
            if files.len() > 1 {
                d.dispatch(Action::Batch(files.len()));
                d.dispatch(Action::Show(View::Results));
            }
            let batch = files.len() > 1;
            wasm_bindgen_futures::spawn_local(async move {
                for f in files {
                    let name = f.name();
                    let read = super::files::read(f).await;
                    if batch {
                        d.dispatch(Action::FileDone(name, read.map(|(t, _)| t)));
                    } else {
                        match read {
                            Ok((text, notice)) => d.dispatch(Action::Replace(text, notice)),
                            Err(message) => d.dispatch(Action::Notice(Some(message))),
                        }
                    }
                }
            });
        })
    };
    let on_file_input = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_files.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
            input.set_value("");
        })
    };
    let load_example = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Replace(
                REFERENCE.to_string(),
                EXAMPLE_NOTICE.to_string(),
            ))
        })
    };
    let clear = {
        let state = state.clone();
        let textarea = textarea.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Load(String::new()));
            if let Some(ta) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = ta.focus();
            }
        })
    };
    let confirm = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Confirm))
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Cancel))
    };
    let undo = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Undo))
    };
    let undo_click = {
        let undo = undo.clone();
        Callback::from(move |_: MouseEvent| undo.emit(()))
    };
    let set_options = {
        let state = state.clone();
        Callback::from(move |o: UserOptions| {
            save_options(&o);
            state.dispatch(Action::SetOptions(o));
        })
    };
    let on_body = {
        let set = set_options.clone();
        let opts = state.options.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            set.emit(UserOptions {
                body: if v.is_empty() { None } else { Some(v) },
                ..opts.clone()
            });
        })
    };
    let on_population = {
        let set = set_options.clone();
        let opts = state.options.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value().replace([' ', '\u{a0}', '\u{202f}', '.'], "");
            set.emit(UserOptions {
                population: v.parse().ok(),
                ..opts.clone()
            });
        })
    };
    // a checkbox of the options: its state written into one field
    let checkbox = |apply: fn(&mut UserOptions, bool)| {
        let set = set_options.clone();
        let opts = state.options.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut o = opts.clone();
            apply(&mut o, input.checked());
            set.emit(o);
        })
    };
    let on_info = checkbox(|o, on| o.show_info = on);
    let on_keep = checkbox(|o, on| o.forget_text = !on);
    let on_print_text = checkbox(|o, on| o.print_without_text = !on);
    let export_json = {
        let state = state.clone();
        Callback::from(move |_| {
            let report = current_report(&state);
            download(
                &(report.to_json() + "\n"),
                "application/json",
                "conforme-rapport.json",
            );
        })
    };
    let export_csv = {
        let state = state.clone();
        Callback::from(move |_| {
            let report = current_report(&state);
            download(
                &super::csv(&state.text, &report),
                "text/csv;charset=utf-8",
                "conforme-constats.csv",
            );
        })
    };
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    // the fiche says when the text was checked (this render's time: printing from the
    // browser's menu gets it too)
    let checked_at = js_sys::Date::new_0()
        .to_locale_string("fr-FR", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    let show_rules = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Show(View::Rules)))
    };
    let show_scdl = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Show(View::Scdl)))
    };
    let close_rules = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Show(View::Results)))
    };

    // what detection alone says (the report keeps it beside the kind the user chose)
    let detected = state
        .report
        .extracts
        .first()
        .map(|e| e.body.detected)
        .unwrap_or_default();
    let errors = shown
        .iter()
        .filter(|s| s.finding.severity == Severity::Error)
        .count();
    // the open-data export covers every file of a batch, else the text
    let scdl_reports = Rc::new(if state.files.is_empty() {
        vec![("texte".to_string(), state.report.clone())]
    } else {
        state
            .files
            .iter()
            .filter_map(|f| {
                f.read
                    .as_ref()
                    .ok()
                    .map(|(_, r)| (f.name.clone(), r.clone()))
            })
            .collect()
    });
    let open_file = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::OpenFile(i)))
    };
    let close_files = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::CloseFiles))
    };
    let title_count = count_line(&shown, state.options.show_info, &state.report.verdict);
    let current = state.is_current();

    html! {
        <div class={classes!("app", state.options.print_without_text.then_some("print-no-text"))}>
            <div class="fiche-head print-only">
                <p class="fiche-title">{ "Fiche de vérification" }</p>
                <p>{ format!("Vérifiée par Conforme {} le {}. {}", env!("CARGO_PKG_VERSION"), checked_at, state.report.verdict.message) }</p>
                <p>{ "Les numéros des constats renvoient aux repères numérotés dans le texte." }</p>
            </div>
            <header class="top" role="banner">
                <div class="brand">
                    <h1>{ "Conforme" }</h1>
                    <p class="tagline">{ "Vérification des extraits de délibérations : présence, quorum, procurations, votes, montants, dates." }</p>
                </div>
                <nav class="toolbar" aria-label="Actions">
                    <div class="toolbar-group">
                        <button type="button" class="btn" onclick={load_example}>{ "Exemple" }</button>
                        <label class="btn file-btn">
                            { "Ouvrir un fichier…" }
                            <input type="file" multiple=true accept=".txt,.docx,.odt,text/plain" class="visually-hidden" onchange={on_file_input} />
                        </label>
                        <button type="button" class="btn" onclick={clear}>{ "Effacer" }</button>
                        <button type="button" class="btn" onclick={show_rules} aria-pressed={(state.view == View::Rules).to_string()}>{ "Règles" }</button>
                    </div>
                    <div class="toolbar-group toolbar-secondary" role="group" aria-label="Exporter et imprimer">
                        <button type="button" class="btn" onclick={export_json}>{ "Exporter JSON" }</button>
                        <button type="button" class="btn" onclick={export_csv}>{ "Exporter CSV" }</button>
                        <button type="button" class="btn" onclick={show_scdl} aria-pressed={(state.view == View::Scdl).to_string()}>{ "Données ouvertes (SCDL)" }</button>
                        <button type="button" class="btn" onclick={print}>{ "Imprimer la fiche" }</button>
                        if served_variant() {
                            <a class="btn" href="conforme.html" download="conforme.html">{ "Télécharger pour usage hors ligne" }</a>
                        }
                    </div>
                </nav>
            </header>
            <main class="layout" id="contenu">
                <section class="pane pane-text" aria-labelledby="titre-extrait">
                    <div class="pane-head">
                        <h2 id="titre-extrait"><label for="extrait">{ "Extrait à vérifier" }</label></h2>
                        <p id="aide-saisie" class="hint">{ "Collez ou tapez le texte, ou déposez des fichiers (.txt, .docx, .odt) : la vérification est immédiate. F8 / Maj+F8 : constat suivant / précédent." }</p>
                        <p class="verdict-mini" aria-hidden="true">{ &title_count }</p>
                        if *state.text == REFERENCE {
                            <p class="example-label">{ "Exemple : " }{ EXAMPLE_SOURCE }{ ". Remplacez-le par votre texte." }</p>
                        }
                    </div>
                    if let Some(p) = &state.pending {
                        <div class="confirm" role="alertdialog" aria-labelledby="confirm-q">
                            <p id="confirm-q">{ format!("Remplacer le texte saisi ({}) ? Il pourra être rétabli avec Ctrl+Z.", crate::rules::plural(state.text.chars().count(), "caractère", "caractères")) }</p>
                            <p class="hint">{ &p.1 }</p>
                            <button type="button" class="btn btn-primary" id="confirm-yes" onclick={confirm}>{ "Remplacer" }</button>
                            <button type="button" class="btn" onclick={cancel}>{ "Garder mon texte" }</button>
                        </div>
                    }
                    <Editor
                        text={state.text.clone()}
                        current={current}
                        shown={shown.clone()}
                        selected={state.selected}
                        dirty={state.dirty}
                        load_gen={state.load_gen}
                        textarea={textarea.clone()}
                        backdrop={backdrop.clone()}
                        on_input={on_input}
                        on_caret={on_caret}
                        on_files={on_files}
                        can_undo={state.previous.is_some() && !state.typed}
                        on_undo={undo}
                    />
                    <details class="options">
                        <summary>{ "Options" }</summary>
                        <div class="options-grid">
                            <label for="opt-body">{ "Assemblée" }</label>
                            <select id="opt-body" onchange={on_body}>
                                <option value="" selected={state.options.body.is_none()}>{ format!("Détectée : {}", detected.label()) }</option>
                                { for BodyKind::ALL.iter().filter(|k| **k != BodyKind::Unknown).map(|k| html! {
                                    <option value={k.code()} selected={state.options.body.as_deref() == Some(k.code())}>{ k.label() }</option>
                                }) }
                            </select>
                            <label for="opt-pop">{ "Population de la commune" }</label>
                            <input id="opt-pop" type="text" inputmode="numeric" placeholder="ex. 12 400"
                                   value={state.options.population.map(|p| p.to_string()).unwrap_or_default()}
                                   oninput={on_population} aria-describedby="aide-pop" />
                            <p id="aide-pop" class="hint">{ "Délai de convocation (3 ou 5 jours francs) et effectif légal en dépendent." }</p>
                            <span></span>
                            <label class="check"><input type="checkbox" checked={state.options.show_info} onchange={on_info} />{ " Afficher les informations" }</label>
                            <span></span>
                            <label class="check"><input id="opt-keep" type="checkbox" checked={!state.options.forget_text} onchange={on_keep} />{ " Garder le texte si la page est rechargée (dans cet onglet seulement, effacé à sa fermeture)" }</label>
                            <span></span>
                            <label class="check"><input id="opt-print-text" type="checkbox" checked={!state.options.print_without_text} onchange={on_print_text} />{ " Imprimer le texte avec la fiche de vérification" }</label>
                        </div>
                    </details>
                </section>
                <section class="pane pane-results" aria-labelledby="titre-constats">
                    if state.view == View::Rules {
                        <RulesView on_close={close_rules} />
                    } else if state.view == View::Scdl {
                        <ScdlView reports={scdl_reports} options={state.options.clone()} on_options={set_options.clone()} on_close={close_rules.clone()} />
                    } else {
                        if !state.files.is_empty() || state.reading.is_some() {
                            <FileList files={state.files.clone()} reading={state.reading} text={state.text.clone()} on_open={open_file} on_close={close_files} />
                        }
                        <h2 id="titre-constats">{ "Constats" }<span class="visually-hidden">{ format!(" : {title_count}") }</span></h2>
                        if let Some(n) = &state.notice {
                            <p class="notice" role="status">{ n }
                                if state.previous.is_some() && !state.typed {
                                    { " " }<button type="button" class="btn btn-link" onclick={undo_click}>{ "Rétablir le texte précédent" }</button>
                                }
                            </p>
                        }
                        <Findings shown={shown.clone()} selected={state.selected} current={current}
                                  show_info={state.options.show_info} verdict={state.report.verdict.clone()}
                                  on_select={on_select.clone()} />
                        <Summary report={state.report.clone()} shown={shown.clone()} on_select={on_select} />
                    }
                </section>
            </main>
            <footer class="foot">
                <p>{ "Tout est calculé dans votre navigateur : le texte n'est envoyé nulle part ; il n'est gardé que dans la mémoire de cet onglet, pour survivre à un rechargement (option). " }
                   { if errors > 0 { "Chaque erreur cite les nombres comparés et sa base légale." } else { "" } }</p>
            </footer>
        </div>
    }
}
