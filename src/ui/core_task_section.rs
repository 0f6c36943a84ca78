use std::rc::Rc;

use yew::prelude::*;

use super::dom_id;
use super::outcome_card::OutcomeCard;
use crate::core::app::folds::Folds;
use crate::core::app::Folding;
use crate::core::assessment::open_work::{score_offers, ScoreOffer};
use crate::core::assessment::{Action, Assessment};
use crate::core::assessment::{Mode, OutcomeEntry};
use crate::core::framework::Framework;
use crate::i18n::Lang;

/// The framework's core tasks, each a section with what `assessment` recorded for its learning
/// outcomes, as both form pages draw them (the whole form's and the scoring page's).
pub fn core_task_sections<M>(
    lang: Lang,
    locked: bool,
    framework: &Rc<Framework>,
    assessment: &Assessment,
    folded: &Folds,
    dispatch: &Callback<M>,
) -> Html
where
    M: From<Action> + From<Folding> + PartialEq + 'static,
{
    let mode = assessment.metadata.mode;
    html! {
        { for framework.core_tasks.iter().enumerate().map(|(index, task)| html! {
            <CoreTaskSection<M>
                key={task.id.clone()}
                {lang}
                {locked}
                framework={framework.clone()}
                {index}
                entries={task.learning_outcomes.iter().map(|o| assessment.outcomes.get(&o.id).cloned()).collect::<Vec<_>>()}
                {mode}
                folded={folded.in_task(task)}
                offers={task.learning_outcomes.iter().flat_map(|o| score_offers(framework, assessment, o)).collect::<Vec<_>>()}
                dispatch={dispatch.clone()}
            />
        }) }
    }
}

#[derive(Properties, PartialEq)]
pub struct CoreTaskSectionProps<M: PartialEq> {
    pub lang: Lang,
    /// A signed assessment is final: every field is read-only.
    #[prop_or_default]
    pub locked: bool,
    pub framework: Rc<Framework>,
    /// Position of the core task in the framework.
    pub index: usize,
    /// What has been recorded for each of its learning outcomes, in the framework's order: only
    /// the section whose outcome changed is drawn again.
    pub entries: Vec<Option<Rc<OutcomeEntry>>>,
    /// Who scores: a student is asked for their own view, not for feedback.
    pub mode: Mode,
    /// The folded learning outcomes of this core task.
    #[prop_or_default]
    pub folded: Vec<String>,
    /// Scores its indicators could take over from where their texts first stand.
    #[prop_or_default]
    pub offers: Vec<ScoreOffer>,
    /// Takes the page's message: the whole form's, or the scoring page's (`ui::scoring`).
    pub dispatch: Callback<M>,
}

#[function_component]
pub fn CoreTaskSection<M>(props: &CoreTaskSectionProps<M>) -> Html
where
    M: From<Action> + From<Folding> + PartialEq + 'static,
{
    let Some(task) = props.framework.core_tasks.get(props.index) else {
        return Html::default();
    };
    // Learning outcomes are numbered through the whole framework, as in the source.
    let first_number: usize = props
        .framework
        .core_tasks
        .iter()
        .take(props.index)
        .map(|t| t.learning_outcomes.len())
        .sum::<usize>()
        + 1;
    let heading_id = dom_id("core-task", &task.id);
    let content_lang = super::content_lang(props.lang, &props.framework);
    html! {
        <section class="core-task" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>
                <span class="core-task-number">{ super::core_task_label(props.lang, task, props.index) }</span>
                <span class="sep">{ ": " }</span>
                <span lang={content_lang.clone()}>{ &task.title }</span>
            </h2>
            <p class="core-task-description" lang={content_lang}>{ &task.description }</p>
            { for task.learning_outcomes.iter().enumerate().map(|(i, outcome)| html! {
                <OutcomeCard<M>
                    key={outcome.id.clone()}
                    lang={props.lang}
                    locked={props.locked}
                    mode={props.mode}
                    framework={props.framework.clone()}
                    outcome={outcome.clone()}
                    number={first_number + i}
                    entry={props.entries.get(i).cloned().flatten()}
                    folded={props.folded.contains(&outcome.id)}
                    offers={props.offers.iter().filter(|o| outcome.indicators.iter().any(|i| i.id == o.indicator)).cloned().collect::<Vec<_>>()}
                    dispatch={props.dispatch.clone()}
                />
            }) }
        </section>
    }
}
