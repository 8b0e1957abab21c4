//! The page's state, changed only through [`Action`]s in one reducer.

use crate::model::BodyKind;
use crate::report::Report;
use crate::rules::{Finding, Severity};
use crate::text::Span;
use crate::{check, Options};
use std::rc::Rc;
use yew::Reducible;

pub const REFERENCE: &str = include_str!("../../www/examples/reference.txt");
/// Where the example comes from (shown with it).
pub const EXAMPLE_SOURCE: &str = "extrait public du registre des délibérations du Bureau métropolitain de Dijon métropole, séance du 21 mars 2024";
pub const EXAMPLE_NOTICE: &str = "Exemple chargé : extrait public du Bureau métropolitain de Dijon métropole (séance du 21 mars 2024).";

/// Options the user chooses; remembered in localStorage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserOptions {
    /// `None`: detected.
    pub body: Option<String>,
    pub population: Option<u32>,
    pub show_info: bool,
    /// The user asked not to keep the text in this tab across a reload.
    pub forget_text: bool,
    /// The printed fiche leaves the text out.
    pub print_without_text: bool,
    /// Open data (SCDL): what the text cannot give.
    pub coll_siret: String,
    pub coll_nom: String,
    pub url_pattern: String,
}

impl UserOptions {
    /// Engine options. Info findings are always computed (the JSON export equals the CLI's);
    /// `show_info` only filters the view.
    pub fn engine(&self) -> Options {
        Options {
            body: self.body.as_deref().and_then(BodyKind::from_code),
            population: self.population,
            show_info: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Results,
    Rules,
    /// The open-data (SCDL) export.
    Scdl,
}

/// A finding as the page shows it: flat index, extract index, the finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub extract: usize,
    pub finding: Finding,
}

#[derive(Debug, Clone)]
pub struct State {
    pub text: Rc<String>,
    /// The text the report was computed on (marks are drawn only when it equals `text`).
    pub checked: Rc<String>,
    pub report: Rc<Report>,
    pub options: UserOptions,
    /// Index into `visible()` of the finding the user opened.
    pub selected: Option<usize>,
    pub view: View,
    pub notice: Option<String>,
    /// The textarea holds edits not read yet (large texts are read after a pause).
    pub dirty: bool,
    /// Incremented when a text is loaded: the textarea's value is then set from `text`.
    pub load_gen: u64,
    /// The text was typed or pasted by the user (not loaded): replacing it asks first.
    pub typed: bool,
    /// A replacement waiting for the user's yes: the new text and what to say once done.
    pub pending: Option<Rc<(String, String)>>,
    /// The text a replacement took away, until the user edits again (Ctrl+Z brings it back).
    pub previous: Option<Rc<String>>,
    /// Several files opened at once: each with its text and report, or why it was not read.
    pub files: Rc<Vec<FileEntry>>,
    /// Files being read: (read, total).
    pub reading: Option<(usize, usize)>,
}

/// A file of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEntry {
    pub name: String,
    /// The text and its report, or the message that says why the file was not read.
    pub read: Result<(Rc<String>, Rc<Report>), String>,
}

impl PartialEq for State {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.text, &o.text)
            && Rc::ptr_eq(&self.checked, &o.checked)
            && Rc::ptr_eq(&self.report, &o.report)
            && self.options == o.options
            && self.selected == o.selected
            && self.view == o.view
            && self.notice == o.notice
            && self.dirty == o.dirty
            && self.load_gen == o.load_gen
            && self.typed == o.typed
            && self.pending == o.pending
            && self.previous == o.previous
            && Rc::ptr_eq(&self.files, &o.files)
            && self.reading == o.reading
    }
}

impl Default for State {
    fn default() -> Self {
        State::with(REFERENCE.to_string(), UserOptions::default())
    }
}

impl State {
    pub fn with(text: String, options: UserOptions) -> State {
        let text = Rc::new(text);
        let report = Rc::new(check(&text, &options.engine()));
        State {
            checked: text.clone(),
            text,
            report,
            options,
            selected: None,
            view: View::Results,
            notice: None,
            dirty: false,
            load_gen: 0,
            typed: false,
            pending: None,
            previous: None,
            files: Rc::new(Vec::new()),
            reading: None,
        }
    }

