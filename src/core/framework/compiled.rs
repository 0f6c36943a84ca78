//! The default framework built from the compact data `build.rs` writes of its file: its texts as
//! one string, and numbers that say where each text stands in it, whether an optional one is
//! there and how long each list is, in the order of the types' fields (build.rs's `Encoder`
//! writes them in that order). The scoring page builds its framework only so, and so carries no
//! framework reader; a test holds the result equal to what `Framework::from_json` reads.

use std::rc::Rc;

use super::{
    Capability, CoreTask, Framework, Index, Indicator, LearningOutcome, Scale, ScaleLevel, Source,
    TaskArea,
};

/// Reads the data in order. Data that ends early or names a range outside the text gives empty
/// texts and lists rather than a panic; the equality test is what says the data is right.
struct Data {
    text: &'static str,
    shape: &'static [u16],
    at: usize,
}

impl Data {
    fn number(&mut self) -> u16 {
        let n = self.shape.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        n
    }

    fn str(&mut self) -> &'static str {
        let (start, end) = (usize::from(self.number()), usize::from(self.number()));
        self.text.get(start..end).unwrap_or_default()
    }

    fn string(&mut self) -> String {
        self.str().to_string()
    }

    fn optional(&mut self) -> Option<String> {
        (self.number() != 0).then(|| self.string())
    }

    fn list<T>(&mut self, each: impl Fn(&mut Self) -> T) -> Vec<T> {
        let n = self.number();
        (0..n).map(|_| each(self)).collect()
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(Self::string)
    }
}

/// Struct fields are evaluated in the order they are written, which is the data's order.
pub(super) fn framework(text: &'static str, shape: &'static [u16]) -> Framework {
    let mut d = Data { text, shape, at: 0 };
    Framework {
        format: d.string(),
        id: d.string(),
        title: d.string(),
        subtitle: d.optional(),
        version: d.string(),
        language: d.string(),
        level: d.optional(),
        source: Source {
            title: d.string(),
            publisher: d.string(),
            date: d.string(),
            part: d.optional(),
        },
        scale: Scale {
            source: d.string(),
            levels: d.list(|d| ScaleLevel {
                symbol: d.string(),
                value: u8::try_from(d.number()).unwrap_or(0),
                label: d.string(),
                description: d.string(),
            }),
        },
        introduction: d.strings(),
        task_areas: d.list(|d| TaskArea {
            id: d.string(),
            title: d.string(),
            capabilities: d.list(|d| Capability {
                id: d.string(),
                title: d.string(),
                generic: d.optional(),
                added: d.number() != 0,
            }),
        }),
        task_areas_caption: d.optional(),
        core_tasks: d.list(|d| CoreTask {
            id: d.string(),
            code: d.optional(),
            title: d.string(),
            description: d.string(),
            learning_outcomes: d.list(|d| {
                Rc::new(LearningOutcome {
                    id: d.string(),
                    code: d.optional(),
                    title: d.string(),
                    description: d.string(),
                    capabilities: d.strings(),
                    indicators: d
                        .list(|d| Indicator { id: Rc::from(d.str()), text: Rc::from(d.str()) }),
                    results: d.strings(),
                })
            }),
        }),
        shared_indicator_texts: d.list(Data::strings),
        notes: d.strings(),
        norms: None,
        index: Index::default(),
    }
}
