//! What the summary says of the norms, for a framework with norms (the 2010 profile): a line of
//! counts, and under each normed outcome's row whether its result meets the norm. Drawn here, by
//! the views that hold a level of practice, and handed to the summary ready made, so that the
//! summary itself carries none of it: the scoring page, whose framework has no norms, is then
//! 3 KB of gzip smaller (README: Size).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::aggregate::Summary;
use crate::core::assessment::norm_check::{check, NormStatus, OutcomeCheck};
use crate::core::case;
use crate::core::framework::Framework;
use crate::i18n::Lang;

/// The summary's norm lines: the overview, and a line per normed learning outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct NormLines {
    pub overview: String,
    pub outcomes: Rc<Vec<(String, Html)>>,
}

impl NormLines {
    /// The line under the learning outcome `id`, where it has a norm.
    pub fn of(&self, id: &str) -> Option<&Html> {
        self.outcomes.iter().find(|(outcome, _)| outcome == id).map(|(_, line)| line)
    }
}

/// The norm lines of `summary` held against `level`, where the framework has norms for it.
pub fn norm_lines(
    lang: Lang,
    framework: &Framework,
    level: Option<&str>,
    summary: &Summary,
) -> Option<NormLines> {
    let c = check(framework, level?, summary).ok()?;
    let count = |status| c.outcomes.iter().filter(|o| o.status == status).count();
    let overview = lang.norm_overview(
        &c.level,
        [
            count(NormStatus::Meets),
            count(NormStatus::Below),
            count(NormStatus::Undetermined),
            count(NormStatus::NotObserved),
        ],
    );
    let outcomes = c
        .outcomes
        .iter()
        .map(|o| (o.learning_outcome.clone(), norm_line(lang, framework, &c.level, o)))
        .collect();
    Some(NormLines { overview, outcomes: Rc::new(outcomes) })
}

/// Under an outcome's row: whether its result meets the norm, and what the norm expects.
fn norm_line(lang: Lang, framework: &Framework, level: &str, outcome: &OutcomeCheck) -> Html {
    let n = lang.norm_texts();
    let (class, word) = match outcome.status {
        NormStatus::Meets => ("norm-meets", n.meets),
        NormStatus::Below => ("norm-below", n.below),
        NormStatus::Undetermined => ("norm-open", n.open),
        NormStatus::NotObserved => ("norm-not-observed", lang.not_observed_texts().result),
    };
    let expected = if outcome.status == NormStatus::Below {
        // Where it falls short, dimension by dimension, in the framework's words.
        let short: Vec<String> = outcome
            .dimensions
            .iter()
            .filter(|d| d.status == NormStatus::Below)
            .map(|d| {
                let title = framework
                    .norms
                    .as_ref()
                    .and_then(|norms| norms.dimension(&d.dimension))
                    .map_or(d.dimension.as_str(), |dimension| dimension.title.as_str());
                format!("{} {}", case::lowercase(title), d.expected.symbol())
            })
            .collect();
        short.join(", ")
    } else {
        // One result is held against every dimension, so the highest expectation decides.
        outcome.dimensions.iter().map(|d| d.expected).max().unwrap_or_default().symbol().to_string()
    };
    html! {
        <p class={classes!("norm-status", class)} data-status={class}>
            { format!("Norm {level}: {word} · {}: {expected}", n.expected) }
        </p>
    }
}
