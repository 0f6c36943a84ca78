//! The page: the app's model, started from what the browser kept, and the view it shows.

use std::cell::RefCell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

#[cfg(not(feature = "hogeschool"))]
use super::form_page::content as page_content;
#[cfg(feature = "hogeschool")]
use super::hogeschool_page::content as page_content;
use super::invitation_banner::InvitationBanner;
use super::link_notices::link_notices;
use super::load_failure::load_failure_text;
use super::notices::Notices;
use super::page_header::PageHeader;
use crate::core::app::pages::Page as AppPage;
use crate::core::app::{Model, Msg, View};
use crate::core::framework::source::{FrameworkSource, LoadFailure};
use crate::web::link::{self, Link};
use crate::web::runner::dispatcher;
use crate::web::{pages, startup};

/// Until the browser's stores are read (and a framework a link names has arrived or failed),
/// the page says it is busy; then the app runs on its model.
#[function_component]
pub fn App() -> Html {
    let link: Rc<Link> = (*use_memo((), |_| {
        let link = link::get();
        startup::keep_link_lang(&link);
        crate::web::history::remember_anchor();
        link
    }))
    .clone();
    let booted = use_state(|| None::<Result<Rc<RefCell<Model>>, Rc<LoadFailure>>>);
    let late_redraw: LateRedraw = (*use_memo((), |_| LateRedraw::default())).clone();
    {
        let booted = booted.clone();
        let link = link.clone();
        let late_redraw = late_redraw.clone();
        use_effect_with((), move |_| {
            // An address that names a view of the other page (a bookmark) goes there first.
            let first = match pages::first_view() {
                Ok(first) => first,
                Err(address) => return pages::go(&address, true),
            };
            spawn_local(async move {
                let (model, default) = match startup::boot(&link).await {
                    Ok(b) => (Ok(Rc::new(RefCell::new(b.model))), Some(b.default)),
                    Err(failure) => (Err(Rc::new(failure)), None),
                };
                let show = |model: &Rc<RefCell<Model>>, view: View| {
                    dispatcher(model.clone(), late_redraw.callback()).emit(Msg::Show(view));
                };
                if let (Ok(model), Some(view)) = (&model, first) {
                    // Before the first render, so the page opens on the view its address names.
                    show(model, view);
                }
                booted.set(Some(model.clone()));
                // The crash journal, read after the first render (startup::boot says why): where
                // it put back what the start did not see, the page starts again from it, on the
                // view the user is on by then, which need not be the one the address named.
                if let (Ok(model), Some(default)) = (model, default) {
                    match startup::late_journal(&link, &default).await {
                        (Some(again), _) => {
                            let shown = model.borrow().view;
                            *model.borrow_mut() = again;
                            if model.borrow().view != shown {
                                show(&model, shown);
                            }
                            late_redraw.callback().emit(());
                        }
                        (None, Some(answer)) => {
                            dispatcher(model.clone(), late_redraw.callback()).emit(answer)
                        }
                        (None, None) => {}
                    }
                }
            });
        });
    }
    // The service worker waits for the page's first content (web::offline says why).
    use_effect_with(booted.is_some(), |&done| {
        if done {
            crate::web::offline::register_after_first_paint();
        }
    });
    match &*booted {
        Some(Ok(model)) => {
            html! { <Page model={model.clone()} link={link.clone()} late_redraw={late_redraw.clone()} /> }
        }
        Some(Err(error)) => {
            let lang = startup::saved_lang(&link);
            html! {
                <div class="app" lang={lang.code()}>
                    <div class="notice notice-error" role="alert">
                        <h1>{ lang.texts().framework_error }</h1>
                        { load_failure_text(lang, error) }
                    </div>
                </div>
            }
        }
        None => {
            // What the page said before the app's code arrived (index.html), in the app's language.
            let lang = startup::saved_lang(&link);
            let e = lang.embed_texts();
            let loading = match AppPage::HERE {
                _ if link.config.framework.is_some() => e.framework_loading,
                AppPage::Form => e.form_loading,
                AppPage::Hogeschool => e.page_loading,
            };
            html! {
                <div class="boot" aria-busy="true" lang={lang.code()}>
                    <p class="boot-status" role="status">{ loading }</p>
                </div>
            }
        }
    }
}

/// The page's redraw, for answers to what the first view asked before the page was there: the
/// first view's message is handled before the first render, and an answer that comes later (the
/// kept cohort, read from IndexedDB) must still redraw the page.
#[derive(Clone, Default)]
struct LateRedraw(Rc<RefCell<Option<Callback<()>>>>);

