//! ### [14.7 Iteration Statements](https://tc39.es/ecma262/#sec-iteration-statements): `while`, `do`-`while` and `for`
//!
//! A loop whose test is a small side-effect-order-preserving expression is
//! compiled test-at-the-bottom: the test runs once before the first
//! iteration (leaving the loop if it fails) and again after each iteration,
//! jumping back to the body when it holds. Each iteration then runs one
//! conditional jump instead of a test, a forward exit jump and a backward
//! jump. The test is evaluated exactly as often and in the same order as
//! the spec's loop (14.7.3.2 and 14.7.4.2 evaluate it before each
//! iteration); only its code is emitted twice.

use oxc_ast::ast::*;

use super::expressions::CResult;
use super::{FunctionCompiler, Label};
use crate::engine::bytecode::{Instruction, Reg};

/// Most AST nodes a loop test may have for its code to be emitted twice.
const MAX_DUPLICATED_TEST_NODES: u32 = 24;

impl FunctionCompiler<'_, '_, '_> {
    /// [14.7.3.2 WhileLoopEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-whileloopevaluation)
    pub(crate) fn while_statement(&mut self, w: &WhileStatement, labels: &[String]) -> CResult {
        self.reset_completion();
        let top = self.new_label();
        let next = self.new_label();
        let end = self.new_label();
        if duplicable_test(&w.test) {
            // 1-2. The first test; when it fails the loop is done.
            self.loop_test_exit(&w.test, end)?;
            self.push_loop(labels, end, next);
            self.place(top);
            // 3-4. The body, then the test again (`continue` lands there).
            self.statement(&w.body)?;
            self.place(next);
            self.loop_test_repeat(&w.test, top)?;
        } else {
            self.push_loop(labels, end, top);
            self.place(top);
            self.loop_test_exit(&w.test, end)?;
            self.statement(&w.body)?;
            self.jump(top);
        }
        self.control.pop();
        self.place(end);
        Ok(())
    }

    /// [14.7.2.2 DoWhileLoopEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-dowhileloopevaluation)
    pub(crate) fn do_while_statement(
        &mut self,
        d: &DoWhileStatement,
        labels: &[String],
    ) -> CResult {
        self.reset_completion();
        let top = self.new_label();
        let next = self.new_label();
        let end = self.new_label();
        self.push_loop(labels, end, next);
        self.place(top);
        // 2.a. The body.
        self.statement(&d.body)?;
        // 2.e-f. The test: back to the body while it holds.
        self.place(next);
        self.loop_test_repeat(&d.test, top)?;
        self.control.pop();
        self.place(end);
        Ok(())
    }

    /// [14.7.4.2 ForLoopEvaluation](https://tc39.es/ecma262/#sec-runtime-semantics-forloopevaluation)
    /// and [14.7.4.3 ForBodyEvaluation](https://tc39.es/ecma262/#sec-forbodyevaluation)
    pub(crate) fn for_statement(&mut self, f: &ForStatement, labels: &[String]) -> CResult {
        self.reset_completion();
        let scope = f.scope_id.get();
        let lexical = matches!(&f.init, Some(ForStatementInit::VariableDeclaration(d)) if d.kind != VariableDeclarationKind::Var);
        let pushed = match (scope, lexical) {
            (Some(scope), true) => self.enter_scope(scope, &[])?,
            _ => false,
        };
        match &f.init {
            Some(ForStatementInit::VariableDeclaration(d)) => self.variable_declaration(d)?,
            Some(init) => {
                let m = self.mark();
                self.expr_temp(init.to_expression())?;
                self.release(m);
            }
            None => {}
        }
        let top = self.new_label();
        let next = self.new_label();
        let end = self.new_label();
        self.push_loop(labels, end, next);
        // CreatePerIterationEnvironment before the first iteration.
        if pushed {
            self.emit(Instruction::CopyEnv);
        }
        let test_at_bottom = f.test.as_ref().is_none_or(duplicable_test);
        if test_at_bottom && let Some(test) = &f.test {
            self.loop_test_exit(test, end)?;
        }
        self.place(top);
        if !test_at_bottom && let Some(test) = &f.test {
            self.loop_test_exit(test, end)?;
        }
        self.statement(&f.body)?;
        self.place(next);
        // CreatePerIterationEnvironment, then the increment.
        if pushed {
            self.emit(Instruction::CopyEnv);
        }
        if let Some(update) = &f.update {
            self.expr_effect(update)?;
        }
        match &f.test {
            Some(test) if test_at_bottom => self.loop_test_repeat(test, top)?,
            _ => self.jump(top),
        }
        self.control.pop();
        self.place(end);
        self.leave_scope(pushed);
        Ok(())
    }

    /// Evaluates a loop test and leaves the loop (to `end`) when it is falsy.
    fn loop_test_exit(&mut self, test: &Expression, end: Label) -> CResult {
        self.loop_test(test, end, Self::jump_if_false)
    }

    /// Evaluates a loop test and goes back to the body (at `top`) when it is
    /// truthy.
    fn loop_test_repeat(&mut self, test: &Expression, top: Label) -> CResult {
        self.loop_test(test, top, Self::jump_if_true)
    }

    /// Evaluates a loop test into a temporary and emits `jump` on it.
    fn loop_test(
        &mut self,
        test: &Expression,
        label: Label,
        jump: fn(&mut Self, u32, Reg, Label),
    ) -> CResult {
        let m = self.mark();
        let t = self.expr_operand(test, false)?;
        jump(self, m, t, label);
        self.release(m);
        Ok(())
    }
}

/// True if `test` may be compiled twice: a small expression made of names,
/// literals, `this`, member accesses, calls and operators. Anything whose
/// code has an identity of its own (function and class expressions, template
/// objects, regular expression literals) or that suspends is left alone.
fn duplicable_test(test: &Expression) -> bool {
    let mut budget = MAX_DUPLICATED_TEST_NODES;
    duplicable(test, &mut budget)
}

fn duplicable(e: &Expression, budget: &mut u32) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    match e {
        Expression::Identifier(_)
        | Expression::NumericLiteral(_)
        | Expression::StringLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::NullLiteral(_)
        | Expression::ThisExpression(_) => true,
        Expression::StaticMemberExpression(m) => duplicable(&m.object, budget),
        Expression::ComputedMemberExpression(m) => {
            duplicable(&m.object, budget) && duplicable(&m.expression, budget)
        }
        Expression::UnaryExpression(u) => duplicable(&u.argument, budget),
        Expression::BinaryExpression(b) => {
            duplicable(&b.left, budget) && duplicable(&b.right, budget)
        }
        Expression::LogicalExpression(l) => {
            duplicable(&l.left, budget) && duplicable(&l.right, budget)
        }
        Expression::ParenthesizedExpression(p) => duplicable(&p.expression, budget),
        Expression::CallExpression(c) => {
            duplicable(&c.callee, budget)
                && c.arguments
                    .iter()
                    .all(|a| a.as_expression().is_some_and(|a| duplicable(a, budget)))
        }
        _ => false,
    }
}
