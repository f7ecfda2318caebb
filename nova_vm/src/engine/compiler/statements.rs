//! ### [14 ECMAScript Language: Statements and Declarations](https://tc39.es/ecma262/#sec-ecmascript-language-statements-and-declarations)

use oxc_ast::ast::*;
use oxc_span::GetSpan;
use oxc_syntax::scope::ScopeId;

use super::control::{Completion, ControlScope};
use super::expressions::{CResult, NameSource};
use super::operators::writes_destination_last;
use super::{CompileError, FunctionCompiler, Label, Location};
use crate::engine::bytecode::{ExceptionHandler, Instruction, Reg};

impl FunctionCompiler<'_, '_, '_> {
    /// Compiles one statement.
    pub(crate) fn statement(&mut self, s: &Statement) -> CResult {
        self.enter_nesting()?;
        let mark = self.mark();
        self.at(s);
        let result = self.statement_inner(s, &[]);
        self.release(mark);
        self.leave_nesting();
        result
    }

    pub(crate) fn reset_completion(&mut self) {
        if let Some(c) = self.completion_register {
            self.emit(Instruction::LoadUndefined { dst: c });
        }
    }

    fn statement_inner(&mut self, s: &Statement, labels: &[String]) -> CResult {
        match s {
            Statement::BlockStatement(block) => self.block(&block.body, block.scope_id.get())?,
            Statement::EmptyStatement(_) | Statement::DebuggerStatement(_) => {}
            Statement::ExpressionStatement(e) => match self.completion_register {
                Some(c) => self.expr(&e.expression, c)?,
                None => self.expr_effect(&e.expression)?,
            },
            Statement::VariableDeclaration(declaration) => {
                self.variable_declaration(declaration)?
            }
            Statement::FunctionDeclaration(f) => self.annex_b_function(f)?,
            Statement::ClassDeclaration(c) => {
                let r = self.alloc();
                let name =
                    c.id.as_ref()
                        .map(|id| NameSource::Static(id.name.to_string()));
                self.class(c, r, name)?;
                if let Some(id) = &c.id {
                    self.bind_declared(id, r)?;
                }
            }
            Statement::IfStatement(i) => {
                self.reset_completion();
                let else_label = self.new_label();
                let end = self.new_label();
                let test_mark = self.mark();
                let test = self.expr_operand(&i.test, false)?;
                self.jump_if_false(test_mark, test, else_label);
                self.statement(&i.consequent)?;
                if let Some(alternate) = &i.alternate {
                    self.jump(end);
                    self.place(else_label);
                    self.statement(alternate)?;
                } else {
                    self.place(else_label);
                }
                self.place(end);
            }
            Statement::WhileStatement(w) => self.while_statement(w, labels)?,
            Statement::DoWhileStatement(d) => self.do_while_statement(d, labels)?,
            Statement::ForStatement(f) => self.for_statement(f, labels)?,
            Statement::ForInStatement(f) => self.for_in_statement(f, labels)?,
            Statement::ForOfStatement(f) => self.for_of_statement(f, labels)?,
            Statement::LabeledStatement(l) => {
                let mut all = labels.to_vec();
                all.push(l.label.name.to_string());
                match &l.body {
                    body @ (Statement::WhileStatement(_)
                    | Statement::DoWhileStatement(_)
                    | Statement::ForStatement(_)
                    | Statement::ForInStatement(_)
                    | Statement::ForOfStatement(_)
                    | Statement::LabeledStatement(_)) => {
                        self.statement_inner(body, &all)?;
                    }
                    body => {
                        let end = self.new_label();
                        self.control.push(ControlScope::Breakable {
                            labels: all,
                            is_loop: false,
                            is_switch: false,
                            break_label: end,
                            continue_label: None,
                            env_depth: self.local_env_depth,
                        });
                        self.statement(body)?;
                        self.control.pop();
                        self.place(end);
                    }
                }
            }
            Statement::BreakStatement(b) => {
                let label = b.label.as_ref().map(|l| l.name.as_str());
                let target = self
                    .break_target(label)
                    .ok_or_else(|| CompileError::syntax("Illegal break statement"))?;
                self.emit_completion(Completion::Break { target }, None);
            }
            Statement::ContinueStatement(c) => {
                let label = c.label.as_ref().map(|l| l.name.as_str());
                let target = self
                    .continue_target(label)
                    .ok_or_else(|| CompileError::syntax("Illegal continue statement"))?;
                self.emit_completion(Completion::Continue { target }, None);
            }
            Statement::ReturnStatement(r) => {
                let value = match &r.argument {
                    Some(argument) => self.expr_temp(argument)?,
                    None => {
                        let v = self.alloc();
                        self.emit(Instruction::LoadUndefined { dst: v });
                        v
                    }
                };
                // 15.6.2 / 14.10.1: in an async generator, `return` awaits its operand.
                let value = if matches!(
                    self.kind,
                    crate::engine::bytecode::FunctionKind::AsyncGenerator
                ) {
                    self.emit_await(value)
                } else {
                    value
                };
                self.emit_completion(Completion::Return, Some(value));
            }
            Statement::ThrowStatement(t) => {
                let value = self.expr_temp(&t.argument)?;
                self.at(t.as_ref());
                self.emit(Instruction::Throw { src: value });
            }
            Statement::TryStatement(t) => {
                self.reset_completion();
                match &t.finalizer {
                    Some(finalizer) => {
                        let completion = self.completion_register;
                        self.with_finally(
                            |fc| {
                                fc.deferred_error =
                                    fc.try_catch(t).err().or(fc.deferred_error.take());
                            },
                            |fc| {
                                // The finally block's own completion value is discarded.
                                let saved = fc.completion_register;
                                if completion.is_some() {
                                    fc.completion_register = Some(fc.alloc());
                                }
                                let result = fc.block(&finalizer.body, finalizer.scope_id.get());
                                fc.completion_register = saved;
                                if let Err(e) = result {
                                    fc.deferred_error = Some(e);
                                }
                            },
                        );
                        if let Some(error) = self.deferred_error.take() {
                            return Err(error);
                        }
                    }
                    None => self.try_catch(t)?,
                }
            }
            Statement::SwitchStatement(s) => self.switch_statement(s, labels)?,
            Statement::WithStatement(w) => {
                self.reset_completion();
                let object = self.expr_temp(&w.object)?;
                self.emit(Instruction::ToObject {
                    dst: object,
                    src: object,
                });
                self.emit(Instruction::PushWithEnv { object });
                self.unit.env_depth += 1;
                self.local_env_depth += 1;
                self.with_depth += 1;
                let result = self.statement(&w.body);
                self.with_depth -= 1;
                self.emit(Instruction::PopEnv);
                self.unit.env_depth -= 1;
                self.local_env_depth -= 1;
                result?;
            }
            Statement::ImportDeclaration(_)
            | Statement::ExportAllDeclaration(_)
            | Statement::ExportDefaultDeclaration(_)
            | Statement::ExportNamedDeclaration(_) => {
                return Err(CompileError::syntax("Modules are not supported yet"));
            }
            _ => return Err(CompileError::syntax("This statement is not supported")),
        }
        Ok(())
    }

    pub(crate) fn push_loop(
        &mut self,
        labels: &[String],
        break_label: Label,
        continue_label: Label,
    ) {
        self.control.push(ControlScope::Breakable {
            labels: labels.to_vec(),
            is_loop: true,
            is_switch: false,
            break_label,
            continue_label: Some(continue_label),
            env_depth: self.local_env_depth,
        });
    }

    /// A block with its own scope.
    pub(crate) fn block(
        &mut self,
        body: &[Statement],
        scope: Option<oxc_syntax::scope::ScopeId>,
    ) -> CResult {
        let pushed = match scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        self.hoist_functions(body)?;
        for statement in body {
            self.statement(statement)?;
        }
        self.leave_scope(pushed);
        Ok(())
    }

    /// Annex B.3.2.1: a function declaration in a sloppy block also assigns
    /// the var-scoped binding of the same name when evaluated.
    fn annex_b_function(&mut self, f: &Function) -> CResult {
        let Some(id) = &f.id else { return Ok(()) };
        let Some(symbol) = id.symbol_id.get() else {
            return Ok(());
        };
        let scoping = self.unit.scoping;
        let declared = scoping.symbol_scope_id(symbol);
        if self.strict || scoping.scope_flags(declared).is_var() {
            return Ok(());
        }
        // Find a var-scoped binding of the same name in the enclosing function scope.
        let mut scope = scoping.scope_parent_id(declared);
        while let Some(s) = scope {
            if let Some(outer) = scoping.get_binding(s, id.name) {
                let flags = scoping.symbol_flags(outer);
                if flags.intersects(
                    oxc_syntax::symbol::SymbolFlags::BlockScopedVariable
                        | oxc_syntax::symbol::SymbolFlags::ConstVariable
                        | oxc_syntax::symbol::SymbolFlags::Class,
                ) {
                    return Ok(());
                }
                if scoping.scope_flags(s).is_var() {
                    let r = self.alloc();
                    let current = self.unit.locations.get(&symbol).copied();
                    match current {
                        Some(location) => self.load_location_any(location, r, id.name.as_str()),
                        None => return Ok(()),
                    }
                    match self.unit.locations.get(&outer).copied() {
                        Some(Location::Global) => {
                            let cache = self.cache(id.name.as_str());
                            self.emit(Instruction::SetGlobal { src: r, cache });
                        }
                        Some(location) => self.store_location(location, r),
                        None => {
                            let constant = self.string_constant(id.name.as_str());
                            self.emit(Instruction::SetName { src: r, constant });
                        }
                    }
                    return Ok(());
                }
            }
            if scoping.scope_flags(s).is_var() {
                return Ok(());
            }
            scope = scoping.scope_parent_id(s);
        }
        Ok(())
    }

    /// Loads any location, including globals.
    pub(crate) fn load_location_any(&mut self, location: Location, dst: Reg, name: &str) {
        match location {
            Location::Global => {
                let cache = self.cache(name);
                self.emit(Instruction::GetGlobal { dst, cache });
            }
            other => self.load_location(other, dst, false),
        }
    }

    pub(crate) fn variable_declaration(&mut self, declaration: &VariableDeclaration) -> CResult {
        let is_var = declaration.kind == VariableDeclarationKind::Var;
        if matches!(
            declaration.kind,
            VariableDeclarationKind::Using | VariableDeclarationKind::AwaitUsing
        ) {
            return Err(CompileError::syntax(
                "'using' declarations are not supported yet",
            ));
        }
        for declarator in &declaration.declarations {
            let m = self.mark();
            self.at(declarator);
            // A let/const binding is initialized after its initializer: a
            // reference inside it is in the TDZ.
            if !is_var && declarator.init.is_some() {
                let end = declarator.span.end;
                super::function::collect_bound_symbols(&declarator.id, &mut |s| {
                    self.unit.initialized_at.insert(s, end);
                });
            }
            match (&declarator.init, is_var) {
                (None, true) => {}
                (None, false) => {
                    let value = self.alloc();
                    self.emit(Instruction::LoadUndefined { dst: value });
                    self.bind_pattern(&declarator.id, value, true)?;
                }
                (Some(init), _)
                    if let BindingPattern::BindingIdentifier(id) = &declarator.id
                        && (!is_var || self.with_depth == 0)
                        && writes_destination_last(init)
                        && let Some(reg) = self.declared_register(id) =>
                {
                    self.expr(init, reg)?;
                }
                (Some(init), _) => {
                    let value = self.alloc();
                    match &declarator.id {
                        BindingPattern::BindingIdentifier(id) => {
                            self.named_evaluation(
                                init,
                                value,
                                NameSource::Static(id.name.to_string()),
                            )?;
                        }
                        _ => self.expr(init, value)?,
                    }
                    self.bind_pattern(&declarator.id, value, !is_var)?;
                }
            }
            self.release(m);
        }
        Ok(())
    }

    /// Binds the loop variable of a for-in/of head to `value`.
    fn bind_for_head(&mut self, left: &ForStatementLeft, value: Reg) -> CResult {
        match left {
            ForStatementLeft::VariableDeclaration(d) => {
                let declarator = d
                    .declarations
                    .first()
                    .ok_or_else(|| CompileError::syntax("Invalid for-in/of head"))?;
                self.bind_pattern(
                    &declarator.id,
                    value,
                    d.kind != VariableDeclarationKind::Var,
                )
            }
            target => self.assign_to_target(target.to_assignment_target(), value),
        }
    }

    fn head_scope(
        &self,
        f_scope: Option<oxc_syntax::scope::ScopeId>,
        left: &ForStatementLeft,
    ) -> Option<oxc_syntax::scope::ScopeId> {
        match left {
            ForStatementLeft::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var => {
                f_scope
            }
            _ => None,
        }
    }

    /// The bindings of a for-in/of head are initialized by each iteration,
    /// so the right-hand side (ending at `end`) sees them in their TDZ.
    fn head_initialized_after(&mut self, head_scope: Option<ScopeId>, end: u32) {
        if let Some(scope) = head_scope {
            for symbol in self.unit.scoping.get_bindings(scope).values() {
                self.unit.initialized_at.insert(*symbol, end);
            }
        }
    }

    fn for_in_statement(&mut self, f: &ForInStatement, labels: &[String]) -> CResult {
        self.reset_completion();
        let head_scope = self.head_scope(f.scope_id.get(), &f.left);
        // Annex B: `for (var x = init in o)`.
        if let ForStatementLeft::VariableDeclaration(d) = &f.left
            && let Some(declarator) = d.declarations.first()
            && let Some(init) = &declarator.init
        {
            let value = self.alloc();
            self.expr(init, value)?;
            self.bind_pattern(&declarator.id, value, false)?;
        }
        // The right-hand side sees the head's bindings in their TDZ.
        self.head_initialized_after(head_scope, f.right.span().end);
        let pushed = match head_scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        let object = self.expr_temp(&f.right)?;
        self.leave_scope(pushed);
        if let Some(scope) = head_scope {
            self.forget_scope(scope);
        }
        let iterator = self.alloc();
        let end = self.new_label();
        let after = self.new_label();
        let object_nullish = self.new_label();
        self.emit_jump(
            |target| Instruction::JumpIfNullish {
                src: object,
                target,
            },
            object_nullish,
        );
        self.emit(Instruction::ForInStart {
            dst: iterator,
            src: object,
        });
        let top = self.new_label();
        self.push_loop(labels, end, top);
        self.place(top);
        let key = self.alloc();
        self.emit_jump(
            |done| Instruction::ForInNext {
                dst: key,
                iterator,
                done,
            },
            end,
        );
        let pushed = match head_scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        self.bind_for_head(&f.left, key)?;
        self.statement(&f.body)?;
        self.leave_scope(pushed);
        self.jump(top);
        self.control.pop();
        self.place(end);
        self.jump(after);
        self.place(object_nullish);
        self.place(after);
        Ok(())
    }

    fn for_of_statement(&mut self, f: &ForOfStatement, labels: &[String]) -> CResult {
        let is_async = f.r#await;
        self.reset_completion();
        let head_scope = self.head_scope(f.scope_id.get(), &f.left);
        self.head_initialized_after(head_scope, f.right.span().end);
        let pushed = match head_scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        let iterable = self.expr_temp(&f.right)?;
        self.leave_scope(pushed);
        if let Some(scope) = head_scope {
            self.forget_scope(scope);
        }
        let iterator = self.alloc_n(2);
        if is_async {
            self.emit(Instruction::GetAsyncIterator {
                dst: iterator,
                src: iterable,
            });
        } else {
            self.emit(Instruction::GetIterator {
                dst: iterator,
                src: iterable,
            });
        }
        let top = self.new_label();
        let end = self.new_label();
        self.push_loop(labels, end, top);
        self.place(top);
        let value = self.alloc();
        if is_async {
            // ForIn/OfBodyEvaluation step 6.a-d: Call(next), Await, check, IteratorComplete.
            let result = self.alloc();
            self.emit(Instruction::AsyncIteratorNext {
                dst: result,
                iterator,
            });
            let received = self.emit_await(result);
            self.emit_jump(
                |done| Instruction::IteratorResultValue {
                    dst: value,
                    src: received,
                    done,
                },
                end,
            );
        } else {
            self.emit_jump(
                |done| Instruction::IteratorStep {
                    dst: value,
                    iterator,
                    done,
                },
                end,
            );
        }
        // Abrupt completions of the body close the iterator.
        self.control.push(ControlScope::Iterator {
            iterator,
            is_async,
            done: None,
            closing: Vec::new(),
        });
        let env_depth = self.local_env_depth;
        let start = self.pc();
        let pushed = match head_scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        self.bind_for_head(&f.left, value)?;
        self.statement(&f.body)?;
        self.leave_scope(pushed);
        let end_of_body = self.pc();
        let Some(ControlScope::Iterator { closing, .. }) = self.control.pop() else {
            unreachable!("the loop's iterator scope")
        };
        self.jump(top);
        // Throws from the body (outside the code that already closes the
        // iterator) close the iterator, ignoring errors from it, and rethrow.
        let exception = self.alloc();
        let handler = self.target_pc();
        let mut covered_from = start;
        for (hole_start, hole_end) in closing.into_iter().chain([(end_of_body, end_of_body)]) {
            if hole_start > covered_from {
                self.handlers.push(ExceptionHandler {
                    start: covered_from,
                    end: hole_start,
                    handler,
                    register: exception,
                    env_depth,
                });
            }
            covered_from = covered_from.max(hole_end);
        }
        if is_async {
            self.emit_async_iterator_close_quiet(iterator);
        } else {
            self.emit(Instruction::IteratorCloseQuiet { iterator });
        }
        self.emit(Instruction::Throw { src: exception });
        self.control.pop();
        self.place(end);
        Ok(())
    }

    fn switch_statement(&mut self, s: &SwitchStatement, labels: &[String]) -> CResult {
        self.reset_completion();
        let discriminant = self.expr_temp(&s.discriminant)?;
        let scope = s.scope_id.get();
        if let Some(scope) = scope {
            self.unit.switch_scopes.insert(scope);
        }
        let pushed = match scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        for case in &s.cases {
            self.hoist_functions(&case.consequent)?;
        }
        let end = self.new_label();
        let mut mut_labels = labels.to_vec();
        mut_labels.push(String::new());
        self.control.push(ControlScope::Breakable {
            labels: labels.to_vec(),
            is_loop: false,
            is_switch: true,
            break_label: end,
            continue_label: None,
            env_depth: self.local_env_depth,
        });
        let case_labels: Vec<Label> = s.cases.iter().map(|_| self.new_label()).collect();
        let test = self.alloc();
        let mut default_index = None;
        for (i, case) in s.cases.iter().enumerate() {
            match &case.test {
                Some(t) => {
                    let m = self.mark();
                    let value = self.expr_temp(t)?;
                    self.emit(Instruction::StrictEq {
                        dst: test,
                        lhs: discriminant,
                        rhs: value,
                    });
                    let label = case_labels[i];
                    self.emit_jump(
                        |target| Instruction::JumpIfTrue { cond: test, target },
                        label,
                    );
                    self.release(m);
                }
                None => default_index = Some(i),
            }
        }
        match default_index {
            Some(i) => self.jump(case_labels[i]),
            None => self.jump(end),
        }
        for (i, case) in s.cases.iter().enumerate() {
            self.place(case_labels[i]);
            for statement in &case.consequent {
                self.statement(statement)?;
            }
        }
        self.control.pop();
        self.place(end);
        self.leave_scope(pushed);
        Ok(())
    }

    /// `try { } catch { }` (the finally part is handled by the caller).
    fn try_catch(&mut self, t: &TryStatement) -> CResult {
        let Some(handler_clause) = &t.handler else {
            return self.block(&t.block.body, t.block.scope_id.get());
        };
        let exception = self.alloc();
        let env_depth = self.local_env_depth;
        let start = self.pc();
        self.block(&t.block.body, t.block.scope_id.get())?;
        let end_of_try = self.pc();
        let end = self.new_label();
        self.jump(end);
        let handler = self.target_pc();
        self.handlers.push(ExceptionHandler {
            start,
            end: end_of_try,
            handler,
            register: exception,
            env_depth,
        });
        // The parameter may be declared in the clause's scope or the body's:
        // enter both before binding it.
        let clause_scope = handler_clause.scope_id.get();
        let body_scope = handler_clause.body.scope_id.get();
        let pushed = match clause_scope {
            Some(scope) => self.enter_scope(scope, &[])?,
            None => false,
        };
        let pushed_body = match body_scope {
            Some(scope) if Some(scope) != clause_scope => self.enter_scope(scope, &[])?,
            _ => false,
        };
        if let Some(param) = &handler_clause.param {
            self.bind_pattern(&param.pattern, exception, true)?;
        }
        self.hoist_functions(&handler_clause.body.body)?;
        for statement in &handler_clause.body.body {
            self.statement(statement)?;
        }
        self.leave_scope(pushed_body);
        self.leave_scope(pushed);
        self.place(end);
        Ok(())
    }
}
