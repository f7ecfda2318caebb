//! Control flow across statements: labels, `break`/`continue`, `return`,
//! `try`/`finally` and the iterator closing that `for-of` owes on early exit.
//!
//! Abrupt completions are routed at compile time. A `break` that leaves a
//! `try` block with a `finally` stores a completion number and jumps into the
//! finally code; the finally code ends with a dispatch that resumes the
//! completion it was entered with.

use super::{FunctionCompiler, Label};
use crate::engine::bytecode::{ExceptionHandler, Instruction, Reg};

/// One enclosing construct that `break`, `continue` or `return` may leave.
#[derive(Debug)]
pub(crate) enum ControlScope {
    /// A breakable statement (loop, switch, or labelled statement).
    Breakable {
        /// Labels naming this statement (plus the empty label for loops and switches).
        labels: Vec<String>,
        /// True for loops (also targets of unlabelled `break`/`continue`).
        is_loop: bool,
        /// True for switch statements (targets of unlabelled `break`).
        is_switch: bool,
        break_label: Label,
        continue_label: Option<Label>,
        env_depth: u16,
    },
    /// A `for-of` loop's iterator, closed when a completion leaves the loop
    /// (with AsyncIteratorClose for `for await`), or an array destructuring's
    /// iterator, closed when a `return` resumption of a generator leaves the
    /// pattern (unless the iterator is done).
    Iterator {
        iterator: Reg,
        is_async: bool,
        /// For destructuring: the register that is true once the iterator
        /// is done (then it is not closed). Closing sets it, so the pattern's
        /// own throw handler does not close the iterator again.
        done: Option<Reg>,
        /// Code ranges inside the loop body that close this iterator (or an
        /// outer one after it): a throw there must not close it again, so the
        /// loop's throw handler leaves these ranges out.
        closing: Vec<(u32, u32)>,
    },
    /// A `finally` block that abrupt completions must run first.
    Finally {
        finally_label: Label,
        kind_register: Reg,
        value_register: Reg,
        /// Completions routed through this finally: (number, completion).
        pending: Vec<(i32, Completion)>,
        env_depth: u16,
    },
}

/// An abrupt completion that is not a throw.
#[derive(Debug, Clone)]
pub(crate) enum Completion {
    /// `break` to the statement at control-stack index `target`.
    Break { target: usize },
    /// `continue` the loop at control-stack index `target`.
    Continue { target: usize },
    /// `return` with the value in the finally's value register (or `value`).
    Return,
}

/// Completion numbers stored in a finally's kind register.
pub(crate) const COMPLETION_NORMAL: i32 = 0;
pub(crate) const COMPLETION_THROW: i32 = 1;
pub(crate) const COMPLETION_RETURN: i32 = 2;
const COMPLETION_FIRST_JUMP: i32 = 3;

