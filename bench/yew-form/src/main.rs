//! The least a Yew form of 42 radio groups does (see Cargo.toml): bench/run clicks it as it clicks
//! the plain-DOM form and the app, and times its start-up beside the floor.
use std::rc::Rc;
use yew::prelude::*;

include!(concat!(env!("OUT_DIR"), "/groups.rs"));

/// The values and names of bench/run's plain-DOM form.
const LEVELS: [(&str, u8); 3] = [("present", 1), ("good", 2), ("high", 3)];

#[derive(Properties, PartialEq)]
struct GroupProps {
    index: usize,
    score: Option<u8>,
    on_score: Callback<(usize, u8)>,
}

#[function_component]
fn Group(props: &GroupProps) -> Html {
    let (id, _) = GROUPS[props.index];
    let name = format!("score-{id}");
    html! {
        <fieldset role="radiogroup" aria-label={id}>
            <legend>{ id }</legend>
            { for LEVELS.iter().map(|&(level, value)| {
                let on_score = props.on_score.clone();
                let index = props.index;
                html! {
                    <label>
                        <input type="radio" name={name.clone()} value={level}
                            checked={props.score == Some(value)}
                            onchange={move |_| on_score.emit((index, value))} />
                        { " " }{ level }
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[function_component]
fn Form() -> Html {
    let scores = use_state(|| Rc::new(vec![None::<u8>; GROUPS.len()]));
    let on_score = {
        let scores = scores.clone();
        use_callback((), move |(index, value): (usize, u8), _| {
            let mut next = (**scores).clone();
            next[index] = Some(value);
            scores.set(Rc::new(next));
        })
    };
    let mut sums = vec![(0u32, 0u32); OUTCOMES.len()];
    for (&(_, outcome), score) in GROUPS.iter().zip(scores.iter()) {
        if let Some(value) = score {
            sums[outcome].0 += u32::from(*value);
            sums[outcome].1 += 1;
        }
    }
    let scored: u32 = sums.iter().map(|s| s.1).sum();
    html! {
        <>
            <form id="form">
                { for (0..GROUPS.len()).map(|index| html! {
                    <Group key={index} {index} score={scores[index]} on_score={on_score.clone()} />
                }) }
            </form>
            <section id="summary">
                <p id="count">{ format!("{scored} van {} indicatoren gescoord", GROUPS.len()) }</p>
                <ul id="means">
                    { for OUTCOMES.iter().zip(&sums).map(|(id, &(sum, n))| html! {
                        <li key={*id}>{ format!("{id}: {}", mean(sum, n)) }</li>
                    }) }
                </ul>
            </section>
        </>
    }
}

fn mean(sum: u32, n: u32) -> String {
    if n == 0 {
        "–".to_owned()
    } else {
        let hundredths = (sum * 100 + n / 2) / n;
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    }
}

fn main() {
    yew::Renderer::<Form>::new().render();
}
