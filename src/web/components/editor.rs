//! The extract: a textarea over a mirror layer that draws the marks.
//!
//! Typing stays native; marks are drawn in the layer behind, aligned by identical
//! typography. Moving the caret onto a mark (click, arrows) opens its finding.

use crate::rules::Severity;
use crate::web::state::{byte_index, segments, Shown};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: Rc<String>,
    /// Whether `shown` was computed on `text` (else marks are not drawn).
    pub current: bool,
    pub shown: Rc<Vec<Shown>>,
    pub selected: Option<usize>,
    /// Edits not read yet: the marks are hidden until the next check.
    pub dirty: bool,
    /// The textarea's value is set from `text` when this changes (it is uncontrolled otherwise).
    pub load_gen: u64,
    pub textarea: NodeRef,
    pub backdrop: NodeRef,
    pub on_input: Callback<()>,
    /// Caret moved to this byte offset.
    pub on_caret: Callback<usize>,
    /// Files dropped on the text (one or several).
    pub on_files: Callback<Vec<web_sys::File>>,
    /// A replacement can be undone (Ctrl+Z brings the text back).
    pub can_undo: bool,
    pub on_undo: Callback<()>,
}

fn class_for(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "mark mark-error",
        Severity::Warning => "mark mark-warning",
        Severity::Info => "mark mark-info",
    }
}

#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let marks = {
        let text = p.text.clone();
        let shown = p.shown.clone();
        let current = p.current;
        let selected = p.selected;
        use_memo(
            (text, shown, current, selected),
            |(text, shown, current, selected)| {
                if !*current {
                    return html! { <>{ text.as_str() }{ "\n" }</> };
                }
                let segs = segments(text, shown, *selected);
                // the primary span of the selected finding is where the selection jumps to
                let primary = selected
                    .and_then(|s| shown.get(s))
                    .and_then(|s| s.finding.spans.first())
                    .map(|p| p.start);
                // the number of the first finding whose words start here (the printed fiche
                // numbers its findings as their marks)
                let mut firsts: Vec<(usize, usize)> = shown
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| s.finding.spans.first().map(|sp| (sp.start, i)))
                    .collect();
                crate::sort::order_by(&mut firsts, |x| *x);
                firsts.dedup_by_key(|x| x.0);
                let number = |start: usize| {
                    firsts
                        .binary_search_by_key(&start, |x| x.0)
                        .ok()
                        .map(|k| firsts[k].1 + 1)
                };
                let nodes = segs.into_iter().map(|seg| {
                    let slice = &text[seg.span.start..seg.span.end];
                    match seg.severity {
                        None => html! { { slice } },
                        Some(sev) => {
                            let class =
                                classes!(class_for(sev), seg.active.then_some("mark-active"));
                            let id = (seg.active && primary == Some(seg.span.start))
                                .then_some("mark-active");
                            let n = number(seg.span.start);
                            html! { <mark class={class} id={id}>if let Some(n) = n { <span class="mark-num print-only">{ n }</span> }{ slice }</mark> }
                        }
                    }
                });
                html! { <>{ for nodes }{ "\n" }</> }
            },
        )
    };

    // The value is written only when a text is loaded; typing never re-sets it.
    {
        let textarea = p.textarea.clone();
        let text = p.text.clone();
        use_effect_with(p.load_gen, move |_| {
            if let Some(ta) = textarea.cast::<HtmlTextAreaElement>() {
                if ta.value() != *text {
                    ta.set_value(&text);
                }
            }
            || ()
        });
    }
    // Keep the mirror scrolled with the textarea after each redraw of the marks.
    {
        let textarea = p.textarea.clone();
        let backdrop = p.backdrop.clone();
        use_effect_with((marks.clone(), p.dirty), move |(_, dirty)| {
            if !*dirty {
                if let (Some(ta), Some(b)) = (
                    textarea.cast::<HtmlTextAreaElement>(),
                    backdrop.cast::<web_sys::Element>(),
                ) {
                    b.set_scroll_top(ta.scroll_top());
                    b.set_scroll_left(ta.scroll_left());
                }
            }
            || ()
        });
    }
    let oninput = {
        let cb = p.on_input.clone();
        Callback::from(move |_: InputEvent| cb.emit(()))
    };
    let onscroll = {
        let backdrop = p.backdrop.clone();
        let dirty = p.dirty;
        Callback::from(move |e: Event| {
            // While the mirror is hidden there is nothing to sync, and reading the textarea's
            // scroll position would force a layout of the whole text on every keystroke.
            if dirty {
                return;
            }
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(b) = backdrop.cast::<web_sys::Element>() {
                b.set_scroll_top(ta.scroll_top());
                b.set_scroll_left(ta.scroll_left());
            }
        })
    };
    let caret = {
        let cb = p.on_caret.clone();
        let text = p.text.clone();
        move |ta: HtmlTextAreaElement| {
            if let Ok(Some(pos)) = ta.selection_start() {
                cb.emit(byte_index(&text, pos));
            }
        }
    };
    let onclick = {
        let caret = caret.clone();
        Callback::from(move |e: MouseEvent| caret(e.target_unchecked_into()))
    };
    let onkeyup = Callback::from(move |e: KeyboardEvent| {
        if e.key().starts_with("Arrow") || e.key() == "Home" || e.key() == "End" {
            caret(e.target_unchecked_into())
        }
    });
    // The textarea's own undo does not know a text set by the page: Ctrl+Z right after a
    // replacement brings the previous text back.
    let onkeydown = {
        let can = p.can_undo;
        let cb = p.on_undo.clone();
        Callback::from(move |e: KeyboardEvent| {
            if can
                && (e.ctrl_key() || e.meta_key())
                && !e.shift_key()
                && e.key().eq_ignore_ascii_case("z")
            {
                e.prevent_default();
                cb.emit(());
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let cb = p.on_files.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                if list.length() > 0 {
                    e.prevent_default();
                    cb.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
                }
            }
        })
    };

    html! {
        <div class="editor" ondragover={ondragover} ondrop={ondrop}>
            <div class={classes!("backdrop", p.dirty.then_some("stale"))} ref={p.backdrop.clone()} aria-hidden="true">
                <div class="highlights">{ (*marks).clone() }</div>
            </div>
            <textarea
                id="extrait"
                ref={p.textarea.clone()}
                class="input"
                spellcheck="false"
                autocomplete="off"
                aria-describedby="aide-saisie"
                {oninput}
                {onscroll}
                {onclick}
                {onkeyup}
                {onkeydown}
            />
        </div>
    }
}
