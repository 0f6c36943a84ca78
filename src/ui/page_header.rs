use std::rc::Rc;

use yew::prelude::*;

pub use crate::core::app::View;
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub on_lang: Callback<Lang>,
    pub view: View,
    pub on_view: Callback<View>,
}

#[function_component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let t = props.lang.texts();
    let other = match props.lang {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    // Only phones show the menu button; there the views and the language wait behind it, so the
    // form starts near the top of the screen. What the page shows, never saved.
    let menu_open = use_state(|| false);
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let onclick = {
        let menu_open = menu_open.clone();
        props.on_lang.reform(move |_: MouseEvent| {
            menu_open.set(false);
            other
        })
    };
    let fw = &props.framework;
    html! {
        <header class={classes!("page-header", menu_open.then_some("menu-open"))}>
            <div class="page-title">
                <p class="app-name">{ props.lang.form_texts().app_title }</p>
                <h1 lang={fw.language.clone()}>{ &fw.title }</h1>
                if let Some(subtitle) = &fw.subtitle {
                    <p class="subtitle" lang={fw.language.clone()}>{ subtitle }</p>
                }
                if let Some(level) = &fw.level {
                    <p class="framework-level" lang={fw.language.clone()}>{ level }</p>
                }
            </div>
            <button
                type="button"
                class="menu-toggle"
                aria-expanded={if *menu_open { "true" } else { "false" }}
                aria-controls="header-menu"
                onclick={toggle_menu}
            >
                <span class="menu-icon" aria-hidden="true"></span>
                { t.menu }
            </button>
            <div class="header-menu" id="header-menu">
            <nav class="views" aria-label={props.lang.form_texts().nav_label}>
                { for [(View::Library, t.nav_library), (View::Assess, t.nav_assess), (View::Verify, t.nav_verify), (View::Compare, props.lang.compare_texts().nav), (View::Cohort, props.lang.cohort_texts().nav), (View::Invite, props.lang.invite_texts().nav)].into_iter().map(|(view, label)| {
                    let menu_open = menu_open.clone();
                    let onclick = props.on_view.reform(move |_: MouseEvent| {
                        menu_open.set(false);
                        view
                    });
                    let current = props.view == view;
                    html! {
                        <button
                            type="button"
                            class={classes!("view-tab", current.then_some("is-current"))}
                            aria-pressed={if current { "true" } else { "false" }}
                            {onclick}
                        >
                            { label }
                        </button>
                    }
                }) }
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang={other.code()}
                aria-label={props.lang.form_texts().switch_language_label}
                {onclick}
            >
                { props.lang.form_texts().switch_language }
            </button>
            </div>
        </header>
    }
}