    /// Findings shown, in text order, info filtered by the option.
    pub fn visible(&self) -> Vec<Shown> {
        let mut v: Vec<Shown> = self
            .report
            .extracts
            .iter()
            .enumerate()
            .flat_map(|(k, e)| {
                e.findings.iter().map(move |f| Shown {
                    extract: k,
                    finding: f.clone(),
                })
            })
            .filter(|s| self.options.show_info || s.finding.severity != Severity::Info)
            .collect();
        crate::rules::order_by_position(&mut v, |s| &s.finding);
        v
    }

    pub fn is_current(&self) -> bool {
        Rc::ptr_eq(&self.text, &self.checked) || *self.text == *self.checked
    }

    /// The finding (index into `shown`, the memoized `visible()`) whose span contains `byte`,
    /// the narrowest one.
    pub fn finding_at(shown: &[Shown], byte: usize) -> Option<usize> {
        shown
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.finding
                    .spans
                    .iter()
                    .filter(|sp| sp.start <= byte && byte <= sp.end && sp.end > sp.start)
                    .map(|sp| sp.end - sp.start)
                    .min()
                    .map(|w| (w, i))
            })
            .min()
            .map(|(_, i)| i)
    }
}

pub enum Action {
    /// The user typed in a large text: marks are stale until the text is read.
    Dirty,
    /// The user typed: keep the text, check later.
    Edit(String),
    /// Replace the text and check now (clear).
    Load(String),
    /// Replace the text by a new one (example, file), asking first when the user typed or
    /// pasted the current one; the notice is shown once replaced.
    Replace(String, String),
    /// The user said yes to the pending replacement.
    Confirm,
    /// The user said no.
    Cancel,
    /// Bring back the text the last replacement took away.
    Undo,
    /// Several files are being read.
    Batch(usize),
    /// One of them was read (or not): (name, text and notice, or message).
    FileDone(String, Result<String, String>),
    /// Show a file of the list in the editor.
    OpenFile(usize),
    /// Close the list of files.
    CloseFiles,
    /// Check the current text now.
    Recheck,
    Select(Option<usize>),
    Next,
    Previous,
    SetOptions(UserOptions),
    Show(View),
    Notice(Option<String>),
}

impl State {
    /// The state with `text` loaded in place of the current one, which can be brought back.
    fn replaced(&self, text: String, notice: Option<String>) -> State {
        let mut n = State::with(text, self.options.clone());
        n.load_gen = self.load_gen + 1;
        n.view = self.view;
        n.notice = notice;
        n.previous = (!self.text.is_empty() && *self.text != *n.text).then(|| self.text.clone());
        n.files = self.files.clone();
        n.reading = self.reading;
        n
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Dirty) && self.dirty {
            return self; // same state: no render on every keystroke
        }
        let mut s = (*self).clone();
        match action {
            Action::Dirty => s.dirty = true,
            Action::Edit(t) => {
                s.text = Rc::new(t);
                s.dirty = false;
                s.typed = true;
                s.previous = None;
                s.pending = None;
            }
            Action::Load(t) => s = s.replaced(t, None),
            Action::Replace(t, notice) => {
                if s.typed && !s.text.trim().is_empty() && *s.text != t {
                    s.pending = Some(Rc::new((t, notice)));
                } else {
                    s = s.replaced(t, Some(notice));
                }
            }
            Action::Confirm => {
                if let Some(p) = s.pending.take() {
                    let (t, notice) = (*p).clone();
                    s = s.replaced(t, Some(notice));
                }
            }
            Action::Cancel => s.pending = None,
            Action::Batch(n) => {
                s.files = Rc::new(Vec::new());
                s.reading = Some((0, n));
            }
            Action::FileDone(name, read) => {
                let engine = s.options.engine();
                let entry = FileEntry {
                    name,
                    read: read.map(|t| {
                        let report = Rc::new(check(&t, &engine));
                        (Rc::new(t), report)
                    }),
                };
                let mut files = (*s.files).clone();
                files.push(entry);
                s.files = Rc::new(files);
                s.reading = s.reading.map(|(d, n)| (d + 1, n)).filter(|(d, n)| d < n);
            }
            Action::OpenFile(i) => {
                if let Some(Ok((t, _))) = s.files.get(i).map(|f| &f.read) {
                    let t = (**t).clone();
                    let notice = format!("Fichier « {} » ouvert.", s.files[i].name);
                    return Rc::new(s).reduce(Action::Replace(t, notice));
                }
            }
            Action::CloseFiles => {
                s.files = Rc::new(Vec::new());
                s.reading = None;
            }
            Action::Undo => {
                if let Some(prev) = s.previous.take() {
                    s = s.replaced((*prev).clone(), Some("Texte précédent rétabli.".into()));
                    s.typed = true;
                    s.previous = None;
                }
            }
            Action::Recheck => {
                if *s.text != *s.checked {
                    s.report = Rc::new(check(&s.text, &s.options.engine()));
                    s.checked = s.text.clone();
                    s.selected = None;
                }
            }
            Action::Select(i) => s.selected = i,
            Action::Next | Action::Previous => {
                let n = s.visible().len();
                if n > 0 {
                    let forward = matches!(action, Action::Next);
                    s.selected = Some(match (s.selected, forward) {
                        (None, true) => 0,
                        (None, false) => n - 1,
                        (Some(i), true) => (i + 1) % n,
                        (Some(i), false) => (i + n - 1) % n,
                    });
                }
            }
            Action::SetOptions(o) => {
                let recompute = o.engine() != s.options.engine();
                s.options = o;
                if recompute {
                    s.report = Rc::new(check(&s.text, &s.options.engine()));
                    s.checked = s.text.clone();
                }
                s.selected = None;
            }
            Action::Show(v) => s.view = v,
            Action::Notice(n) => s.notice = n,
        }
        Rc::new(s)
    }
}

