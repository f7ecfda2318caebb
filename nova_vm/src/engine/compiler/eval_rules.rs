//! The additional early errors of eval code, from
//! [19.2.1.1 PerformEval](https://tc39.es/ecma262/#sec-performeval) step 11:
//! `new.target`, `super.x`, `super()` and `arguments` are allowed in eval code
//! only where the code that calls eval could use them.

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_syntax::scope::ScopeFlags;

/// Where a direct eval runs, from its caller's this-environment
/// (PerformEval steps 6-10); all false for indirect eval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EvalContext {
    /// `inFunction`: the this-environment is a function's.
    pub in_function: bool,
    /// `inMethod`: that function has a home object (HasSuperBinding).
    pub in_method: bool,
    /// `inDerivedConstructor`: it is a derived class constructor.
    pub in_derived_constructor: bool,
    /// `inClassFieldInitializer`: it is a class field initializer.
    pub in_class_field_initializer: bool,
}

/// What PerformEval step 11 decides for eval code `body` in `context`.
pub(crate) struct EvalBodyCheck {
    /// The early error the body raises, if any.
    pub error: Option<&'static str>,
    /// Source offsets of the `super` keywords the context allows. The parser's
    /// own checks treat eval code as a script, where `super` is never allowed;
    /// their diagnostics at these offsets do not apply.
    pub allowed_super: Vec<u32>,
}

/// PerformEval step 11.c-f for `body` in `context`.
pub(crate) fn check_eval_body(program: &Program, context: EvalContext) -> EvalBodyCheck {
    let mut found = Contains::default();
    found.visit_program(program);
    let mut allowed_super = Vec::new();
    if context.in_method {
        allowed_super.extend(&found.super_property_at);
    }
    if context.in_derived_constructor {
        allowed_super.extend(&found.super_call_at);
    }
    EvalBodyCheck {
        error: eval_body_error(&found, context),
        allowed_super,
    }
}

fn eval_body_error(found: &Contains, context: EvalContext) -> Option<&'static str> {
    // d. If inFunction is false and body Contains NewTarget, throw a SyntaxError.
    if !context.in_function && found.new_target {
        return Some("new.target expression is not allowed here");
    }
    // e. If inMethod is false and body Contains SuperProperty, throw a SyntaxError.
    if !context.in_method && !found.super_property_at.is_empty() {
        return Some("'super' keyword unexpected here");
    }
    // f. If inDerivedConstructor is false and body Contains SuperCall, throw a SyntaxError.
    if !context.in_derived_constructor && !found.super_call_at.is_empty() {
        return Some("'super' keyword unexpected here");
    }
    // g. If inClassFieldInitializer is true and ContainsArguments of body is true, throw a SyntaxError.
    if context.in_class_field_initializer && found.arguments {
        return Some(
            "'arguments' is not allowed in class field initializer or static initialization block",
        );
    }
    None
}

/// [8.5.1 Static Semantics: Contains](https://tc39.es/ecma262/#sec-static-semantics-contains)
/// for NewTarget, SuperProperty and SuperCall, and
/// [ContainsArguments](https://tc39.es/ecma262/#sec-static-semantics-containsarguments):
/// they look into arrow functions but not into other functions, and into a
/// class only through its heritage and computed keys.
#[derive(Default)]
struct Contains {
    new_target: bool,
    /// Offsets of the `super` of each SuperProperty.
    super_property_at: Vec<u32>,
    /// Offsets of the `super` of each SuperCall.
    super_call_at: Vec<u32>,
    arguments: bool,
}

impl<'a> Visit<'a> for Contains {
    fn visit_new_target(&mut self, _it: &NewTarget) {
        self.new_target = true;
    }

    fn visit_super(&mut self, it: &Super) {
        // A `super` that is not the callee of a call is a SuperProperty.
        self.super_property_at.push(it.span.start);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::Super(callee) = &it.callee {
            self.super_call_at.push(callee.span.start);
            for argument in &it.arguments {
                self.visit_argument(argument);
            }
        } else {
            walk::walk_call_expression(self, it);
        }
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if it.name == "arguments" {
            self.arguments = true;
        }
    }

    fn visit_function(&mut self, _it: &Function<'a>, _flags: ScopeFlags) {
        // A function (not an arrow) has its own new.target, super and arguments.
    }

    fn visit_class_body(&mut self, it: &ClassBody<'a>) {
        for element in &it.body {
            match element {
                ClassElement::MethodDefinition(m) if m.computed => self.visit_property_key(&m.key),
                ClassElement::PropertyDefinition(p) if p.computed => {
                    self.visit_property_key(&p.key)
                }
                ClassElement::AccessorProperty(p) if p.computed => self.visit_property_key(&p.key),
                _ => {}
            }
        }
    }
}
