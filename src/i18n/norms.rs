//! Norms: a framework that states the level expected at a level of practice (the 2010 profile).

use super::Lang;

texts! { NormTexts, NORM_NL, NORM_EN {
    heading: "Niveau van beroepsuitoefening", "Level of professional practice";
    intro: "Het profiel geeft per competentie het verwachte niveau (□, + of ++) op vier dimensies: verantwoordelijkheid, zelfstandigheid, complexiteit en transfer kennis. Kies het niveau waartegen je beoordeelt; de samenvatting laat per competentie zien of het resultaat de norm haalt.",
        "For each competence the profile gives the expected level (□, + or ++) on four dimensions: responsibility, autonomy, complexity and transfer of knowledge. Choose the level you assess against; the summary shows for each competence whether the result meets the norm.";
    level: "Niveau", "Level";
    meets: "haalt de norm", "meets the norm";
    below: "onder de norm", "below the norm";
    open: "nog niet te bepalen", "not yet determined";
    expected: "verwacht", "expected";
    choose_framework: "Kies het beoordelingskader", "Choose the framework";
    choose_framework_hint: "Een nieuwe beoordeling gebruikt het kader dat je hier kiest. Bestaande beoordelingen houden hun eigen kader.",
        "A new assessment uses the framework you choose here. Existing assessments keep their own.";
}}

impl Lang {
    pub fn norm_texts(self) -> &'static NormTexts {
        match self {
            Lang::Nl => &NORM_NL,
            Lang::En => &NORM_EN,
        }
    }

    /// "Norm niveau C: 3 gehaald, 2 onder de norm, 15 nog open", and ", 1 niet waargenomen"
    /// when a competence was not observed at all.
    pub fn norm_overview(
        self,
        level: &str,
        [meets, below, open, not_observed]: [usize; 4],
    ) -> String {
        let mut text = match self {
            Lang::Nl => format!(
                "Norm niveau {level}: {meets} gehaald, {below} onder de norm, {open} nog open"
            ),
            Lang::En => format!(
                "Norm at level {level}: {meets} met, {below} below the norm, {open} still open"
            ),
        };
        if not_observed > 0 {
            text.push_str(&format!(", {not_observed} {}", self.not_observed_texts().result));
        }
        text
    }
}
