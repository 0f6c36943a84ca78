//! Why a record is not valid, for a docent: the plain sentence and what to do next first, the
//! technical problems folded away for whoever must find the fault.

use yew::prelude::*;

use crate::core::record::{verdict, RecordProblem, Verdict};
use crate::i18n::Lang;

/// The plain sentence, the next step, and every problem under *Technische details*. A key file
/// is marked as a warning of its own, since it asks for care rather than a new file.
pub fn plain_verdict(lang: Lang, problems: &[RecordProblem]) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    let details = html! {
        <details class="verdict-details">
            <summary>{ lang.technical_details() }</summary>
            <ul class="verdict-reasons">
                { for problems.iter().map(|p| html! { <li>{ lang.record_problem(p) }</li> }) }
            </ul>
        </details>
    };
    let Some(verdict) = verdict(problems) else {
        return details;
    };
    let secret = verdict == Verdict::SecretKey;
    html! {
        <div class={classes!("verdict-plain", secret.then_some("is-secret-key"))}>
            <p class="verdict-sentence">{ lang.verdict_sentence(verdict) }</p>
            <p class="verdict-next">{ lang.verdict_next_step(verdict) }</p>
            { details }
        </div>
    }
}