impl LateRedraw {
    fn callback(&self) -> Callback<()> {
        let late = self.0.clone();
        Callback::from(move |()| {
            let redraw = late.borrow().clone();
            if let Some(redraw) = redraw {
                redraw.emit(());
            }
        })
    }
}

#[derive(Properties)]
struct PageProps {
    model: Rc<RefCell<Model>>,
    link: Rc<Link>,
    late_redraw: LateRedraw,
}

/// All are made once and never replaced, so identity says all.
impl PartialEq for PageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
            && Rc::ptr_eq(&self.link, &other.link)
            && Rc::ptr_eq(&self.late_redraw.0, &other.late_redraw.0)
    }
}

#[function_component]
fn Page(props: &PageProps) -> Html {
    let redraw = use_force_update();
    let dispatch = (*use_memo((), {
        let model = props.model.clone();
        let late = props.late_redraw.0.clone();
        move |_| {
            let redraw = Callback::from(move |()| redraw.force_update());
            *late.borrow_mut() = Some(redraw.clone());
            dispatcher(model, redraw)
        }
    }))
    .clone();
    {
        let dispatch = dispatch.clone();
        let (link, model) = (props.link.clone(), props.model.clone());
        use_effect_with((), move |_| {
            crate::web::marks::mark("page-effects");
            crate::web::history::go_to_anchor();
            // Where the link names no host, the invitation the open assessment came from may have.
            let parent_origin = link.config.parent_origin.clone().or_else(|| {
                let m = model.borrow();
                m.open.assessment.invitation.as_ref().and_then(|i| i.host_origin.clone())
            });
            crate::web::invitation::start(&dispatch);
            let hash = crate::web::invitation::on_hash_change(dispatch.clone());
            let history = crate::web::history::listen(dispatch.clone());
            let listener = startup::connect(dispatch, parent_origin.as_deref());
            move || {
                drop(listener);
                drop(history);
                drop(hash);
            }
        });
    }
    // Made once, as `dispatch` is: a new callback on each render would draw the header again.
    let (on_view, on_lang) = (*use_memo((), {
        let dispatch = dispatch.clone();
        move |_| {
            let on_lang = dispatch.reform(Msg::SetLang);
            let on_view = Callback::from(move |view: View| {
                if !pages::open_elsewhere(view) {
                    dispatch.emit(Msg::Show(view));
                }
            });
            (on_view, on_lang)
        }
    }))
    .clone();
    let m = props.model.borrow();
    let lang = m.lang;
    let t = lang.texts();
    let framework = m.framework.framework();
    // A view of the other page (the core may choose one, such as the form after a framework
    // change) is opened there; until it loads, this page shows no content.
    use_effect_with(m.view, |view| {
        pages::open_elsewhere(*view);
    });
    let kept_copy = match &m.source {
        FrameworkSource::Url(address) if m.link_kept_copy => Some(address.as_str()),
        _ => None,
    };
    let content = if m.view.is_on(AppPage::HERE) {
        page_content(&m, &dispatch)
    } else {
        html! { <main id="main" class="content" aria-busy="true"></main> }
    };
    html! {
        <div class="app" lang={lang.code()}>
            if m.view == View::Assess {
                <a class="skip-link" href="#summary">{ lang.form_texts().skip_to_summary }</a>
            }
            <PageHeader {lang} framework={framework.clone()} {on_lang} view={m.view} {on_view} />
            <Notices {lang} storage={m.storage} error={m.error.clone()} dispatch={dispatch.clone()} />
            if let Some(notice) = &m.invitation_notice {
                <InvitationBanner {lang} notice={notice.clone()} framework={AttrValue::from(framework.title.clone())} zone={m.zone.clone()} dispatch={dispatch.clone()} />
            }
            if !m.link_dismissed {
                { link_notices(lang, &props.link, m.link_failure.as_deref(), kept_copy, &dispatch) }
            }
            { content }
            <footer class="page-footer">
                <p lang={framework.language.clone()}>
                    { format!("{}: {}, {} ({}).", t.source, framework.source.title, framework.source.publisher, framework.source.date) }
                </p>
                <p lang={framework.language.clone()}>{ format!("{}: {}.", lang.form_texts().scale_heading, framework.scale.source) }</p>
            </footer>
        </div>
    }
}