impl FunctionCompiler<'_, '_, '_> {
    /// Finds the control-stack index a `break` (with optional label) targets.
    pub(crate) fn break_target(&self, label: Option<&str>) -> Option<usize> {
        self.control.iter().rposition(|scope| match scope {
            ControlScope::Breakable {
                labels,
                is_loop,
                is_switch,
                ..
            } => match label {
                Some(name) => labels.iter().any(|l| l == name),
                None => *is_loop || *is_switch,
            },
            _ => false,
        })
    }

    /// Finds the control-stack index a `continue` (with optional label) targets.
    pub(crate) fn continue_target(&self, label: Option<&str>) -> Option<usize> {
        self.control.iter().rposition(|scope| match scope {
            ControlScope::Breakable {
                labels,
                is_loop: true,
                ..
            } => match label {
                Some(name) => labels.iter().any(|l| l == name),
                None => true,
            },
            _ => false,
        })
    }

    /// Emits code for an abrupt completion leaving the control scopes above
    /// `floor` (the whole stack for `return`). For a return, the value is in
    /// `value`.
    pub(crate) fn emit_completion(&mut self, completion: Completion, value: Option<Reg>) {
        let top = self.control.len();
        self.emit_completion_from(top, completion, value);
    }

    /// As [`emit_completion`], starting below control-stack index `from`.
    pub(crate) fn emit_completion_from(
        &mut self,
        from: usize,
        completion: Completion,
        value: Option<Reg>,
    ) {
        let floor = match completion {
            Completion::Break { target } | Completion::Continue { target } => target,
            Completion::Return => 0,
        };
        let mut index = from;
        while index > floor {
            index -= 1;
            match &self.control[index] {
                ControlScope::Iterator {
                    iterator,
                    is_async,
                    done,
                    ..
                } => {
                    let (iterator, is_async, done) = (*iterator, *is_async, *done);
                    // `continue` of the loop that owns the iterator keeps it open.
                    if matches!(completion, Completion::Continue { target } if index == target + 1)
                    {
                        continue;
                    }
                    let start = self.pc();
                    let skip = self.new_label();
                    if let Some(done) = done {
                        self.emit_jump(
                            |target| Instruction::JumpIfTrue { cond: done, target },
                            skip,
                        );
                        self.emit(Instruction::LoadBool {
                            dst: done,
                            value: true,
                        });
                    }
                    if is_async {
                        self.emit_async_iterator_close(iterator);
                    } else {
                        self.emit(Instruction::IteratorClose { iterator });
                    }
                    self.place(skip);
                    let end = self.pc();
                    // This iterator and those inside it (closed already) must not
                    // be closed again by a throw from this code.
                    for scope in &mut self.control[index..from] {
                        if let ControlScope::Iterator { closing, .. } = scope {
                            closing.push((start, end));
                        }
                    }
                }
                ControlScope::Finally { .. } => {
                    // Route through the finally block: it resumes the completion.
                    let ControlScope::Finally {
                        finally_label,
                        kind_register,
                        value_register,
                        pending,
                        env_depth,
                    } = &mut self.control[index]
                    else {
                        unreachable!()
                    };
                    let number = COMPLETION_FIRST_JUMP + pending.len() as i32;
                    let (finally_label, kind_register, value_register, env_depth) =
                        (*finally_label, *kind_register, *value_register, *env_depth);
                    let number = if matches!(completion, Completion::Return) {
                        COMPLETION_RETURN
                    } else {
                        pending.push((number, completion.clone()));
                        number
                    };
                    if let (Completion::Return, Some(value)) = (&completion, value)
                        && value != value_register
                    {
                        self.emit(Instruction::Move {
                            dst: value_register,
                            src: value,
                        });
                    }
                    self.emit(Instruction::LoadInt {
                        dst: kind_register,
                        value: number,
                    });
                    self.pop_envs_to(env_depth);
                    self.jump(finally_label);
                    return;
                }
                ControlScope::Breakable { .. } => {}
            }
        }
        match completion {
            Completion::Break { target } => {
                let ControlScope::Breakable {
                    break_label,
                    env_depth,
                    ..
                } = &self.control[target]
                else {
                    unreachable!("break target is breakable")
                };
                let (label, depth) = (*break_label, *env_depth);
                self.pop_envs_to(depth);
                self.jump(label);
            }
            Completion::Continue { target } => {
                let ControlScope::Breakable {
                    continue_label,
                    env_depth,
                    ..
                } = &self.control[target]
                else {
                    unreachable!("continue target is breakable")
                };
                let (label, depth) = (continue_label.expect("loop"), *env_depth);
                self.pop_envs_to(depth);
                self.jump(label);
            }
            Completion::Return => {
                let value = value.unwrap_or_else(|| {
                    let r = self.alloc();
                    self.emit(Instruction::LoadUndefined { dst: r });
                    r
                });
                self.emit_return(value);
            }
        }
    }

    /// Emits PopEnv instructions (without changing the compile-time depth,
    /// since the code that follows is unreachable from here).
    pub(crate) fn pop_envs_to(&mut self, depth: u16) {
        for _ in depth..self.local_env_depth {
            self.emit(Instruction::PopEnv);
        }
    }

    /// Compiles `try { block } finally { finalizer }` around `block_body`
    /// (which may itself contain a catch). The closures compile the parts.
    pub(crate) fn with_finally(
        &mut self,
        body: impl FnOnce(&mut Self),
        finalizer: impl FnOnce(&mut Self),
    ) {
        let kind_register = self.alloc();
        let value_register = self.alloc();
        let finally_label = self.new_label();
        let throw_label = self.new_label();
        let env_depth = self.local_env_depth;
        self.control.push(ControlScope::Finally {
            finally_label,
            kind_register,
            value_register,
            pending: Vec::new(),
            env_depth,
        });
        let start = self.pc();
        body(self);
        let end = self.pc();
        // Normal completion of the protected part.
        self.emit(Instruction::LoadInt {
            dst: kind_register,
            value: COMPLETION_NORMAL,
        });
        self.jump(finally_label);
        // Throw completion.
        self.place(throw_label);
        let handler = self.target_pc();
        self.handlers.push(ExceptionHandler {
            start,
            end,
            handler,
            register: value_register,
            env_depth,
        });
        self.emit(Instruction::LoadInt {
            dst: kind_register,
            value: COMPLETION_THROW,
        });
        self.place(finally_label);
        let Some(ControlScope::Finally { pending, .. }) = self.control.pop() else {
            unreachable!("finally scope on top")
        };
        finalizer(self);
        // Dispatch on how the finally block was entered.
        let after = self.new_label();
        let test = self.alloc();
        let number = self.alloc();
        let normal = self.new_label();
        self.emit(Instruction::LoadInt {
            dst: number,
            value: COMPLETION_NORMAL,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: kind_register,
            rhs: number,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            normal,
        );
        let not_throw = self.new_label();
        self.emit(Instruction::LoadInt {
            dst: number,
            value: COMPLETION_THROW,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: kind_register,
            rhs: number,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            not_throw,
        );
        self.emit(Instruction::Throw {
            src: value_register,
        });
        self.place(not_throw);
        let not_return = self.new_label();
        self.emit(Instruction::LoadInt {
            dst: number,
            value: COMPLETION_RETURN,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: kind_register,
            rhs: number,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            not_return,
        );
        self.emit_completion(Completion::Return, Some(value_register));
        self.place(not_return);
        for (n, completion) in pending {
            let skip = self.new_label();
            self.emit(Instruction::LoadInt {
                dst: number,
                value: n,
            });
            self.emit(Instruction::StrictEq {
                dst: test,
                lhs: kind_register,
                rhs: number,
            });
            self.emit_jump(
                |target| Instruction::JumpIfFalse { cond: test, target },
                skip,
            );
            self.emit_completion(completion, None);
            self.place(skip);
        }
        self.place(normal);
        self.jump(after);
        self.place(after);
    }

    /// Emits the return sequence for `value` (derived constructors check `this`).
    pub(crate) fn emit_return(&mut self, value: Reg) {
        if self.kind == crate::engine::bytecode::FunctionKind::DerivedConstructor {
            let this = self.alloc();
            if let Some(location) = self.this_location {
                self.load_location(location, this, false);
            }
            self.emit(Instruction::ReturnDerived { src: value, this });
        } else {
            self.emit(Instruction::Return { src: value });
        }
    }
}
