//! The files of a batch, each with its verdict; choosing one opens it in the editor.

use crate::rules::{plural, Severity};
use crate::web::state::FileEntry;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub files: Rc<Vec<FileEntry>>,
    /// (read, total) while reading.
    pub reading: Option<(usize, usize)>,
    /// The editor's text (the file showing it is marked).
    pub text: Rc<String>,
    pub on_open: Callback<usize>,
    pub on_close: Callback<()>,
}

#[function_component(FileList)]
pub fn file_list(p: &FileListProps) -> Html {
    let close = {
        let cb = p.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let total = p.reading.map_or(p.files.len(), |r| r.1);
    html! {
        <section class="files" aria-labelledby="titre-fichiers">
            <div class="rules-head">
                <h2 id="titre-fichiers">{ format!("Fichiers ({total})") }</h2>
                <button type="button" class="btn" onclick={close}>{ "Fermer la liste" }</button>
            </div>
            if let Some((done, n)) = p.reading {
                <p role="status"><progress value={done.to_string()} max={n.to_string()}></progress>{ format!(" Lecture : {done} / {n}…") }</p>
            }
            <ul class="file-list">
            { for p.files.iter().enumerate().map(|(i, f)| {
                let cb = p.on_open.clone();
                match &f.read {
                    Ok((text, report)) => {
                        let (e, w) = (report.count(Severity::Error), report.count(Severity::Warning));
                        let shown = text.len() == p.text.len() && **text == *p.text;
                        let counts = if e + w > 0 {
                            format!("{} · {}", plural(e, "erreur", "erreurs"), plural(w, "avertissement", "avertissements"))
                        } else {
                            report.verdict.message.split(" — ").next().unwrap_or("").trim_end_matches('.').to_string()
                        };
                        html! {
                            <li class={classes!(shown.then_some("file-shown"), (e > 0).then_some("file-error"))}>
                                <button type="button" class="btn-link" aria-current={shown.then_some("true")} onclick={Callback::from(move |_| cb.emit(i))}>{ &f.name }</button>
                                <span class="file-counts">{ counts }</span>
                            </li>
                        }
                    }
                    Err(message) => html! {
                        <li class="file-refused"><span>{ &f.name }</span><span class="file-counts">{ message }</span></li>
                    },
                }
            }) }
            </ul>
        </section>
    }
}
