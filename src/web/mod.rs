//! Web shell (wasm32 only): a thin Yew page over the engine.

pub mod app;
pub mod components;
pub mod files;
pub mod state;

use crate::report::Report;
use state::UserOptions;
use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Options remembered in this browser (four plain keys; the text is never stored there).
pub fn load_options() -> UserOptions {
    let Some(s) = storage() else {
        return UserOptions::default();
    };
    let get = |k: &str| s.get_item(k).ok().flatten().filter(|v| !v.is_empty());
    UserOptions {
        body: get("conforme.body").filter(|b| crate::model::BodyKind::from_code(b).is_some()),
        population: get("conforme.population").and_then(|p| p.parse().ok()),
        show_info: get("conforme.info").as_deref() == Some("1"),
        forget_text: get("conforme.forget").as_deref() == Some("1"),
        print_without_text: get("conforme.print-no-text").as_deref() == Some("1"),
        coll_siret: get("conforme.scdl.siret").unwrap_or_default(),
        coll_nom: get("conforme.scdl.nom").unwrap_or_default(),
        url_pattern: get("conforme.scdl.url").unwrap_or_default(),
    }
}

/// This tab's own storage: it survives a reload and is gone when the tab closes.
fn session() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

const TEXT_KEY: &str = "conforme.text";
/// Texts longer than this (bytes) are not kept: the tab's storage holds a few MB at most, and
/// writing several MB after each check would slow the page down.
const KEEP_MAX: usize = 1_000_000;

/// The text this tab was checking before a reload, unless the user turned that off.
pub fn load_text(o: &UserOptions) -> Option<String> {
    if o.forget_text {
        return None;
    }
    session()?.get_item(TEXT_KEY).ok().flatten()
}

/// Keeps the text in this tab's storage (or forgets it). A text over 1 MB, or too large for
/// the storage, is not kept.
pub fn save_text(o: &UserOptions, text: &str) {
    let Some(s) = session() else { return };
    if o.forget_text || text.len() > KEEP_MAX || s.set_item(TEXT_KEY, text).is_err() {
        let _ = s.remove_item(TEXT_KEY);
    }
}

pub fn save_options(o: &UserOptions) {
    if let Some(s) = storage() {
        let _ = s.set_item("conforme.body", o.body.as_deref().unwrap_or(""));
        let _ = s.set_item(
            "conforme.population",
            &o.population.map(|p| p.to_string()).unwrap_or_default(),
        );
        let _ = s.set_item("conforme.info", if o.show_info { "1" } else { "0" });
        let _ = s.set_item("conforme.forget", if o.forget_text { "1" } else { "0" });
        let _ = s.set_item(
            "conforme.print-no-text",
            if o.print_without_text { "1" } else { "0" },
        );
        let _ = s.set_item("conforme.scdl.siret", &o.coll_siret);
        let _ = s.set_item("conforme.scdl.nom", &o.coll_nom);
        let _ = s.set_item("conforme.scdl.url", &o.url_pattern);
    }
}

