//! The identifier issuer of RDFC-1.0: hands out `prefix0`, `prefix1`, … and remembers the order,
//! because the canonical labels follow the order in which temporary labels were issued.

use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct IdentifierIssuer {
    prefix: &'static str,
    issued: HashMap<String, String>,
    order: Vec<String>,
}

impl IdentifierIssuer {
    pub fn new(prefix: &'static str) -> Self {
        IdentifierIssuer { prefix, issued: HashMap::new(), order: Vec::new() }
    }

    /// The identifier of `existing`, issuing the next one when it has none yet.
    pub fn issue(&mut self, existing: &str) -> String {
        if let Some(id) = self.issued.get(existing) {
            return id.clone();
        }
        let id = format!("{}{}", self.prefix, self.order.len());
        self.issued.insert(existing.to_string(), id.clone());
        self.order.push(existing.to_string());
        id
    }

    pub fn get(&self, existing: &str) -> Option<&str> {
        self.issued.get(existing).map(String::as_str)
    }

    /// The labels that received an identifier, first issued first.
    pub fn issued_order(&self) -> &[String] {
        &self.order
    }
}
