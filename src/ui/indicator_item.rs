use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::dom_id;
use crate::core::assessment::open_work::ScoreOffer;
use crate::core::assessment::{Action, Answer, Mode, MAX_TEXT_CHARS};
use crate::core::framework::score::Score;
use crate::core::framework::{Framework, Indicator};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct IndicatorItemProps<M: PartialEq> {
    pub lang: Lang,
    /// A signed assessment is final: every field is read-only.
    #[prop_or_default]
    pub locked: bool,
    pub framework: Rc<Framework>,
    pub indicator: Indicator,
    /// Scored, not observed, or open.
    pub answer: Answer,
    /// Who scores: a student has not *shown* what an assessor has not *observed*.
    pub mode: Mode,
    pub comment: AttrValue,
    /// The score where the same text first stands, when it differs from this one.
    #[prop_or_default]
    pub offer: Option<ScoreOffer>,
    /// Takes the page's message: the whole form's, or the scoring page's (`ui::scoring`).
    pub dispatch: Callback<M>,
}

/// One gedragsindicator: its text, the three levels as one radio group, a way to clear the score,
/// apart from the levels a box for *niet waargenomen* (no score), and a field for evidence.
#[function_component]
pub fn IndicatorItem<M: From<Action> + PartialEq + 'static>(props: &IndicatorItemProps<M>) -> Html {
    let t = props.lang.form_texts();
    let id: &str = &props.indicator.id;
    let text_id = dom_id("indicator-text", id);
    let comment_id = dom_id("comment", id);
    let content_lang = super::content_lang(props.lang, &props.framework);
    let score = props.answer.score();
    let not_observed = props.answer == Answer::NotObserved;

    let set_score = |score: Score| {
        let dispatch = props.dispatch.clone();
        let indicator = props.indicator.id.clone();
        move || dispatch.emit(Action::SetScore { indicator: indicator.clone(), score }.into())
    };
    let option = |level: Score| {
        let label = props.framework.scale_level(level).map(|l| l.label.clone()).unwrap_or_default();
        let choose = set_score(level);
        let onchange = Callback::from(move |_: Event| choose());
        html! {
            <label class={classes!("level", format!("level-{}", level.key()))}>
                <input
                    type="radio"
                    name={dom_id("score", id)}
                    value={level.key()}
                    checked={score == level}
                    disabled={props.locked}
                    {onchange}
                />
                <span class="level-symbol">{ level.symbol() }</span>
                { " " }
                <span class="level-label" lang={content_lang.clone()}>{ label }</span>
            </label>
        }
    };
    let clear = {
        let clear = set_score(Score::NotScored);
        Callback::from(move |_: MouseEvent| clear())
    };
    let on_comment = {
        let dispatch = props.dispatch.clone();
        let indicator = props.indicator.id.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatch.emit(
                    Action::SetComment { indicator: indicator.clone(), text: area.value() }.into(),
                );
            }
        })
    };
    let on_not_observed = {
        let dispatch = props.dispatch.clone();
        let indicator = props.indicator.id.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(
                    Action::SetNotObserved {
                        indicator: indicator.clone(),
                        not_observed: input.checked(),
                    }
                    .into(),
                );
            }
        })
    };
    let not_observed_id = dom_id("not-observed", id);
    let not_observed_note_id = dom_id("not-observed-note", id);
    let n = props.lang.not_observed_texts();
    let shared = props.framework.shared_with(id);
    let take_over = props.offer.as_ref().filter(|_| !props.locked).map(|offer| {
        let take = set_score(offer.score);
        let label = props.lang.take_over_score(&offer.from, offer.score.symbol());
        (label, Callback::from(move |_: MouseEvent| take()))
    });
    let open = props.answer == Answer::Open;
    let mark_id = dom_id("open-mark", id);
    // Paper shows the chosen level and the evidence as text; form controls print poorly.
    let printed_score = match props.framework.scale_level(score) {
        Some(level) => {
            format!("{}: {} {}", t.print_score, level.symbol, level.label)
        }
        None if not_observed => format!("{}: {}", t.print_score, n.result),
        None => format!("{}: {}", t.print_score, t.print_not_scored),
    };
    // The evidence field is made when its box is first opened (or holds text): 42 closed, empty
    // fields are a tenth of the form's elements, and the form is there only once all are made.
    // Once made it stays, so closing and opening again keeps it as it was. It is made on the
    // summary's click (Enter and Space are one too), before the next key is handled, so that a
    // Tab right after Enter reaches it; the `toggle` event comes a task later, and covers a box
    // opened any other way (find in page).
    let field_made = use_mut_ref(|| false);
    if !props.comment.is_empty() {
        *field_made.borrow_mut() = true;
    }
    let make_field = {
        let field_made = field_made.clone();
        let redraw = use_force_update();
        move || {
            if !*field_made.borrow() {
                *field_made.borrow_mut() = true;
                redraw.force_update();
            }
        }
    };
    let on_summary_click = {
        let make_field = make_field.clone();
        Callback::from(move |_: MouseEvent| make_field())
    };
    let on_toggle = Callback::from(move |e: Event| {
        if e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open")) {
            make_field();
        }
    });
    let field_made = *field_made.borrow();
    let state = match props.answer {
        Answer::Open => "is-open",
        Answer::NotObserved => "is-not-observed",
        Answer::Scored(_) => "is-scored",
    };

    html! {
        <li
            class={classes!("indicator", state)}
            id={dom_id("indicator", id)}
            data-score={score.key()}
        >
            <div class="indicator-head">
                <span class="indicator-id" aria-hidden="true">{ id }</span>
                <p class="indicator-text" id={text_id.clone()} lang={content_lang.clone()}>{ &*props.indicator.text }</p>
            </div>
            // Words, not colour alone, say what is still to do; the radio group is described by them.
            if open {
                <p class="open-mark" id={mark_id.clone()}>{ t.open_mark }</p>
            }
            if !shared.is_empty() {
                <p class="shared-note">{ format!("{} {}.", t.also_under, shared.join(", ")) }</p>
            }
            if let Some((label, onclick)) = take_over {
                <p class="take-over">
                    <button type="button" class="take-over-button" {onclick}>{ label }</button>
                </p>
            }
            <div class="indicator-controls">
                <div class="levels" role="radiogroup" aria-labelledby={text_id} aria-describedby={open.then_some(mark_id)}>
                    { for Score::LEVELS.into_iter().map(option) }
                </div>
                <button
                    type="button"
                    class="clear-score"
                    aria-label={props.lang.clear_score_label(id)}
                    disabled={props.locked || open}
                    onclick={clear}
                >
                    { t.clear_score }
                </button>
            </div>
            // Not a fourth level: a box of its own below the scale, read out with the indicator.
            <div class="not-observed">
                <input
                    type="checkbox"
                    id={not_observed_id.clone()}
                    checked={not_observed}
                    disabled={props.locked}
                    aria-describedby={format!("{} {}", dom_id("indicator-text", id), not_observed_note_id)}
                    onchange={on_not_observed}
                />
                <label for={not_observed_id}>{ props.lang.not_observed_label(props.mode) }</label>
                <span class="not-observed-note" id={not_observed_note_id}>{ n.hint }</span>
            </div>
            <p class="print-only print-score">{ printed_score }</p>
            if !props.comment.is_empty() {
                <p class="print-only print-comment">{ format!("{}: {}", t.print_comment, props.comment) }</p>
            }
            // Closed until there is evidence to show, so 42 empty fields do not crowd the form.
            <details class="comment" open={!props.comment.is_empty()} ontoggle={on_toggle}>
                <summary onclick={on_summary_click}>{ t.comment_label }</summary>
                if field_made {
                    <div class="field">
                        <label class="visually-hidden" for={comment_id.clone()}>{ t.comment_label }</label>
                        <textarea
                            id={comment_id.clone()}
                            rows="3"
                            maxlength={MAX_TEXT_CHARS.to_string()}
                            placeholder={t.comment_hint}
                            value={props.comment.clone()}
                            disabled={props.locked}
                            oninput={on_comment}
                        />
                    </div>
                }
            </details>
        </li>
    }
}
