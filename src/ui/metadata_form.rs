use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::radio_choice::RadioChoice;
use crate::core::assessment::{Action, Invited, Metadata, MetadataField, Mode};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct MetadataFormProps<M: PartialEq> {
    pub lang: Lang,
    /// A signed assessment is final: every field is read-only.
    #[prop_or_default]
    pub locked: bool,
    pub metadata: Metadata,
    /// Opened from a docent's invitation: the fields it sets are read-only.
    #[prop_or_default]
    pub invited: bool,
    /// Takes the page's message: the whole form's, or the scoring page's (`ui::scoring`).
    pub dispatch: Callback<M>,
}

/// Browser autofill hints: the details of whoever uses the browser may be filled in (the
/// assessor's, or in a self-assessment the student's name), a student's must not be guessed from
/// someone else's.
fn autocomplete(field: MetadataField, mode: Mode) -> &'static str {
    match field {
        MetadataField::AssessorName => "name",
        MetadataField::StudentName if mode == Mode::SelfAssessment => "name",
        MetadataField::Organisation => "organization",
        MetadataField::AssessorRole => "organization-title",
        MetadataField::StudentName | MetadataField::StudentNumber | MetadataField::Date => "off",
    }
}

#[function_component]
pub fn MetadataForm<M: From<Action> + PartialEq + 'static>(props: &MetadataFormProps<M>) -> Html {
    let lang = props.lang;
    let t = lang.form_texts();
    let mode = props.metadata.mode;
    let field = |field: MetadataField| {
        let id = format!("meta-{}", field.key());
        let dispatch = props.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Action::SetMetadata(field, input.value()).into());
            }
        });
        let kind = if field == MetadataField::Date { "date" } else { "text" };
        let set_by_invitation = props.invited && Invited::locks(field);
        let hint = (field == MetadataField::AssessorRole || set_by_invitation)
            .then(|| format!("{id}-hint"));
        html! {
            <div class={classes!("field", format!("field-{}", field.key()))}>
                <label for={id.clone()}>{ lang.form_label(field, mode) }</label>
                <input
                    id={id.clone()}
                    type={kind}
                    value={props.metadata.get(field).to_string()}
                    autocomplete={autocomplete(field, mode)}
                    aria-describedby={hint.clone()}
                    disabled={props.locked}
                    readonly={set_by_invitation}
                    {oninput}
                />
                if let Some(hint) = hint {
                    <p class="hint" id={hint}>
                        { if set_by_invitation { lang.invite_texts().locked_note } else { t.assessor_role_hint } }
                    </p>
                }
            </div>
        }
    };
    let mode_option = |mode: Mode| {
        html! {
            <RadioChoice
                id={format!("mode-{}", mode.key())}
                name="mode"
                value={mode.key()}
                checked={props.metadata.mode == mode}
                disabled={props.locked || props.invited}
                hint={AttrValue::from(lang.mode_hint(mode))}
                on_choose={props.dispatch.reform(move |()| Action::SetMode(mode).into())}
            >
                { lang.mode_label(mode) }
            </RadioChoice>
        }
    };
    // A student scoring themselves is spoken to as such.
    let (heading, hint) = match mode {
        Mode::Assessor => (t.metadata_heading, t.metadata_hint),
        Mode::SelfAssessment => {
            let s = lang.self_texts();
            (s.metadata_heading, s.metadata_hint)
        }
    };
    html! {
        <section class="card metadata" aria-labelledby="metadata-heading">
            <h2 id="metadata-heading">{ heading }</h2>
            <p class="hint">{ hint }</p>
            <fieldset class="mode">
                <legend>{ t.mode_legend }</legend>
                if props.invited {
                    <p class="hint">{ lang.invite_texts().locked_note }</p>
                }
                { for Mode::ALL.into_iter().map(mode_option) }
            </fieldset>
            <div class="fields">
                { for props.metadata.form_fields().map(field) }
            </div>
            // Form controls print in the browser's own way (dates by locale); paper gets the text.
            <dl class="print-only print-metadata">
                <div>
                    <dt>{ t.mode_legend }</dt>
                    <dd>{ lang.mode_label(props.metadata.mode) }</dd>
                </div>
                { for MetadataField::ALL.into_iter().map(|field| html! {
                    <div>
                        <dt>{ lang.metadata_label(field) }</dt>
                        <dd>{ props.metadata.get(field).to_string() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
