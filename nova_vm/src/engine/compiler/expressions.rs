//! ### [13 ECMAScript Language: Expressions](https://tc39.es/ecma262/#sec-ecmascript-language-expressions)

use oxc_ast::ast::*;
use oxc_span::GetSpan;
use oxc_syntax::operator::{LogicalOperator, UnaryOperator, UpdateOperator};

use super::identifiers::Access;
use super::source::decode_string_literal;
use super::{CompileError, FunctionCompiler, Label, Location, MAX_NESTING};
use crate::engine::bytecode::{Instruction, Reg};

/// The result of compiling a member expression's object for a call.
pub(crate) type CResult<T = ()> = Result<T, CompileError>;

impl FunctionCompiler<'_, '_, '_> {
    /// Sets the source position for the instructions that follow.
    pub(crate) fn at(&mut self, node: &impl GetSpan) {
        self.position = node.span().start;
    }

    /// Guards against pathological nesting.
    pub(crate) fn enter_nesting(&mut self) -> CResult {
        self.unit.depth += 1;
        if self.unit.depth > MAX_NESTING {
            return Err(CompileError::syntax(
                "Expression or statement nesting is too deep (not supported)",
            ));
        }
        Ok(())
    }

    pub(crate) fn leave_nesting(&mut self) {
        self.unit.depth -= 1;
    }

    /// Compiles `e` into a new temporary register.
    pub(crate) fn expr_temp(&mut self, e: &Expression) -> CResult<Reg> {
        let r = self.alloc();
        self.expr(e, r)?;
        Ok(r)
    }

    /// Compiles `e` and returns a register holding its value: a local's own
    /// register when reading it is safe, else a new temporary.
    pub(crate) fn expr_operand(&mut self, e: &Expression, later_has_effects: bool) -> CResult<Reg> {
        if !later_has_effects
            && let Expression::Identifier(ident) = e.without_parentheses()
            && let Access::Register {
                reg,
                checked: false,
            } = self.access(ident)
        {
            return Ok(reg);
        }
        self.expr_temp(e)
    }

    /// Compiles expression `e` for its effects only (expression statements
    /// outside scripts, `for` updates): assignments skip copying their value
    /// and `x++` on a register local is a single increment.
    pub(crate) fn expr_effect(&mut self, e: &Expression) -> CResult {
        let mark = self.mark();
        match e {
            Expression::AssignmentExpression(a) => {
                self.enter_nesting()?;
                self.at(e);
                let result = self.assignment(a, None);
                self.leave_nesting();
                result?;
            }
            Expression::UpdateExpression(u)
                if let SimpleAssignmentTarget::AssignmentTargetIdentifier(ident) = &u.argument
                    && let Some(reg) = self.mutable_register_local(ident) =>
            {
                self.at(e);
                self.emit(if u.operator == UpdateOperator::Increment {
                    Instruction::Inc { dst: reg, src: reg }
                } else {
                    Instruction::Dec { dst: reg, src: reg }
                });
            }
            Expression::UpdateExpression(u) => {
                // The value is unused: postfix behaves as prefix, with no
                // ToNumeric copy of the old value.
                self.enter_nesting()?;
                self.at(e);
                let result = self.update_for_effect(u);
                self.leave_nesting();
                result?;
            }
            _ => {
                self.expr_temp(e)?;
            }
        }
        self.release(mark);
        Ok(())
    }

    /// Compiles expression `e`, leaving its value in `dst`.
    pub(crate) fn expr(&mut self, e: &Expression, dst: Reg) -> CResult {
        self.enter_nesting()?;
        let result = self.expr_inner(e, dst);
        self.leave_nesting();
        result
    }

    fn expr_inner(&mut self, e: &Expression, dst: Reg) -> CResult {
        let mark = self.mark();
        self.at(e);
        match e {
            Expression::BooleanLiteral(b) => self.emit(Instruction::LoadBool {
                dst,
                value: b.value,
            }),
            Expression::NullLiteral(_) => self.emit(Instruction::LoadNull { dst }),
            Expression::NumericLiteral(n) => self.load_number(dst, n.value),
            Expression::StringLiteral(s) => {
                let constant = self.string_literal_constant(s);
                self.emit(Instruction::LoadConst { dst, constant });
            }
            Expression::BigIntLiteral(b) => {
                let text = b.value.as_str();
                let n = num_bigint::BigInt::parse_bytes(text.as_bytes(), 10).unwrap_or_default();
                let v = self.unit.agent.bigint(n, self.unit.gc);
                let constant = self.constant(v);
                self.emit(Instruction::LoadConst { dst, constant });
            }
            Expression::RegExpLiteral(r) => {
                let pattern = self.string_constant(r.regex.pattern.text.as_str());
                let flags = self.string_constant(&r.regex.flags.to_string());
                self.emit(Instruction::NewRegExp {
                    dst,
                    pattern,
                    flags,
                });
            }
            Expression::TemplateLiteral(t) => self.template_literal(t, dst)?,
            Expression::Identifier(ident) => self.load_identifier(ident, dst, false)?,
            Expression::ThisExpression(_) => self.load_this(dst, true),
            Expression::ParenthesizedExpression(p) => self.expr(&p.expression, dst)?,
            Expression::SequenceExpression(seq) => {
                for (i, item) in seq.expressions.iter().enumerate() {
                    if i + 1 == seq.expressions.len() {
                        self.expr(item, dst)?;
                    } else {
                        let m = self.mark();
                        self.expr_temp(item)?;
                        self.release(m);
                    }
                }
            }
            Expression::ArrayExpression(array) => self.array_literal(array, dst)?,
            Expression::ObjectExpression(object) => self.object_literal(object, dst)?,
            Expression::FunctionExpression(f) => self.function_expression(f, dst, None)?,
            Expression::ArrowFunctionExpression(f) => self.arrow_function(f, dst)?,
            Expression::ClassExpression(c) => self.class(c, dst, None)?,
            Expression::UnaryExpression(u) => self.unary(u, dst)?,
            Expression::UpdateExpression(u) => self.update(u, dst)?,
            Expression::BinaryExpression(b) => self.binary(b, dst)?,
            Expression::PrivateInExpression(p) => {
                let name = self.private_name(&p.left.name)?;
                let object = self.expr_temp(&p.right)?;
                self.emit(Instruction::PrivateIn {
                    dst,
                    lhs: name,
                    rhs: object,
                });
            }
            Expression::LogicalExpression(l) => self.logical(l, dst)?,
            Expression::ConditionalExpression(c) => {
                let else_label = self.new_label();
                let end = self.new_label();
                let test_mark = self.mark();
                let test = self.expr_operand(&c.test, false)?;
                self.jump_if_false(test_mark, test, else_label);
                self.expr(&c.consequent, dst)?;
                self.jump(end);
                self.place(else_label);
                self.expr(&c.alternate, dst)?;
                self.place(end);
            }
            Expression::AssignmentExpression(a) => self.assignment(a, Some(dst))?,
            Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => {
                let member = e.as_member_expression().expect("member expression");
                self.member_get(member, dst, None)?;
            }
            Expression::ChainExpression(chain) => {
                let exit = self.new_label();
                let end = self.new_label();
                match &chain.expression {
                    ChainElement::CallExpression(call) => self.call(call, dst, Some(exit))?,
                    ChainElement::TSNonNullExpression(_) => {
                        return Err(CompileError::syntax("TypeScript syntax is not supported"));
                    }
                    other => {
                        let member = other.as_member_expression().expect("member in chain");
                        self.member_get(member, dst, Some(exit))?;
                    }
                }
                self.jump(end);
                self.place(exit);
                self.emit(Instruction::LoadUndefined { dst });
                self.place(end);
            }
            Expression::CallExpression(call) => self.call(call, dst, None)?,
            Expression::NewExpression(n) => self.new_expression(n, dst)?,
            Expression::TaggedTemplateExpression(t) => self.tagged_template(t, dst)?,
            Expression::NewTarget(_) => self.load_new_target(dst),
            Expression::Super(_) => {
                return Err(CompileError::syntax("'super' keyword unexpected here"));
            }
            Expression::YieldExpression(y) => self.yield_expression(y, dst)?,
            Expression::AwaitExpression(a) => {
                let value = self.expr_temp(&a.argument)?;
                self.at(a.as_ref());
                let received = self.emit_await(value);
                self.emit(Instruction::Move { dst, src: received });
            }
            Expression::ImportExpression(import) => self.import_call(import, dst)?,
            Expression::ImportMeta(_) => {
                if self.unit.module_env_depth == 0 {
                    return Err(CompileError::syntax(
                        "import.meta is only valid in module code",
                    ));
                }
                let hops = (self.unit.env_depth - self.unit.module_env_depth) as u16;
                self.emit(Instruction::ImportMeta { dst, hops });
            }
            _ => return Err(CompileError::syntax("This syntax is not supported")),
        }
        self.release(
            mark.max(u32::from(dst) + 1)
                .min(self.next_register)
                .max(mark),
        );
        Ok(())
    }

    /// Loads a number constant.
    pub(crate) fn load_number(&mut self, dst: Reg, n: f64) {
        if n.fract() == 0.0 && n.abs() <= f64::from(i32::MAX) && !(n == 0.0 && n.is_sign_negative())
        {
            self.emit(Instruction::LoadInt {
                dst,
                value: n as i32,
            });
        } else {
            let v = self.unit.agent.number(n, self.unit.gc);
            let constant = self.constant(v);
            self.emit(Instruction::LoadConst { dst, constant });
        }
    }

    /// The constant index for a string literal (decoding oxc's lone-surrogate escapes).
    pub(crate) fn string_literal_constant(&mut self, s: &StringLiteral) -> u32 {
        if s.lone_surrogates {
            let units = decode_string_literal(s.value.as_str());
            self.utf16_constant(&units)
        } else {
            self.string_constant(s.value.as_str())
        }
    }

    // ----- this, new.target -----

    /// Loads `this` (with the derived-constructor TDZ check if `checked`).
    pub(crate) fn load_this(&mut self, dst: Reg, checked: bool) {
        match self.this_location {
            Some(location) => {
                let derived = self.this_needs_check();
                self.load_location(location, dst, checked && derived);
                if checked
                    && derived
                    && let Location::Register(_) = location
                {
                    let constant = self.string_constant("this");
                    self.emit(Instruction::CheckThisInitialized { reg: dst, constant });
                }
            }
            None => self.emit(Instruction::LoadThis { dst }),
        }
    }

    /// True if `this` may be uninitialized here (derived constructors and
    /// arrows inside them).
    pub(crate) fn this_needs_check(&self) -> bool {
        self.this_derived
    }

    pub(crate) fn load_new_target(&mut self, dst: Reg) {
        match self.new_target_location {
            Some(location) => self.load_location(location, dst, false),
            None => self.emit(Instruction::LoadNewTarget { dst }),
        }
    }

    // ----- templates -----

    fn template_literal(&mut self, t: &TemplateLiteral, dst: Reg) -> CResult {
        let first = t.quasis[0]
            .value
            .cooked
            .as_ref()
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default();
        let constant = self.string_constant(&decode_template(&first, t.quasis[0].lone_surrogates));
        self.emit(Instruction::LoadConst { dst, constant });
        let acc = self.alloc();
        self.emit(Instruction::Move { dst: acc, src: dst });
        for (i, expression) in t.expressions.iter().enumerate() {
            let value = self.expr_temp(expression)?;
            self.emit(Instruction::ToString {
                dst: value,
                src: value,
            });
            self.emit(Instruction::Add {
                dst: acc,
                lhs: acc,
                rhs: value,
            });
            let quasi = &t.quasis[i + 1];
            let text = quasi
                .value
                .cooked
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default();
            if !text.is_empty() {
                let part = self.alloc();
                let constant = self.string_constant(&decode_template(&text, quasi.lone_surrogates));
                self.emit(Instruction::LoadConst {
                    dst: part,
                    constant,
                });
                self.emit(Instruction::Add {
                    dst: acc,
                    lhs: acc,
                    rhs: part,
                });
            }
        }
        self.emit(Instruction::Move { dst, src: acc });
        Ok(())
    }

    fn tagged_template(&mut self, t: &TaggedTemplateExpression, dst: Reg) -> CResult {
        let argc = 1 + t.quasi.expressions.len();
        let base = self.alloc_n(2 + argc as u32);
        self.callee_and_this(&t.tag, base, None, false)?;
        // The template object is created once per site: here, at compile time.
        let mut cooked = Vec::new();
        let mut raw = Vec::new();
        for quasi in &t.quasi.quasis {
            cooked.push(
                quasi
                    .value
                    .cooked
                    .as_ref()
                    .map(|c| decode_template(c.as_str(), quasi.lone_surrogates)),
            );
            raw.push(
                quasi
                    .value
                    .raw
                    .as_str()
                    .replace("\r\n", "\n")
                    .replace('\r', "\n"),
            );
        }
        let template = self.template_object_constant(&cooked, &raw);
        self.emit(Instruction::LoadConst {
            dst: base + 2,
            constant: template,
        });
        for (i, expression) in t.quasi.expressions.iter().enumerate() {
            self.expr(expression, base + 3 + i as Reg)?;
        }
        self.at(t);
        self.emit(Instruction::Call {
            dst,
            callee: base,
            argc: argc as u16,
        });
        Ok(())
    }

    // ----- array and object literals -----

    fn array_literal(&mut self, array: &ArrayExpression, dst: Reg) -> CResult {
        let target = self.alloc();
        self.emit(Instruction::NewArray { dst: target });
        for element in &array.elements {
            match element {
                ArrayExpressionElement::SpreadElement(spread) => {
                    let value = self.expr_temp(&spread.argument)?;
                    self.emit(Instruction::ArraySpread {
                        array: target,
                        src: value,
                    });
                }
                ArrayExpressionElement::Elision(_) => {
                    self.emit(Instruction::ArrayPushHole { array: target })
                }
                other => {
                    let value = self.expr_temp(other.to_expression())?;
                    self.emit(Instruction::ArrayPush {
                        array: target,
                        src: value,
                    });
                }
            }
            self.release(u32::from(target) + 1);
        }
        self.emit(Instruction::Move { dst, src: target });
        Ok(())
    }

    fn object_literal(&mut self, object: &ObjectExpression, dst: Reg) -> CResult {
        let target = self.alloc();
        self.emit(Instruction::NewObject { dst: target });
        for property in &object.properties {
            let m = self.mark();
            match property {
                ObjectPropertyKind::SpreadProperty(spread) => {
                    let value = self.expr_temp(&spread.argument)?;
                    let none = self.alloc();
                    self.emit(Instruction::LoadUndefined { dst: none });
                    self.emit(Instruction::CopyDataProperties {
                        target,
                        src: value,
                        excluded: none,
                    });
                }
                ObjectPropertyKind::ObjectProperty(p) => {
                    self.at(p.as_ref());
                    // __proto__: value sets the prototype (not for shorthand or computed keys).
                    if p.kind == PropertyKind::Init
                        && !p.computed
                        && !p.shorthand
                        && !p.method
                        && p.key.static_name().is_some_and(|n| n == "__proto__")
                    {
                        let value = self.expr_temp(&p.value)?;
                        self.emit(Instruction::SetPrototypeLiteral {
                            object: target,
                            src: value,
                        });
                        self.release(m);
                        continue;
                    }
                    match p.kind {
                        PropertyKind::Init if !p.method => {
                            if let (false, Some(name)) = (p.computed, p.key.static_name()) {
                                let value = self.alloc();
                                self.named_evaluation(
                                    &p.value,
                                    value,
                                    NameSource::Static(name.to_string()),
                                )?;
                                let key = self.property_key_static(&p.key)?;
                                let cache = self.cache_for_key(key);
                                self.emit(Instruction::DefineNamed {
                                    object: target,
                                    src: value,
                                    cache,
                                });
                            } else {
                                let key = self.property_key_reg(&p.key)?;
                                let value = self.alloc();
                                self.named_evaluation(&p.value, value, NameSource::Register(key))?;
                                self.emit(Instruction::DefineIndexed {
                                    object: target,
                                    key,
                                    src: value,
                                });
                            }
                        }
                        kind => {
                            let key = self.property_key_reg(&p.key)?;
                            let Expression::FunctionExpression(f) = &p.value else {
                                return Err(CompileError::syntax("Invalid method definition"));
                            };
                            let function = self.alloc();
                            let prefix = match kind {
                                PropertyKind::Get => 1,
                                PropertyKind::Set => 2,
                                PropertyKind::Init => 0,
                            };
                            self.method_closure(f, function, target, key, prefix, p.span.start)?;
                            match kind {
                                PropertyKind::Get => self.emit(Instruction::DefineAccessor {
                                    object: target,
                                    key,
                                    function,
                                    setter: false,
                                    enumerable: true,
                                }),
                                PropertyKind::Set => self.emit(Instruction::DefineAccessor {
                                    object: target,
                                    key,
                                    function,
                                    setter: true,
                                    enumerable: true,
                                }),
                                PropertyKind::Init => self.emit(Instruction::DefineMethod {
                                    object: target,
                                    key,
                                    function,
                                    enumerable: true,
                                }),
                            }
                        }
                    }
                }
            }
            self.release(m);
        }
        self.emit(Instruction::Move { dst, src: target });
        Ok(())
    }

    /// The key of a non-computed property name as a property key constant.
    pub(crate) fn property_key_static(
        &mut self,
        key: &PropertyKey,
    ) -> CResult<crate::ecmascript::types::PropertyKey<'static>> {
        match key {
            PropertyKey::StaticIdentifier(id) => Ok(self.key(id.name.as_str())),
            PropertyKey::StringLiteral(s) => {
                if s.lone_surrogates {
                    let units = decode_string_literal(s.value.as_str());
                    let string = self
                        .unit
                        .agent
                        .create_string_from_utf16(&units, self.unit.gc);
                    Ok(crate::engine::Bindable::unbind(
                        self.unit.agent.string_to_key(string, self.unit.gc),
                    ))
                } else {
                    Ok(self.key(s.value.as_str()))
                }
            }
            PropertyKey::NumericLiteral(n) => {
                let text = crate::ecmascript::abstract_operations::number_to_string(n.value);
                Ok(self.key(&text))
            }
            PropertyKey::BigIntLiteral(b) => Ok(self.key(b.value.as_str())),
            _ => Err(CompileError::syntax("Unsupported property name")),
        }
    }

    /// Evaluates a property name (computed or not) into a register holding a
    /// property key value.
    pub(crate) fn property_key_reg(&mut self, key: &PropertyKey) -> CResult<Reg> {
        let r = self.alloc();
        match key {
            PropertyKey::StaticIdentifier(id) => {
                let constant = self.string_constant(id.name.as_str());
                self.emit(Instruction::LoadConst { dst: r, constant });
            }
            PropertyKey::PrivateIdentifier(p) => {
                let name = self.private_name(&p.name)?;
                self.emit(Instruction::Move { dst: r, src: name });
            }
            PropertyKey::StringLiteral(s) => {
                let constant = self.string_literal_constant(s);
                self.emit(Instruction::LoadConst { dst: r, constant });
            }
            PropertyKey::NumericLiteral(n) => {
                let text = crate::ecmascript::abstract_operations::number_to_string(n.value);
                let constant = self.string_constant(&text);
                self.emit(Instruction::LoadConst { dst: r, constant });
            }
            other => {
                self.expr(other.to_expression(), r)?;
                self.emit(Instruction::ToPropertyKey { dst: r, src: r });
            }
        }
        Ok(r)
    }

    // ----- operators -----

    fn unary(&mut self, u: &UnaryExpression, dst: Reg) -> CResult {
        match u.operator {
            UnaryOperator::Typeof => {
                let value = self.alloc();
                if let Expression::Identifier(ident) = u.argument.without_parentheses() {
                    self.load_identifier(ident, value, true)?;
                } else {
                    self.expr(&u.argument, value)?;
                }
                self.emit(Instruction::TypeOf { dst, src: value });
            }
            UnaryOperator::Delete => self.delete(&u.argument, dst)?,
            UnaryOperator::Void => {
                let m = self.mark();
                self.expr_temp(&u.argument)?;
                self.release(m);
                self.emit(Instruction::LoadUndefined { dst });
            }
            operator => {
                let value = self.expr_operand(&u.argument, false)?;
                self.at(u);
                self.emit(match operator {
                    UnaryOperator::UnaryNegation => Instruction::Neg { dst, src: value },
                    UnaryOperator::UnaryPlus => Instruction::ToNumber { dst, src: value },
                    UnaryOperator::LogicalNot => Instruction::Not { dst, src: value },
                    UnaryOperator::BitwiseNot => Instruction::BitNot { dst, src: value },
                    _ => unreachable!(),
                });
            }
        }
        Ok(())
    }

    fn delete(&mut self, argument: &Expression, dst: Reg) -> CResult {
        match argument.without_parentheses() {
            Expression::Identifier(ident) => match self.access(ident) {
                Access::Dynamic | Access::Global => {
                    let constant = self.string_constant(ident.name.as_str());
                    self.emit(Instruction::DeleteName { dst, constant });
                }
                _ => self.emit(Instruction::LoadBool { dst, value: false }),
            },
            Expression::StaticMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let constant = self.string_constant("Unsupported reference to 'super'");
                    self.emit(Instruction::ThrowError { kind: 3, constant });
                    return Ok(());
                }
                let object = self.expr_temp(&m.object)?;
                let cache = self.cache(m.property.name.as_str());
                self.emit(Instruction::DeleteNamed { dst, object, cache });
            }
            Expression::ComputedMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let key = self.expr_temp(&m.expression)?;
                    let _ = key;
                    let constant = self.string_constant("Unsupported reference to 'super'");
                    self.emit(Instruction::ThrowError { kind: 3, constant });
                    return Ok(());
                }
                let object = self.expr_temp(&m.object)?;
                let key = self.expr_temp(&m.expression)?;
                self.emit(Instruction::DeleteIndexed { dst, object, key });
            }
            Expression::ChainExpression(chain) => {
                let exit = self.new_label();
                let end = self.new_label();
                match &chain.expression {
                    ChainElement::StaticMemberExpression(m) => {
                        let object = self.chain_object(&m.object, m.optional, exit)?;
                        let cache = self.cache(m.property.name.as_str());
                        self.emit(Instruction::DeleteNamed { dst, object, cache });
                    }
                    ChainElement::ComputedMemberExpression(m) => {
                        let object = self.chain_object(&m.object, m.optional, exit)?;
                        let key = self.expr_temp(&m.expression)?;
                        self.emit(Instruction::DeleteIndexed { dst, object, key });
                    }
                    _ => {
                        let m = self.mark();
                        self.expr_temp(argument)?;
                        self.release(m);
                        self.emit(Instruction::LoadBool { dst, value: true });
                    }
                }
                self.jump(end);
                self.place(exit);
                self.emit(Instruction::LoadBool { dst, value: true });
                self.place(end);
            }
            other => {
                let m = self.mark();
                self.expr_temp(other)?;
                self.release(m);
                self.emit(Instruction::LoadBool { dst, value: true });
            }
        }
        Ok(())
    }

    /// Evaluates the object of an optional-chain member, jumping to `exit` if
    /// the access is optional and the object is nullish.
    fn chain_object(&mut self, object: &Expression, optional: bool, exit: Label) -> CResult<Reg> {
        let r = self.alloc();
        self.chain_part(object, r, exit)?;
        if optional {
            self.emit_jump(|target| Instruction::JumpIfNullish { src: r, target }, exit);
        }
        Ok(r)
    }

    /// Compiles an expression inside an optional chain (members and calls keep
    /// the chain's exit label).
    fn chain_part(&mut self, e: &Expression, dst: Reg, exit: Label) -> CResult {
        match e {
            Expression::CallExpression(call) => self.call(call, dst, Some(exit)),
            _ => match e.as_member_expression() {
                Some(member) => self.member_get(member, dst, Some(exit)),
                None => self.expr(e, dst),
            },
        }
    }

    fn logical(&mut self, l: &LogicalExpression, dst: Reg) -> CResult {
        let end = self.new_label();
        let value = self.alloc();
        self.expr(&l.left, value)?;
        match l.operator {
            LogicalOperator::Or => self.emit_jump(
                |target| Instruction::JumpIfTrue {
                    cond: value,
                    target,
                },
                end,
            ),
            LogicalOperator::And => self.emit_jump(
                |target| Instruction::JumpIfFalse {
                    cond: value,
                    target,
                },
                end,
            ),
            LogicalOperator::Coalesce => self.emit_jump(
                |target| Instruction::JumpIfNotNullish { src: value, target },
                end,
            ),
        }
        self.expr(&l.right, value)?;
        self.place(end);
        self.emit(Instruction::Move { dst, src: value });
        Ok(())
    }

    // ----- members -----

    /// Compiles a property read. With `exit`, optional accesses jump there on nullish.
    pub(crate) fn member_get(
        &mut self,
        member: &MemberExpression,
        dst: Reg,
        exit: Option<Label>,
    ) -> CResult {
        match member {
            MemberExpression::StaticMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let key = self.alloc();
                    let constant = self.string_constant(m.property.name.as_str());
                    self.emit(Instruction::LoadConst { dst: key, constant });
                    self.at(m.as_ref());
                    self.emit(Instruction::GetSuper { dst, key });
                    return Ok(());
                }
                let object = self.member_object(&m.object, m.optional, exit)?;
                let cache = self.cache(m.property.name.as_str());
                self.at(m.as_ref());
                self.emit(Instruction::GetNamed { dst, object, cache });
            }
            MemberExpression::ComputedMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    let key = self.expr_temp(&m.expression)?;
                    self.emit(Instruction::ToPropertyKey { dst: key, src: key });
                    self.at(m.as_ref());
                    self.emit(Instruction::GetSuper { dst, key });
                    return Ok(());
                }
                let object = self.member_object(&m.object, m.optional, exit)?;
                let key = self.expr_operand(&m.expression, false)?;
                self.at(m.as_ref());
                self.emit(Instruction::GetIndexed { dst, object, key });
            }
            MemberExpression::PrivateFieldExpression(m) => {
                let object = self.member_object(&m.object, m.optional, exit)?;
                let name = self.private_name(&m.field.name)?;
                self.at(m.as_ref());
                self.emit(Instruction::GetPrivate { dst, object, name });
            }
        }
        Ok(())
    }

    /// Evaluates a member expression's object (inside a chain when `exit` is set).
    fn member_object(
        &mut self,
        object: &Expression,
        optional: bool,
        exit: Option<Label>,
    ) -> CResult<Reg> {
        match exit {
            Some(exit) => self.chain_object(object, optional, exit),
            None => self.expr_operand(object, true),
        }
    }

    // ----- calls -----

    /// Compiles a call. With `exit`, this call is part of an optional chain.
    pub(crate) fn call(&mut self, call: &CallExpression, dst: Reg, exit: Option<Label>) -> CResult {
        if let Expression::Super(_) = call.callee {
            return self.super_call(&call.arguments, dst);
        }
        let has_spread = call
            .arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)));
        let argc = if has_spread { 1 } else { call.arguments.len() };
        let base = self.alloc_n(2 + argc as u32);
        let is_direct_eval = !call.optional
            && exit.is_none()
            && matches!(&call.callee, Expression::Identifier(id) if id.name == "eval");
        let this_omitted =
            self.callee_and_this(&call.callee, base, exit, !has_spread && !is_direct_eval)?;
        if call.optional {
            let exit = exit.expect("optional call inside a chain");
            self.emit_jump(
                |target| Instruction::JumpIfNullish { src: base, target },
                exit,
            );
        }
        self.arguments(&call.arguments, base + 2, has_spread)?;
        self.at(call);
        if has_spread {
            self.emit(Instruction::CallSpread { dst, callee: base });
        } else if is_direct_eval {
            self.emit(Instruction::CallEval {
                dst,
                callee: base,
                argc: argc as u16,
                parameter_scope: self.parameter_scope.map_or(u16::MAX, |s| s as u16),
            });
        } else if this_omitted {
            self.emit(Instruction::CallUndefinedThis {
                dst,
                callee: base,
                argc: argc as u16,
            });
        } else {
            self.emit(Instruction::Call {
                dst,
                callee: base,
                argc: argc as u16,
            });
        }
        Ok(())
    }

    /// Evaluates a callee into `base` and its `this` into `base + 1`. When
    /// `may_omit_undefined_this`, an undefined `this` is not stored and the
    /// result is true (the caller emits `CallUndefinedThis`).
    fn callee_and_this(
        &mut self,
        callee: &Expression,
        base: Reg,
        exit: Option<Label>,
        may_omit_undefined_this: bool,
    ) -> CResult<bool> {
        match callee {
            Expression::ParenthesizedExpression(p) if p.expression.is_member_expression() => {
                self.callee_and_this(&p.expression, base, exit, may_omit_undefined_this)
            }
            Expression::StaticMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    self.load_this(base + 1, true);
                    let key = self.alloc();
                    let constant = self.string_constant(m.property.name.as_str());
                    self.emit(Instruction::LoadConst { dst: key, constant });
                    self.emit(Instruction::GetSuper { dst: base, key });
                    return Ok(false);
                }
                match exit {
                    Some(exit) => self.chain_part(&m.object, base + 1, exit)?,
                    None => self.expr(&m.object, base + 1)?,
                }
                if m.optional {
                    let exit = exit.expect("optional member inside a chain");
                    self.emit_jump(
                        |target| Instruction::JumpIfNullish {
                            src: base + 1,
                            target,
                        },
                        exit,
                    );
                }
                let cache = self.cache(m.property.name.as_str());
                self.at(m.as_ref());
                self.emit(Instruction::GetNamed {
                    dst: base,
                    object: base + 1,
                    cache,
                });
                Ok(false)
            }
            Expression::ComputedMemberExpression(m) => {
                if matches!(m.object, Expression::Super(_)) {
                    self.load_this(base + 1, true);
                    let key = self.expr_temp(&m.expression)?;
                    self.emit(Instruction::ToPropertyKey { dst: key, src: key });
                    self.emit(Instruction::GetSuper { dst: base, key });
                    return Ok(false);
                }
                match exit {
                    Some(exit) => self.chain_part(&m.object, base + 1, exit)?,
                    None => self.expr(&m.object, base + 1)?,
                }
                if m.optional {
                    let exit = exit.expect("optional member inside a chain");
                    self.emit_jump(
                        |target| Instruction::JumpIfNullish {
                            src: base + 1,
                            target,
                        },
                        exit,
                    );
                }
                let key = self.expr_operand(&m.expression, false)?;
                self.at(m.as_ref());
                self.emit(Instruction::GetIndexed {
                    dst: base,
                    object: base + 1,
                    key,
                });
                Ok(false)
            }
            Expression::PrivateFieldExpression(m) => {
                match exit {
                    Some(exit) => self.chain_part(&m.object, base + 1, exit)?,
                    None => self.expr(&m.object, base + 1)?,
                }
                if m.optional {
                    let exit = exit.expect("optional member inside a chain");
                    self.emit_jump(
                        |target| Instruction::JumpIfNullish {
                            src: base + 1,
                            target,
                        },
                        exit,
                    );
                }
                let name = self.private_name(&m.field.name)?;
                self.emit(Instruction::GetPrivate {
                    dst: base,
                    object: base + 1,
                    name,
                });
                Ok(false)
            }
            Expression::Identifier(ident) if matches!(self.access(ident), Access::Dynamic) => {
                let constant = self.string_constant(ident.name.as_str());
                self.emit(Instruction::GetNameForCall {
                    dst: base,
                    constant,
                });
                Ok(false)
            }
            other => {
                match exit {
                    Some(exit) => self.chain_part(other, base, exit)?,
                    None => self.expr(other, base)?,
                }
                if may_omit_undefined_this {
                    return Ok(true);
                }
                self.emit(Instruction::LoadUndefined { dst: base + 1 });
                Ok(false)
            }
        }
    }

    /// Evaluates call arguments into consecutive registers from `first`, or
    /// (with spread) into an array in `first`.
    fn arguments(&mut self, arguments: &[Argument], first: Reg, has_spread: bool) -> CResult {
        if has_spread {
            self.emit(Instruction::NewArray { dst: first });
            for argument in arguments {
                let m = self.mark();
                match argument {
                    Argument::SpreadElement(spread) => {
                        let value = self.expr_temp(&spread.argument)?;
                        self.emit(Instruction::ArraySpread {
                            array: first,
                            src: value,
                        });
                    }
                    other => {
                        let value = self.expr_temp(other.to_expression())?;
                        self.emit(Instruction::ArrayPush {
                            array: first,
                            src: value,
                        });
                    }
                }
                self.release(m);
            }
        } else {
            for (i, argument) in arguments.iter().enumerate() {
                self.expr(argument.to_expression(), first + i as Reg)?;
            }
        }
        Ok(())
    }

    fn new_expression(&mut self, n: &NewExpression, dst: Reg) -> CResult {
        let has_spread = n
            .arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)));
        let argc = if has_spread { 1 } else { n.arguments.len() };
        let base = self.alloc_n(2 + argc as u32);
        self.expr(&n.callee, base)?;
        self.arguments(&n.arguments, base + 2, has_spread)?;
        self.at(n);
        if has_spread {
            self.emit(Instruction::ConstructSpread { dst, callee: base });
        } else {
            self.emit(Instruction::Construct {
                dst,
                callee: base,
                argc: argc as u16,
            });
        }
        Ok(())
    }

    fn super_call(&mut self, arguments: &[Argument], dst: Reg) -> CResult {
        let has_spread = arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)));
        let argc = if has_spread { 1 } else { arguments.len() };
        let args = self.alloc_n(argc as u32);
        self.arguments(arguments, args, has_spread)?;
        if has_spread {
            self.emit(Instruction::SuperCallSpread { dst, args });
        } else {
            self.emit(Instruction::SuperCall {
                dst,
                args,
                argc: argc as u16,
            });
        }
        self.bind_this_to(dst);
        Ok(())
    }

    /// After a `super(...)` call: binds `this` to its result in `dst`
    /// (ReferenceError if already bound), wherever `this` lives.
    pub(crate) fn bind_this_to(&mut self, dst: Reg) {
        match self.this_location {
            Some(Location::Env { depth, slot }) => {
                let hops = (self.unit.env_depth - depth) as u16;
                self.emit(Instruction::BindThisEnv {
                    src: dst,
                    hops,
                    slot,
                });
            }
            Some(Location::Register(this)) => {
                self.emit(Instruction::BindThisRegister { this, src: dst })
            }
            _ => {}
        }
    }

    // ----- yield -----

    fn yield_expression(&mut self, y: &YieldExpression, dst: Reg) -> CResult {
        if self.kind == crate::engine::bytecode::FunctionKind::AsyncGenerator {
            return self.async_generator_yield(y, dst);
        }
        if y.delegate {
            let iterable = match &y.argument {
                Some(argument) => self.expr_temp(argument)?,
                None => {
                    let r = self.alloc();
                    self.emit(Instruction::LoadUndefined { dst: r });
                    r
                }
            };
            return self.yield_star(iterable, dst);
        }
        let value = match &y.argument {
            Some(argument) => self.expr_temp(argument)?,
            None => {
                let r = self.alloc();
                self.emit(Instruction::LoadUndefined { dst: r });
                r
            }
        };
        let received = self.alloc_n(2);
        self.at(y);
        self.emit(Instruction::Yield {
            dst: received,
            src: value,
        });
        self.resume_dispatch(received)?;
        self.emit(Instruction::Move { dst, src: received });
        Ok(())
    }

    /// After a resumption point: a `throw` resumption throws, a `return`
    /// resumption returns (running finally blocks); `received` holds the value
    /// and `received + 1` the kind.
    pub(crate) fn resume_dispatch(&mut self, received: Reg) -> CResult {
        let normal = self.new_label();
        let test = self.alloc();
        let kind = received + 1;
        let one = self.alloc();
        self.emit(Instruction::LoadInt { dst: one, value: 0 });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: kind,
            rhs: one,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            normal,
        );
        let not_throw = self.new_label();
        self.emit(Instruction::LoadInt { dst: one, value: 1 });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: kind,
            rhs: one,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            not_throw,
        );
        self.emit(Instruction::Throw { src: received });
        self.place(not_throw);
        self.emit_completion(super::control::Completion::Return, Some(received));
        self.place(normal);
        Ok(())
    }

    /// `yield* iterable`: delegation loop.
    fn yield_star(&mut self, iterable: Reg, dst: Reg) -> CResult {
        let iterator = self.alloc_n(2);
        self.emit(Instruction::GetIterator {
            dst: iterator,
            src: iterable,
        });
        let received = self.alloc_n(2);
        self.emit(Instruction::LoadUndefined { dst: received });
        self.emit(Instruction::LoadInt {
            dst: received + 1,
            value: 0,
        });
        let top = self.new_label();
        let done = self.new_label();
        self.place(top);
        // YieldDelegate performs one step of the delegation with the value and
        // kind in `received`: it either yields the inner result (resuming back
        // here with a new value/kind) or, when the inner iterator is done,
        // leaves its value in `received` with kind 3 (and 4 for an inner return
        // that must return from the generator).
        self.emit(Instruction::YieldDelegate {
            dst: received,
            iterator,
        });
        let test = self.alloc();
        let number = self.alloc();
        self.emit(Instruction::LoadInt {
            dst: number,
            value: 3,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: number,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            done,
        );
        self.emit(Instruction::LoadInt {
            dst: number,
            value: 4,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: number,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            top,
        );
        self.emit_completion(super::control::Completion::Return, Some(received));
        self.place(done);
        self.emit(Instruction::Move { dst, src: received });
        Ok(())
    }
}

/// Where a function's name comes from in NamedEvaluation.
#[derive(Clone, Debug)]
pub(crate) enum NameSource {
    /// A name known at compile time.
    Static(String),
    /// A property key computed at run time.
    Register(Reg),
}

/// Decodes cooked template text (oxc escapes lone surrogates like string literals).
fn decode_template(text: &str, lone_surrogates: bool) -> String {
    if lone_surrogates {
        String::from_utf16_lossy(&decode_string_literal(text))
    } else {
        text.to_owned()
    }
}