/// Offers a file to download (no network: a blob URL).
pub fn download(content: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A CSV cell; formulas are neutralised (a leading = + - @ is prefixed with a quote).
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Opens the options on the population field (a finding that the population would settle
/// offers it), within the page the clicked element belongs to (an embedding included).
pub fn open_population_option(from: &web_sys::Element) {
    if let Some(d) = in_app(from, "details.options") {
        let _ = d.set_attribute("open", "");
    }
    if let Some(input) =
        in_app(from, "#opt-pop").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
        input.scroll_into_view_with_bool(false);
    }
}

/// An element of the page `from` belongs to, found from that page's root (works inside an
/// embedding's shadow root, where the document's lookups do not).
pub fn in_app(from: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    from.closest(".app")
        .ok()
        .flatten()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// A file's bytes as text, or the French message that says why it is not read. The
/// browser's own `TextDecoder` decodes (no decoder shipped in the wasm).
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<(String, String), String> {
    use crate::decode::{sniff, Sniffed};
    let sniffed = sniff(bytes);
    let label = match sniffed {
        Sniffed::Refused(why) => return Err(why.message(name, true)),
        other => other.label().unwrap_or("utf-8"),
    };
    let text = web_sys::TextDecoder::new_with_label(label)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .map_err(|_| {
            format!("Le fichier « {name} » n'a pas pu être décodé. Le texte déjà saisi n'a pas été modifié.")
        })?;
    let how = match sniffed {
        Sniffed::Utf16Le | Sniffed::Utf16Be => " (encodé en UTF-16)",
        Sniffed::Windows1252 => " (encodé en Windows-1252 / ISO-8859-1)",
        _ => "",
    };
    Ok((text, format!("Fichier « {name} » chargé{how}.")))
}

/// The findings as CSV for a spreadsheet: a UTF-8 byte-order mark (so that accents open
/// right), French headers and values, line and column in characters; a document without
/// findings gets one row that gives the verdict.
pub fn csv(input: &str, report: &Report) -> String {
    let mut out = String::from(
        "\u{FEFF}extrait;gravité;règle;catégorie;message;base légale;ligne;colonne;octet de début;octet de fin\r\n",
    );
    let row = |out: &mut String, cells: &[String]| {
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(";"),
        );
        out.push_str("\r\n");
    };
    let lines = crate::text::Lines::new(input);
    let mut any = false;
    for (k, e) in report.extracts.iter().enumerate() {
        for f in &e.findings {
            any = true;
            let sp = f.spans.first().copied().unwrap_or_default();
            let (line, col) = lines.line_col(sp.start);
            row(
                &mut out,
                &[
                    (k + 1).to_string(),
                    f.severity.label().to_string(),
                    f.rule.to_string(),
                    f.category.label().to_string(),
                    f.message.clone(),
                    f.legal_basis.to_string(),
                    line.to_string(),
                    col.to_string(),
                    sp.start.to_string(),
                    sp.end.to_string(),
                ],
            );
        }
    }
    if !any {
        let mut cells = vec![String::new(); 10];
        cells[1] = "aucun constat".to_string();
        cells[4] = report.verdict.message.clone();
        row(&mut out, &cells);
    }
    out
}

/// Test hook for the end-to-end tests: makes the module panic, to prove the page then shows
/// its French message and keeps the user's text.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __conformeTestPanic)]
pub fn test_panic() {
    panic!("panne simulée pour les tests");
}

/// Shows a French message if anything goes wrong; the user's text stays in the page.
fn install_panic_hook() {
    // Yew's renderer installs its own hook unless given one: give it ours.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(el) = gloo::utils::document().get_element_by_id("conforme-erreur") {
            el.set_text_content(Some(
                "Conforme a rencontré une erreur interne et s'est arrêté. Votre texte est toujours dans la zone de saisie : copiez-le, puis rechargez la page.",
            ));
            let _ = el.remove_attribute("hidden");
        }
    }));
}

/// Page entry point: mounts the page into `#conforme` when the page has one
/// (an intranet page that embeds Conforme calls [`mount_app`] instead).
pub fn start() {
    install_panic_hook();
    if let Some(root) = gloo::utils::document().get_element_by_id("conforme") {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

/// Embedding API: renders the whole page inside `root` (Yew clears it first, so a page
/// saved with its rendered DOM reopens with exactly one app).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountApp)]
pub fn mount_app(root: web_sys::Element) {
    install_panic_hook();
    yew::Renderer::<app::App>::with_root(root).render();
}

/// Embedding API: the contract's JSON report for `text` (the same bytes as the CLI's
/// `--format json`, without the trailing newline). `body` is a body-kind code or empty;
/// `population` is 0 when unknown.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = checkJson)]
pub fn check_json(text: &str, body: &str, population: u32) -> String {
    let opts = crate::Options {
        body: crate::model::BodyKind::from_code(body),
        population: (population > 0).then_some(population),
        show_info: true,
    };
    crate::check(text, &opts).to_json()
}