/// UTF-16 index of a byte offset (the DOM's unit for selections).
pub fn utf16_index(text: &str, byte: usize) -> u32 {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].encode_utf16().count() as u32
}

/// Byte offset of a UTF-16 index.
pub fn byte_index(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// A stretch of the text between two mark boundaries: the gravest severity of the findings
/// covering it, and whether the selected finding covers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub span: Span,
    pub severity: Option<Severity>,
    pub active: bool,
}

/// The most findings marked in the text (the selected one always is): beyond a few thousand
/// marks, laying out the text takes longer than a clerk waits.
pub const MAX_MARKED: usize = 2000;

/// Segments of the text with the findings that cover them, for drawing marks: one sweep over
/// the spans' ends (linear in the text and the findings, whatever their overlaps).
pub fn segments(text: &str, shown: &[Shown], selected: Option<usize>) -> Vec<Segment> {
    let rank = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    // (position, +1 opens / -1 closes, severity rank)
    let mut events: Vec<(usize, i32, usize)> = Vec::new();
    let marked = shown.iter().take(MAX_MARKED).chain(
        selected
            .filter(|&i| i >= MAX_MARKED)
            .and_then(|i| shown.get(i)),
    );
    for s in marked {
        for sp in &s.finding.spans {
            if sp.end > sp.start && sp.end <= text.len() {
                events.push((sp.start, 1, rank(s.finding.severity)));
                events.push((sp.end, -1, rank(s.finding.severity)));
            }
        }
    }
    crate::sort::order_by(&mut events, |e| (e.0, 0));
    let chosen: &[Span] = selected
        .and_then(|i| shown.get(i))
        .map_or(&[], |s| s.finding.spans.as_slice());
    let mut open = [0i32; 3];
    let mut next = 0;
    let mut out = Vec::with_capacity(events.len() + 1);
    let mut a = 0;
    while a < text.len() {
        while next < events.len() && events[next].0 <= a {
            open[events[next].2] += events[next].1;
            next += 1;
        }
        let b = events.get(next).map_or(text.len(), |e| e.0).min(text.len());
        if text.is_char_boundary(a) && text.is_char_boundary(b) {
            let severity = [Severity::Error, Severity::Warning, Severity::Info]
                .into_iter()
                .zip(open)
                .find(|&(_, n)| n > 0)
                .map(|(s, _)| s);
            let active = severity.is_some() && chosen.iter().any(|sp| sp.start <= a && b <= sp.end);
            out.push(Segment {
                span: Span::new(a, b),
                severity,
                active,
            });
        }
        a = b;
    }
    out
}
