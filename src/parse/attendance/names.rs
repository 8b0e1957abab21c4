//! Names in attendance lists: civilities, particles and role words, the shape of a name
//! word ("NOM", "Prénom"), where one name ends and the next begins, and comparison keys.

use super::super::lexicon::{CIVILITIES, PARTICLES, ROLES};
use super::super::scan::*;
use super::entries::timing_at;
use crate::model::NameKey;
use crate::text::Text;

pub(super) static CIVILITY_SET: WordSet = WordSet::new(CIVILITIES);
pub(super) static PARTICLE_SET: WordSet = WordSet::new(PARTICLES);
pub(super) static ROLE_SET: WordSet = WordSet::new(ROLES);

pub fn is_civility(w: &str) -> bool {
    CIVILITY_SET.contains(w)
}

/// `w` followed by a dot is a civility ("M" → "M."), without building the string.
pub(super) fn is_civility_dotted(w: &str) -> bool {
    w.len() < 12 && w.bytes().all(|b| b.is_ascii_lowercase()) && CIVILITY_SET.contains_with(w, '.')
}

pub fn is_particle(w: &str) -> bool {
    PARTICLE_SET.contains(w)
}

pub(super) fn is_role(w: &str) -> bool {
    ROLE_SET.contains(w)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Shape {
    Upper,
    Cap,
    Particle,
}

pub(super) fn shape(word: &str) -> Option<Shape> {
    // allocation-free: this runs for every word of every list
    if PARTICLE_SET.contains_ignore_case(word) {
        return Some(Shape::Particle);
    }
    let (mut letters, mut upper, mut digits) = (0usize, 0usize, 0usize);
    let mut first_upper = None;
    for c in word.chars() {
        if crate::text::is_letter(c) {
            letters += 1;
            let u = crate::text::is_upper(c);
            upper += usize::from(u);
            first_upper.get_or_insert(u);
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if !(crate::text::is_letter_or_digit(c) || c == '-' || c == '\'') {
            return None;
        }
    }
    if letters == 0 || (digits > 0 && upper < 3) {
        return None;
    }
    if upper == letters {
        Some(Shape::Upper)
    } else if first_upper == Some(true) {
        Some(Shape::Cap)
    } else {
        None
    }
}

/// The shapes of the words of a name being read, summed up as they come (no vector per
/// word): where a new name begins is decided from the first and last core words.
#[derive(Clone, Copy, Default)]
pub(super) struct ShapeRun {
    core: usize,
    first: Option<Shape>,
    last: Option<Shape>,
    switched: bool,
}

impl ShapeRun {
    pub(super) fn push(&mut self, sh: Shape) {
        if sh == Shape::Particle {
            return;
        }
        if self.last.is_some_and(|l| l != sh) {
            self.switched = true;
        }
        self.first.get_or_insert(sh);
        self.last = Some(sh);
        self.core += 1;
    }

    /// A word of shape `next` starts a new name: "Prénom NOM" + "Prénom", "NOM Prénom" +
    /// "NOM", or a name already six words long.
    pub(super) fn starts_new(&self, next: Shape) -> bool {
        let (Some(first), Some(last)) = (self.first, self.last) else {
            return false;
        };
        if next == Shape::Particle {
            return false;
        }
        (self.switched && next != last && first != last) || self.core >= 6
    }
}

pub(super) fn name_ok(t: &Text, (a, b): (usize, usize)) -> bool {
    let w = t.nrm(a, b);
    let letters = w.chars().filter(|&c| crate::text::is_letter(c)).count();
    letters >= 3 && w.split_whitespace().count() <= 7
}

/// The run of name-shaped words starting at `p` (stops at lower-case words, timing, punctuation).
pub fn name_run(t: &Text, p: usize, b: usize) -> Option<(usize, usize)> {
    let s = t.lower.as_bytes();
    let norm = t.norm.as_bytes();
    let mut i = p;
    let mut words: Vec<(usize, usize, Shape)> = Vec::new();
    let mut run = ShapeRun::default();
    while i < b {
        i = skip_ws(s, i);
        if i >= b {
            break;
        }
        let mut j = i;
        while j < b && !is_ws(s[j]) && s[j] != b',' && s[j] != b')' && s[j] != b'(' && s[j] != b';'
        {
            j += 1;
        }
        let raw = t.nrm(i, j);
        let w = raw.trim_end_matches(['.', ':']);
        let lw = w.to_ascii_lowercase();
        if j == i {
            break;
        }
        if is_civility(&lw) || is_civility_dotted(&lw) {
            if !words.is_empty() {
                break;
            }
            i = j;
            continue;
        }
        if timing_at(t, i) {
            break;
        }
        match shape(w) {
            Some(sh) => {
                if sh == Shape::Particle && !norm[i].is_ascii_uppercase() && words.is_empty() {
                    break;
                }
                if run.starts_new(sh) {
                    break;
                }
                run.push(sh);
                words.push((i, i + w.len(), sh));
            }
            None => break,
        }
        i = j;
        if i < b && (s[i] == b',' || s[i] == b';' || s[i] == b')') {
            break;
        }
    }
    // trailing particles are not part of a name
    while words.last().is_some_and(|w| w.2 == Shape::Particle) {
        words.pop();
    }
    Some((words.first()?.0, words.last()?.1))
}

/// A comparable key: upper-case tokens without civility, sorted. Hyphens split.
pub fn name_key(t: &Text, a: usize, b: usize) -> NameKey {
    name_key_str(t.nrm(a, b))
}

pub fn name_key_str(s: &str) -> NameKey {
    // Words are compared to the (lower-case) lists without allocating; a name's few words
    // are kept on the stack and written upper-case once, into the key.
    let kept = |w: &&str| {
        !w.is_empty()
            && !CIVILITY_SET.contains_ignore_case(w)
            && !CIVILITY_SET.contains_with(w, '.')
            && !ROLE_SET.contains_ignore_case(w)
            && !PARTICLE_SET.contains_ignore_case(w)
    };
    let split = |c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',';
    let mut few = [""; NameKey::FEW_WORDS];
    match NameKey::few(s.split(split).filter(kept), &mut few) {
        Some(n) => NameKey::from_few_words(&mut few[..n]),
        // a long run of words: upper-cased and sorted through the general path
        None => {
            let upper = s.to_ascii_uppercase();
            NameKey::from_tokens(upper.split(split).filter(kept).collect())
        }
    }
}
