//! Browser tests of the page's components (wasm-bindgen-test, run in Chromium and Firefox ESR).
#![cfg(all(target_arch = "wasm32", feature = "web"))]

#[path = "support/encodings.rs"]
mod encodings;

use conforme::web::components::findings::{Findings, FindingsProps};
use conforme::web::state::{Shown, REFERENCE};
use gloo_timers::future::TimeoutFuture;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

fn text_of(root: &Element, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn textarea(root: &Element) -> HtmlTextAreaElement {
    root.query_selector("#extrait")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// The whole page mounted in a fresh element, rendered.
async fn mounted_page() -> Element {
    let root = fresh_root();
    conforme::web::mount_app(root.clone());
    settle().await;
    root
}

fn set_text(root: &Element, text: &str) {
    let ta = textarea(root);
    ta.set_value(text);
    ta.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_page_mounts_with_the_reference_extract() {
    let root = mounted_page().await;
    assert!(text_of(&root, "#verdict").contains("Aucune anomalie"));
    let ta = textarea(&root);
    assert_eq!(ta.value(), REFERENCE);
    assert!(root.query_selector(".mark-error").unwrap().is_none());
    // the Présents row shows the reference's figures: 34 declared, 34 counted, no mismatch
    let rows = root.query_selector_all(".summary-panel tbody tr").unwrap();
    let present = (0..rows.length())
        .filter_map(|i| rows.get(i)?.text_content())
        .find(|r| r.starts_with("Présents"))
        .unwrap_or_default();
    assert!(present.matches("34").count() >= 2, "{present}");
    assert!(root.query_selector(".row-mismatch").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn input_shows_findings_and_marks_and_selection_moves() {
    let root = mounted_page().await;
    let broken = REFERENCE.replace("POUR : 35", "POUR : 36");
    set_text(&root, &broken);
    settle().await;
    assert!(
        text_of(&root, "#verdict").starts_with("1 erreur"),
        "{}",
        text_of(&root, "#verdict")
    );
    assert_eq!(text_of(&root, ".finding-error .rule"), "VOTE-SUM");
    let marks = root.query_selector_all(".mark-error").unwrap();
    assert!(marks.length() >= 1);
    let marked: Vec<String> = (0..marks.length())
        .map(|i| marks.get(i).unwrap().text_content().unwrap())
        .collect();
    // (a mark may start with its finding's number, shown only on the printed fiche)
    assert!(marked.iter().any(|m| m == "36" || m == "136"), "{marked:?}");
    // activating the finding selects its value in the text
    let button: HtmlElement = root
        .query_selector(".finding-head")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    let ta = textarea(&root);
    let (a, b) = (
        ta.selection_start().unwrap().unwrap(),
        ta.selection_end().unwrap().unwrap(),
    );
    let selected: String = broken
        .encode_utf16()
        .skip(a as usize)
        .take((b - a) as usize)
        .map(|u| char::from_u32(u as u32).unwrap_or('?'))
        .collect();
    assert_eq!(selected, "36");
    assert!(text_of(&root, ".finding-detail").contains("Base légale"));
    root.remove();
}

#[wasm_bindgen_test]
async fn findings_component_groups_by_severity() {
    let state = conforme::web::state::State::with(
        "Votants : 27 — Pour : 20 — Contre : 3 — Abstentions : 3\nAdopté à l'unanimité (Pour : 25 ; Contre : 2).\n".to_string(),
        conforme::web::state::UserOptions { show_info: true, ..Default::default() },
    );
    let shown: Vec<Shown> = state.visible();
    let n = shown.len();
    assert!(n >= 2);
    let root = fresh_root();
    let props = FindingsProps {
        shown: Rc::new(shown),
        selected: None,
        current: true,
        show_info: true,
        verdict: state.report.verdict.clone(),
        on_select: Callback::noop(),
    };
    yew::Renderer::<Findings>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert!(
        text_of(&root, "#verdict").starts_with(&format!("{n} erreurs")),
        "{}",
        text_of(&root, "#verdict")
    );
    assert_eq!(
        root.query_selector_all(".finding").unwrap().length() as usize,
        n
    );
    // every finding of the error group is an error, and all of them are there
    assert_eq!(
        root.query_selector_all(".group-error .finding-error")
            .unwrap()
            .length() as usize,
        n
    );
    root.remove();
}

/// The browser's own TextDecoder reads the files clerks have (Chromium and Firefox ESR).
#[wasm_bindgen_test]
fn files_are_decoded_by_the_browser() {
    let utf8 = "Séance du jeudi 21 mars 2024\nPrésents : 12\n";
    let [cp1252, utf16] = encodings::cp1252_and_utf16(utf8);
    for bytes in [utf8.as_bytes().to_vec(), cp1252, utf16] {
        let (text, _) = conforme::web::decode_file("extrait.txt", &bytes).unwrap();
        assert_eq!(text, utf8);
    }
    let refused = conforme::web::decode_file("x.pdf", b"%PDF-1.4\n").unwrap_err();
    assert!(refused.contains("est un PDF"), "{refused}");
}
