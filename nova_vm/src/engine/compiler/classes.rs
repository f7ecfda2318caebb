//! ### [15.7 Class Definitions](https://tc39.es/ecma262/#sec-class-definitions)
//!
//! ClassDefinitionEvaluation: the constructor and prototype are made by
//! `CreateClass`; methods are defined in order; instance fields and private
//! methods are recorded on the constructor (InitializeInstanceElements runs
//! them at construction); static fields and blocks run at the end with the
//! class as `this`.

use oxc_ast::ast::*;
use oxc_span::GetSpan;

use super::expressions::{CResult, NameSource};
use super::function::{FunctionParts, function_parts};
use super::{CompileError, FunctionCompiler, Location};
use crate::engine::bytecode::{FunctionKind, Instruction, Reg};

/// A static element to run after the class is defined.
enum StaticElement<'x, 'a> {
    Field {
        key: Reg,
        value: Option<&'x Expression<'a>>,
        name: Option<String>,
    },
    Block(&'x StaticBlock<'a>),
}

impl FunctionCompiler<'_, '_, '_> {
    /// Loads the private name `#name` (its unique key) into a new register.
    pub(crate) fn private_name(&mut self, name: &str) -> CResult<Reg> {
        let location = self
            .unit
            .private_names
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, l)| *l)
            .ok_or_else(|| {
                CompileError::syntax(&format!(
                    "Private field '#{name}' must be declared in an enclosing class"
                ))
            })?;
        let r = self.alloc();
        self.load_location(location, r, false);
        Ok(r)
    }

    /// Compiles a class definition into `dst`.
    pub(crate) fn class(&mut self, c: &Class, dst: Reg, name: Option<NameSource>) -> CResult {
        let result_register = self.alloc();
        // The class scope holds the inner name binding.
        let scope = c.scope_id.get();
        if let Some(id) = &c.id
            && let Some(symbol) = id.symbol_id.get()
        {
            // The outer binding of a class declaration has its own symbol; the
            // inner one is immutable. Either is initialized once the class is
            // defined: the heritage and computed keys see it in its TDZ.
            self.unit.initialized_at.insert(symbol, c.span.end);
            if c.is_declaration() {
                self.unit
                    .class_declaration_bodies
                    .insert(symbol, (c.span.start, c.span.end));
            }
        }
        let pushed_scope = match scope {
            Some(scope) => {
                for symbol in self.unit.scoping.get_bindings(scope).values() {
                    self.unit.class_inner_names.insert(*symbol);
                    // The inner name is initialized once the class is defined.
                    self.unit.initialized_at.insert(*symbol, c.span.end);
                }
                self.enter_scope(scope, &[])?
            }
            None => false,
        };
        // Private names declared by this class.
        let mut private_declared: Vec<String> = Vec::new();
        for element in &c.body.body {
            let key = match element {
                ClassElement::MethodDefinition(m) => &m.key,
                ClassElement::PropertyDefinition(p) => &p.key,
                ClassElement::AccessorProperty(p) => &p.key,
                _ => continue,
            };
            if let PropertyKey::PrivateIdentifier(p) = key
                && !private_declared.iter().any(|n| n == p.name.as_str())
            {
                private_declared.push(p.name.to_string());
            }
        }
        let private_count = private_declared.len();
        if private_count > 0 {
            let names = private_declared
                .iter()
                .map(|n| self.key(&format!("#{n}")))
                .collect();
            self.push_env_scope(names, vec![false; private_count], vec![true; private_count]);
            let depth = self.unit.env_depth;
            for (slot, n) in private_declared.iter().enumerate() {
                let r = self.alloc();
                let constant = self.string_constant(&format!("#{n}"));
                self.emit(Instruction::NewPrivateName { dst: r, constant });
                let location = Location::Env {
                    depth,
                    slot: slot as u32,
                };
                self.store_location(location, r);
                self.unit.private_names.push((n.clone(), location));
            }
        }
        let result = self.class_body(c, result_register, name);
        for _ in 0..private_count {
            self.unit.private_names.pop();
        }
        if private_count > 0 {
            self.emit(Instruction::PopEnv);
            self.unit.env_depth -= 1;
            self.local_env_depth -= 1;
        }
        self.leave_scope(pushed_scope);
        result?;
        self.emit(Instruction::Move {
            dst,
            src: result_register,
        });
        Ok(())
    }

    fn class_body(&mut self, c: &Class, result_register: Reg, name: Option<NameSource>) -> CResult {
        let saved_class_scope = self.current_class_scope;
        self.current_class_scope = c.scope_id.get();
        let result = self.class_body_inner(c, result_register, name);
        self.current_class_scope = saved_class_scope;
        result
    }

    fn class_body_inner(
        &mut self,
        c: &Class,
        result_register: Reg,
        name: Option<NameSource>,
    ) -> CResult {
        // Heritage (evaluated with the inner name in its TDZ).
        let heritage = self.alloc();
        match &c.heritage {
            Some(h) => self.expr(&h.expression, heritage)?,
            None => self.emit(Instruction::LoadUninitialized { dst: heritage }),
        }
        let derived = c.heritage.is_some();
        let class_name = match (&c.id, &name) {
            (Some(id), _) => id.name.to_string(),
            (None, Some(NameSource::Static(n))) => n.clone(),
            _ => String::new(),
        };
        // The constructor.
        let constructor = self.alloc();
        let constructor_kind = if derived {
            FunctionKind::DerivedConstructor
        } else {
            FunctionKind::ClassConstructor
        };
        let explicit = c.body.body.iter().find_map(|e| match e {
            ClassElement::MethodDefinition(m) if m.kind == MethodDefinitionKind::Constructor => {
                Some(m)
            }
            _ => None,
        });
        let index = match explicit {
            Some(m) => {
                let mut parts = function_parts(&m.value, constructor_kind)?;
                parts.kind = constructor_kind;
                parts.span = c.span;
                self.compile_nested(parts, &class_name)?
            }
            None => {
                let parts = FunctionParts {
                    params: None,
                    statements: &[],
                    expression_body: None,
                    scope_id: c.scope_id.get().expect("class scope"),
                    span: c.span,
                    kind: constructor_kind,
                    is_arrow: false,
                    own_name: None,
                    default_derived: derived,
                };
                self.compile_nested(parts, &class_name)?
            }
        };
        self.at(c);
        self.emit(Instruction::CreateClosure {
            dst: constructor,
            function: index,
        });
        let class = self.alloc_n(2);
        self.emit(Instruction::CreateClass {
            dst: class,
            constructor,
            heritage,
        });
        let prototype = class + 1;
        if let (None, Some(NameSource::Register(key))) = (&c.id, &name) {
            self.emit(Instruction::SetFunctionName {
                function: class,
                name: *key,
                prefix: 0,
            });
        }
        let mut statics: Vec<StaticElement> = Vec::new();
        for element in &c.body.body {
            let m = self.mark();
            match element {
                ClassElement::MethodDefinition(method)
                    if method.kind != MethodDefinitionKind::Constructor =>
                {
                    let target = if method.r#static { class } else { prototype };
                    let key = self.property_key_reg(&method.key)?;
                    let function = self.alloc();
                    let prefix = match method.kind {
                        MethodDefinitionKind::Get => 1,
                        MethodDefinitionKind::Set => 2,
                        _ => 0,
                    };
                    // The source text of `static MethodDefinition` is the MethodDefinition.
                    let source_start = if method.r#static {
                        self.skip_trivia(method.span.start + "static".len() as u32)
                    } else {
                        method.span.start
                    };
                    self.method_closure(
                        &method.value,
                        function,
                        target,
                        key,
                        prefix,
                        source_start,
                    )?;
                    if let PropertyKey::PrivateIdentifier(_) = method.key {
                        if method.r#static {
                            self.emit(Instruction::DefinePrivateMethod {
                                object: class,
                                name: key,
                                function,
                                kind: prefix,
                            });
                        } else {
                            self.emit(Instruction::ClassPrivateMethod {
                                class,
                                name: key,
                                function,
                                kind: prefix,
                            });
                        }
                    } else {
                        match method.kind {
                            MethodDefinitionKind::Get | MethodDefinitionKind::Set => {
                                self.emit(Instruction::DefineAccessor {
                                    object: target,
                                    key,
                                    function,
                                    setter: method.kind == MethodDefinitionKind::Set,
                                    enumerable: false,
                                })
                            }
                            _ => self.emit(Instruction::DefineMethod {
                                object: target,
                                key,
                                function,
                                enumerable: false,
                            }),
                        }
                    }
                    self.release(m);
                }
                ClassElement::MethodDefinition(_) => {}
                ClassElement::PropertyDefinition(p) => {
                    let key = self.property_key_reg(&p.key)?;
                    let field_name = match &p.key {
                        PropertyKey::StaticIdentifier(id) => Some(id.name.to_string()),
                        PropertyKey::PrivateIdentifier(id) => Some(format!("#{}", id.name)),
                        PropertyKey::StringLiteral(s) => Some(s.value.to_string()),
                        _ => None,
                    };
                    if p.r#static {
                        statics.push(StaticElement::Field {
                            key,
                            value: p.value.as_ref(),
                            name: field_name,
                        });
                        // Keep the key register alive until the static elements run.
                        continue;
                    }
                    let initializer = self.alloc();
                    match &p.value {
                        Some(value) => {
                            self.field_initializer(value, initializer, prototype, key, field_name)?
                        }
                        None => self.emit(Instruction::LoadUndefined { dst: initializer }),
                    }
                    self.emit(Instruction::ClassFieldDefine {
                        class,
                        key,
                        initializer,
                    });
                    self.release(m);
                }
                ClassElement::StaticBlock(block) => statics.push(StaticElement::Block(block)),
                ClassElement::AccessorProperty(_) => {
                    return Err(CompileError::syntax(
                        "Class auto-accessors are not supported",
                    ));
                }
                ClassElement::TSIndexSignature(_) => {
                    return Err(CompileError::syntax("TypeScript syntax is not supported"));
                }
            }
        }
        // The inner class binding.
        if let Some(id) = &c.id
            && let Some(symbol) = id.symbol_id.get()
            && let Some(scope) = c.scope_id.get()
            && let Some(inner) = self.unit.scoping.get_binding(scope, id.name)
        {
            let _ = symbol;
            if let Some(location) = self.unit.locations.get(&inner).copied() {
                self.store_location(location, class);
            }
        }
        // Static fields and blocks, in order, with the class as `this`.
        for element in statics {
            let m = self.mark();
            match element {
                StaticElement::Field { key, value, name } => {
                    let v = self.alloc();
                    match value {
                        Some(value) => {
                            let initializer = self.alloc();
                            self.field_initializer(value, initializer, class, key, name)?;
                            let base = self.alloc_n(2);
                            self.emit(Instruction::Move {
                                dst: base,
                                src: initializer,
                            });
                            self.emit(Instruction::Move {
                                dst: base + 1,
                                src: class,
                            });
                            self.emit(Instruction::Call {
                                dst: v,
                                callee: base,
                                argc: 0,
                            });
                        }
                        None => self.emit(Instruction::LoadUndefined { dst: v }),
                    }
                    self.emit(Instruction::DefineIndexed {
                        object: class,
                        key,
                        src: v,
                    });
                }
                StaticElement::Block(block) => {
                    let parts = FunctionParts {
                        params: None,
                        statements: &block.body,
                        expression_body: None,
                        scope_id: block.scope_id.get().expect("static block scope"),
                        span: block.span,
                        kind: FunctionKind::Method,
                        is_arrow: false,
                        own_name: None,
                        default_derived: false,
                    };
                    let index = self.compile_nested(parts, "")?;
                    let base = self.alloc_n(2);
                    self.emit(Instruction::CreateClosure {
                        dst: base,
                        function: index,
                    });
                    self.emit(Instruction::SetHomeObject {
                        function: base,
                        home: class,
                    });
                    self.emit(Instruction::Move {
                        dst: base + 1,
                        src: class,
                    });
                    let ignored = self.alloc();
                    self.emit(Instruction::Call {
                        dst: ignored,
                        callee: base,
                        argc: 0,
                    });
                }
            }
            self.release(m);
        }
        self.emit(Instruction::Move {
            dst: result_register,
            src: class,
        });
        Ok(())
    }

    /// Compiles a field initializer as a method of `home` and names any
    /// anonymous function it produces after the field.
    fn field_initializer(
        &mut self,
        value: &Expression,
        dst: Reg,
        home: Reg,
        _key: Reg,
        name: Option<String>,
    ) -> CResult {
        let scope = self
            .current_class_scope
            .ok_or_else(|| CompileError::syntax("field outside a class"))?;
        let parts = FunctionParts {
            params: None,
            statements: &[],
            expression_body: Some(value),
            scope_id: scope,
            span: value.span(),
            kind: FunctionKind::FieldInitializer,
            is_arrow: false,
            own_name: None,
            default_derived: false,
        };
        self.field_name = name;
        let index = self.compile_nested(parts, "")?;
        self.emit(Instruction::CreateClosure {
            dst,
            function: index,
        });
        self.emit(Instruction::SetHomeObject {
            function: dst,
            home,
        });
        Ok(())
    }
}
