//! Assignment ([13.15](https://tc39.es/ecma262/#sec-assignment-operators)),
//! destructuring assignment ([13.15.5](https://tc39.es/ecma262/#sec-destructuring-assignment))
//! and binding patterns ([8.6.2 BindingInitialization](https://tc39.es/ecma262/#sec-runtime-semantics-bindinginitialization)).

use oxc_ast::ast::*;
use oxc_syntax::operator::AssignmentOperator;

use super::control::ControlScope;
use super::expressions::{CResult, NameSource};
use super::operators::{has_effects, writes_destination_last};
use super::{CompileError, FunctionCompiler, Label};
use crate::engine::bytecode::{ExceptionHandler, Instruction, Reg};

/// An evaluated property reference.
pub(crate) enum Reference {
    Named { object: Reg, cache: u32 },
    Indexed { object: Reg, key: Reg },
    Super { key: Reg },
    Private { object: Reg, name: Reg },
}

/// One element of a destructuring pattern, whatever syntax it came from.
enum Element<'x, 'a> {
    Binding(&'x BindingPattern<'a>, bool),
    Assign(&'x AssignmentTarget<'a>),
    AssignMaybeDefault(&'x AssignmentTargetMaybeDefault<'a>),
}

impl FunctionCompiler<'_, '_, '_> {
    /// Evaluates the object and key of a member expression.
    pub(crate) fn member_reference(&mut self, member: &MemberExpression) -> CResult<Reference> {
        Ok(match member {
            MemberExpression::StaticMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let key = self.alloc();
                    let constant = self.string_constant(m.property.name.as_str());
                    self.emit(Instruction::LoadConst { dst: key, constant });
                    Reference::Super { key }
                } else {
                    let object = self.expr_temp(&m.object)?;
                    let cache = self.cache(m.property.name.as_str());
                    Reference::Named { object, cache }
                }
            }
            MemberExpression::ComputedMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let key = self.expr_temp(&m.expression)?;
                    self.emit(Instruction::ToPropertyKey { dst: key, src: key });
                    Reference::Super { key }
                } else {
                    let object = self.expr_temp(&m.object)?;
                    let key = self.expr_temp(&m.expression)?;
                    Reference::Indexed { object, key }
                }
            }
            MemberExpression::PrivateFieldExpression(m) => {
                let object = self.expr_temp(&m.object)?;
                let name = self.private_name(&m.field.name)?;
                Reference::Private { object, name }
            }
        })
    }

    /// GetValue on a property reference.
    pub(crate) fn reference_get(&mut self, reference: &Reference, dst: Reg) -> CResult {
        self.emit(match *reference {
            Reference::Named { object, cache } => Instruction::GetNamed { dst, object, cache },
            Reference::Indexed { object, key } => Instruction::GetIndexed { dst, object, key },
            Reference::Super { key } => Instruction::GetSuper { dst, key },
            Reference::Private { object, name } => Instruction::GetPrivate { dst, object, name },
        });
        Ok(())
    }

    /// PutValue on a property reference.
    pub(crate) fn reference_put(&mut self, reference: &Reference, src: Reg) -> CResult {
        let instruction = match *reference {
            // A write gets its own cache site: the read's cache may describe a
            // read-only property.
            Reference::Named { cache, object } => {
                let key = self.caches[cache as usize].key;
                let cache = self.cache_for_key(key);
                Instruction::SetNamed { object, src, cache }
            }
            Reference::Indexed { object, key } => Instruction::SetIndexed { object, key, src },
            Reference::Super { key } => Instruction::SetSuper { key, src },
            Reference::Private { object, name } => Instruction::SetPrivate { object, name, src },
        };
        self.emit(instruction);
        Ok(())
    }

    /// `target op= right`, leaving the expression's value in `dst` (or
    /// nowhere, for an expression statement whose value is unused).
    pub(crate) fn assignment(&mut self, a: &AssignmentExpression, dst: Option<Reg>) -> CResult {
        match &a.left {
            AssignmentTarget::AssignmentTargetIdentifier(ident) => {
                // A register local is updated in place when nothing can
                // observe the register before the new value is complete.
                if let Some(reg) = self.mutable_register_local(ident) {
                    if a.operator == AssignmentOperator::Assign && writes_destination_last(&a.right)
                    {
                        self.expr(&a.right, reg)?;
                        self.move_result(dst, reg);
                        return Ok(());
                    }
                    if let Some(binary) = a.operator.to_binary_operator()
                        && !has_effects(&a.right)
                    {
                        self.binary_with_right(binary, reg, reg, &a.right, a)?;
                        self.move_result(dst, reg);
                        return Ok(());
                    }
                }
                let value = self.alloc();
                match a.operator {
                    AssignmentOperator::Assign => {
                        self.named_evaluation(
                            &a.right,
                            value,
                            NameSource::Static(ident.name.to_string()),
                        )?;
                    }
                    operator if operator.is_logical() => {
                        let end = self.new_label();
                        let reference = self.load_identifier_for_update(ident, value)?;
                        self.logical_skip(operator, value, end);
                        self.named_evaluation(
                            &a.right,
                            value,
                            NameSource::Static(ident.name.to_string()),
                        )?;
                        self.store_identifier_at(ident, value, reference)?;
                        self.place(end);
                        self.move_result(dst, value);
                        return Ok(());
                    }
                    operator => {
                        let reference = self.load_identifier_for_update(ident, value)?;
                        let binary = operator
                            .to_binary_operator()
                            .expect("arithmetic assignment");
                        self.binary_with_right(binary, value, value, &a.right, a)?;
                        self.store_identifier_at(ident, value, reference)?;
                        self.move_result(dst, value);
                        return Ok(());
                    }
                }
                self.store_identifier(ident, value)?;
                self.move_result(dst, value);
            }
            AssignmentTarget::ArrayAssignmentTarget(_)
            | AssignmentTarget::ObjectAssignmentTarget(_) => {
                if a.operator != AssignmentOperator::Assign {
                    return Err(CompileError::syntax("Invalid left-hand side in assignment"));
                }
                let value = self.expr_temp(&a.right)?;
                self.assign_to_target(&a.left, value)?;
                self.move_result(dst, value);
            }
            target => {
                let member = target
                    .as_member_expression()
                    .ok_or_else(|| CompileError::syntax("Invalid left-hand side in assignment"))?;
                let reference = self.member_reference(member)?;
                let value = self.alloc();
                match a.operator {
                    AssignmentOperator::Assign => {
                        self.expr(&a.right, value)?;
                    }
                    operator if operator.is_logical() => {
                        let reference = self.key_converted(reference);
                        let end = self.new_label();
                        self.reference_get(&reference, value)?;
                        self.logical_skip(operator, value, end);
                        self.expr(&a.right, value)?;
                        self.at(a);
                        self.reference_put(&reference, value)?;
                        self.place(end);
                        self.move_result(dst, value);
                        return Ok(());
                    }
                    operator => {
                        let reference = self.key_converted(reference);
                        self.reference_get(&reference, value)?;
                        let binary = operator
                            .to_binary_operator()
                            .expect("arithmetic assignment");
                        self.binary_with_right(binary, value, value, &a.right, a)?;
                        self.reference_put(&reference, value)?;
                        self.move_result(dst, value);
                        return Ok(());
                    }
                }
                self.at(a);
                self.reference_put(&reference, value)?;
                self.move_result(dst, value);
            }
        }
        Ok(())
    }

    /// Copies an expression's result to where it is wanted, if anywhere.
    fn move_result(&mut self, dst: Option<Reg>, src: Reg) {
        if let Some(dst) = dst
            && dst != src
        {
            self.emit(Instruction::Move { dst, src });
        }
    }

    /// Converts a computed key once, for references that are read then written.
    fn key_converted(&mut self, reference: Reference) -> Reference {
        if let Reference::Indexed { object, key } = reference {
            // GetValue converts the base with ToObject before it converts the key.
            let converted = self.alloc();
            self.emit(Instruction::ToObject {
                dst: converted,
                src: object,
            });
            self.emit(Instruction::ToPropertyKey {
                dst: converted,
                src: key,
            });
            return Reference::Indexed {
                object,
                key: converted,
            };
        }
        reference
    }

    /// Jumps to `end` when a logical assignment short-circuits.
    fn logical_skip(&mut self, operator: AssignmentOperator, value: Reg, end: Label) {
        match operator {
            AssignmentOperator::LogicalOr => self.emit_jump(
                |target| Instruction::JumpIfTrue {
                    cond: value,
                    target,
                },
                end,
            ),
            AssignmentOperator::LogicalAnd => self.emit_jump(
                |target| Instruction::JumpIfFalse {
                    cond: value,
                    target,
                },
                end,
            ),
            _ => self.emit_jump(
                |target| Instruction::JumpIfNotNullish { src: value, target },
                end,
            ),
        }
    }

    /// Assigns `value` to an assignment target (simple or destructuring).
    pub(crate) fn assign_to_target(&mut self, target: &AssignmentTarget, value: Reg) -> CResult {
        match target {
            AssignmentTarget::AssignmentTargetIdentifier(ident) => {
                self.store_identifier(ident, value)
            }
            AssignmentTarget::ObjectAssignmentTarget(pattern) => {
                self.object_assignment_pattern(pattern, value)
            }
            AssignmentTarget::ArrayAssignmentTarget(pattern) => {
                let elements: Vec<Option<Element>> = pattern
                    .elements
                    .iter()
                    .map(|e| e.as_ref().map(Element::AssignMaybeDefault))
                    .collect();
                let rest = pattern.rest.as_ref().map(|r| Element::Assign(&r.target));
                self.array_pattern(&elements, rest, value)
            }
            other => {
                let member = other
                    .as_member_expression()
                    .ok_or_else(|| CompileError::syntax("Invalid assignment target"))?;
                let reference = self.member_reference(member)?;
                self.reference_put(&reference, value)
            }
        }
    }

    fn object_assignment_pattern(
        &mut self,
        pattern: &ObjectAssignmentTarget,
        value: Reg,
    ) -> CResult {
        let check = self.alloc();
        self.emit(Instruction::ToObject {
            dst: check,
            src: value,
        });
        let mut keys = Vec::new();
        for property in &pattern.properties {
            let m = self.mark();
            match property {
                AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(id) => {
                    let key = self.alloc();
                    let constant = self.string_constant(id.binding.name.as_str());
                    self.emit(Instruction::LoadConst { dst: key, constant });
                    let v = self.alloc();
                    self.emit(Instruction::GetIndexed {
                        dst: v,
                        object: value,
                        key,
                    });
                    if let Some(init) = &id.init {
                        let skip = self.new_label();
                        self.emit_jump(
                            |target| Instruction::JumpIfNotUndefined { src: v, target },
                            skip,
                        );
                        self.named_evaluation(
                            init,
                            v,
                            NameSource::Static(id.binding.name.to_string()),
                        )?;
                        self.place(skip);
                    }
                    self.store_identifier(&id.binding, v)?;
                    if pattern.rest.is_some() {
                        keys.push(key);
                        continue;
                    }
                }
                AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                    let key = self.pattern_key(&p.name, p.computed)?;
                    // The target reference is evaluated before the value is fetched.
                    let v = self.alloc();
                    match &p.binding {
                        AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d)
                            if d.binding.as_member_expression().is_some() =>
                        {
                            let reference = self.member_reference(
                                d.binding.as_member_expression().expect("member"),
                            )?;
                            self.emit(Instruction::GetIndexed {
                                dst: v,
                                object: value,
                                key,
                            });
                            self.default_value(v, &d.init, None)?;
                            self.reference_put(&reference, v)?;
                        }
                        AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => {
                            self.emit(Instruction::GetIndexed {
                                dst: v,
                                object: value,
                                key,
                            });
                            let name = match &d.binding {
                                AssignmentTarget::AssignmentTargetIdentifier(id) => {
                                    Some(id.name.to_string())
                                }
                                _ => None,
                            };
                            self.default_value(v, &d.init, name)?;
                            self.assign_to_target(&d.binding, v)?;
                        }
                        target => {
                            let target = target.to_assignment_target();
                            if let Some(member) = target.as_member_expression() {
                                let reference = self.member_reference(member)?;
                                self.emit(Instruction::GetIndexed {
                                    dst: v,
                                    object: value,
                                    key,
                                });
                                self.reference_put(&reference, v)?;
                            } else {
                                self.emit(Instruction::GetIndexed {
                                    dst: v,
                                    object: value,
                                    key,
                                });
                                self.assign_to_target(target, v)?;
                            }
                        }
                    }
                    if pattern.rest.is_some() {
                        keys.push(key);
                        continue;
                    }
                }
            }
            self.release(m);
        }
        if let Some(rest) = &pattern.rest {
            let target = self.rest_object(value, &keys)?;
            self.assign_to_target(&rest.target, target)?;
        }
        Ok(())
    }

    /// Evaluates a destructuring property key into a register (as a property key).
    fn pattern_key(&mut self, key: &PropertyKey, computed: bool) -> CResult<Reg> {
        let r = self.property_key_reg(key)?;
        if computed {
            self.emit(Instruction::ToPropertyKey { dst: r, src: r });
        }
        Ok(r)
    }

    /// Applies a default initializer when `v` is undefined.
    fn default_value(&mut self, v: Reg, init: &Expression, name: Option<String>) -> CResult {
        let skip = self.new_label();
        self.emit_jump(
            |target| Instruction::JumpIfNotUndefined { src: v, target },
            skip,
        );
        match name {
            Some(name) => self.named_evaluation(init, v, NameSource::Static(name))?,
            None => self.expr(init, v)?,
        }
        self.place(skip);
        Ok(())
    }

    /// A new object with the own enumerable properties of `value` except `keys`.
    fn rest_object(&mut self, value: Reg, keys: &[Reg]) -> CResult<Reg> {
        let excluded = self.alloc();
        self.emit(Instruction::NewArray { dst: excluded });
        for &key in keys {
            self.emit(Instruction::ArrayPush {
                array: excluded,
                src: key,
            });
        }
        let target = self.alloc();
        self.emit(Instruction::NewObject { dst: target });
        self.emit(Instruction::CopyDataProperties {
            target,
            src: value,
            excluded,
        });
        Ok(target)
    }

    /// Array destructuring over the iterator protocol.
    fn array_pattern(
        &mut self,
        elements: &[Option<Element>],
        rest: Option<Element>,
        value: Reg,
    ) -> CResult {
        let iterator = self.alloc_n(2);
        self.emit(Instruction::GetIterator {
            dst: iterator,
            src: value,
        });
        let done = self.alloc();
        self.emit(Instruction::LoadBool {
            dst: done,
            value: false,
        });
        let env_depth = self.local_env_depth;
        let start = self.pc();
        // A generator's `return` resumption inside the pattern closes the iterator.
        self.control.push(ControlScope::Iterator {
            iterator,
            is_async: false,
            done: Some(done),
            closing: Vec::new(),
        });
        for element in elements {
            let m = self.mark();
            // Evaluate a member target's reference before stepping.
            let reference = match element {
                Some(Element::AssignMaybeDefault(
                    AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d),
                )) => match d.binding.as_member_expression() {
                    Some(member) => Some(self.member_reference(member)?),
                    None => None,
                },
                Some(Element::AssignMaybeDefault(target)) => {
                    match target.to_assignment_target().as_member_expression() {
                        Some(member) => Some(self.member_reference(member)?),
                        None => None,
                    }
                }
                _ => None,
            };
            let v = self.alloc();
            self.step_or_undefined(iterator, done, v);
            match element {
                None => {}
                Some(element) => self.assign_element(element, v, reference)?,
            }
            self.release(m);
        }
        if let Some(rest) = rest {
            let reference = match &rest {
                Element::Assign(target) => match target.as_member_expression() {
                    Some(member) => Some(self.member_reference(member)?),
                    None => None,
                },
                _ => None,
            };
            let array = self.alloc();
            self.emit(Instruction::NewArray { dst: array });
            let top = self.new_label();
            let finished = self.new_label();
            self.place(top);
            self.emit_jump(
                |target| Instruction::JumpIfTrue { cond: done, target },
                finished,
            );
            let v = self.alloc();
            self.emit(Instruction::LoadBool {
                dst: done,
                value: true,
            });
            self.emit_jump(
                |d| Instruction::IteratorStep {
                    dst: v,
                    iterator,
                    done: d,
                },
                finished,
            );
            self.emit(Instruction::LoadBool {
                dst: done,
                value: false,
            });
            self.emit(Instruction::ArrayPush { array, src: v });
            self.jump(top);
            self.place(finished);
            self.assign_element(&rest, array, reference)?;
        }
        self.control.pop();
        let end_of_pattern = self.pc();
        // Normal completion: close the iterator unless it is done.
        let after = self.new_label();
        let skip_close = self.new_label();
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: done, target },
            skip_close,
        );
        self.emit(Instruction::IteratorClose { iterator });
        self.place(skip_close);
        self.jump(after);
        // Throw completion: close (quietly) unless done, then rethrow.
        let exception = self.alloc();
        let handler = self.target_pc();
        self.handlers.push(ExceptionHandler {
            start,
            end: end_of_pattern,
            handler,
            register: exception,
            env_depth,
        });
        let rethrow = self.new_label();
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: done, target },
            rethrow,
        );
        self.emit(Instruction::IteratorCloseQuiet { iterator });
        self.place(rethrow);
        self.emit(Instruction::Throw { src: exception });
        self.place(after);
        Ok(())
    }

    /// `v = done ? undefined : next value` (setting `done` when exhausted or on error).
    fn step_or_undefined(&mut self, iterator: Reg, done: Reg, v: Reg) {
        let exhausted = self.new_label();
        let have = self.new_label();
        self.emit(Instruction::LoadUndefined { dst: v });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: done, target },
            have,
        );
        self.emit(Instruction::LoadBool {
            dst: done,
            value: true,
        });
        self.emit_jump(
            |d| Instruction::IteratorStep {
                dst: v,
                iterator,
                done: d,
            },
            exhausted,
        );
        self.emit(Instruction::LoadBool {
            dst: done,
            value: false,
        });
        self.jump(have);
        self.place(exhausted);
        self.emit(Instruction::LoadUndefined { dst: v });
        self.place(have);
    }

    fn assign_element(
        &mut self,
        element: &Element,
        v: Reg,
        reference: Option<Reference>,
    ) -> CResult {
        match element {
            Element::Binding(pattern, init) => self.bind_pattern(pattern, v, *init),
            Element::Assign(target) => match reference {
                Some(reference) => self.reference_put(&reference, v),
                None => self.assign_to_target(target, v),
            },
            Element::AssignMaybeDefault(
                AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d),
            ) => {
                let name = match &d.binding {
                    AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.to_string()),
                    _ => None,
                };
                self.default_value(v, &d.init, name)?;
                match reference {
                    Some(reference) => self.reference_put(&reference, v),
                    None => self.assign_to_target(&d.binding, v),
                }
            }
            Element::AssignMaybeDefault(target) => match reference {
                Some(reference) => self.reference_put(&reference, v),
                None => self.assign_to_target(target.to_assignment_target(), v),
            },
        }
    }

    /// BindingInitialization of a binding pattern with `value`. With `init`
    /// true the bindings are initialised (let/const/params); otherwise they
    /// are assigned (var).
    pub(crate) fn bind_pattern(
        &mut self,
        pattern: &BindingPattern,
        value: Reg,
        init: bool,
    ) -> CResult {
        match pattern {
            BindingPattern::BindingIdentifier(id) => self.bind_identifier(id, value, init),
            BindingPattern::AssignmentPattern(p) => {
                let v = self.alloc();
                self.emit(Instruction::Move { dst: v, src: value });
                let name = match &p.left {
                    BindingPattern::BindingIdentifier(id) => Some(id.name.to_string()),
                    _ => None,
                };
                self.default_value(v, &p.right, name)?;
                self.bind_pattern(&p.left, v, init)
            }
            BindingPattern::ObjectPattern(p) => {
                let check = self.alloc();
                self.emit(Instruction::ToObject {
                    dst: check,
                    src: value,
                });
                let mut keys = Vec::new();
                for property in &p.properties {
                    let m = self.mark();
                    let key = if property.computed {
                        self.pattern_key(&property.key, true)?
                    } else {
                        self.property_key_reg(&property.key)?
                    };
                    let v = self.alloc();
                    self.emit(Instruction::GetIndexed {
                        dst: v,
                        object: value,
                        key,
                    });
                    self.bind_pattern(&property.value, v, init)?;
                    if p.rest.is_some() {
                        keys.push(key);
                    } else {
                        self.release(m);
                    }
                }
                if let Some(rest) = &p.rest {
                    let target = self.rest_object(value, &keys)?;
                    self.bind_pattern(&rest.argument, target, init)?;
                }
                Ok(())
            }
            BindingPattern::ArrayPattern(p) => {
                let elements: Vec<Option<Element>> = p
                    .elements
                    .iter()
                    .map(|e| e.as_ref().map(|e| Element::Binding(e, init)))
                    .collect();
                let rest = p.rest.as_ref().map(|r| Element::Binding(&r.argument, init));
                self.array_pattern(&elements, rest, value)
            }
        }
    }

    /// Initialises or assigns one binding identifier.
    fn bind_identifier(&mut self, id: &BindingIdentifier, value: Reg, init: bool) -> CResult {
        if init || self.with_depth == 0 {
            return self.bind_declared(id, value);
        }
        // `var x = v` under `with`: PutValue through the object environment.
        let constant = self.string_constant(id.name.as_str());
        self.emit(Instruction::SetName {
            src: value,
            constant,
        });
        Ok(())
    }
}
