//! `await` and the awaits of `for await`: [27.7.5.3 Await](https://tc39.es/ecma262/#await)
//! and [7.4.12 AsyncIteratorClose](https://tc39.es/ecma262/#sec-asynciteratorclose).

use oxc_ast::ast::YieldExpression;

use super::control::Completion;
use super::expressions::CResult;
use super::{CompileError, FunctionCompiler};
use crate::engine::bytecode::{ExceptionHandler, Instruction, Reg};

impl FunctionCompiler<'_, '_, '_> {
    /// Emits `Await` of `src` and the resumption check (a throw completion
    /// throws at the await). Returns the register holding the awaited value.
    pub(crate) fn emit_await(&mut self, src: Reg) -> Reg {
        let received = self.alloc_n(2);
        self.emit(Instruction::Await { dst: received, src });
        let test = self.alloc();
        let throw_kind = self.alloc();
        self.emit(Instruction::LoadInt {
            dst: throw_kind,
            value: 1,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: throw_kind,
        });
        let normal = self.new_label();
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            normal,
        );
        self.emit(Instruction::Throw { src: received });
        self.place(normal);
        received
    }

    /// ### [7.4.12 AsyncIteratorClose ( iteratorRecord, completion )](https://tc39.es/ecma262/#sec-asynciteratorclose)
    /// for a normal (break, continue, return) completion: errors propagate.
    pub(crate) fn emit_async_iterator_close(&mut self, iterator: Reg) {
        // 3-4. Let innerResult be Completion(GetMethod(iterator, "return")); if return is
        //      undefined, return ? completion; else innerResult = Completion(Call(return, iterator)).
        let result = self.alloc();
        let skip = self.new_label();
        self.emit_jump(
            |skip| Instruction::AsyncIteratorReturn {
                dst: result,
                iterator,
                skip,
            },
            skip,
        );
        // 4.d. If innerResult is a normal completion, set innerResult to Completion(Await(innerResult.[[Value]])).
        let received = self.emit_await(result);
        // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
        self.emit(Instruction::CheckIteratorResult { src: received });
        self.place(skip);
    }

    /// AsyncIteratorClose for a throw completion: `return` is called and its
    /// result awaited, but anything they throw is ignored (5. If completion is
    /// a throw completion, return ? completion); the caller rethrows.
    pub(crate) fn emit_async_iterator_close_quiet(&mut self, iterator: Reg) {
        let after = self.new_label();
        let start = self.pc();
        let result = self.alloc();
        self.emit_jump(
            |skip| Instruction::AsyncIteratorReturn {
                dst: result,
                iterator,
                skip,
            },
            after,
        );
        self.emit_await(result);
        let end = self.pc();
        self.place(after);
        let ignored = self.alloc();
        let handler = self.pc();
        self.handlers.push(ExceptionHandler {
            start,
            end,
            handler,
            register: ignored,
            env_depth: self.local_env_depth,
        });
    }

    /// `yield` in an async generator ([15.5.5 YieldExpression evaluation](https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation)
    /// and [27.6.3.8 AsyncGeneratorYield](https://tc39.es/ecma262/#sec-asyncgeneratoryield)):
    /// `AsyncGeneratorYield(? Await(value))`, then
    /// [27.6.3.7 AsyncGeneratorUnwrapYieldResumption](https://tc39.es/ecma262/#sec-asyncgeneratorunwrapyieldresumption).
    pub(crate) fn async_generator_yield(&mut self, y: &YieldExpression, dst: Reg) -> CResult {
        if y.delegate {
            return Err(CompileError::syntax(
                "yield* in async generators is not supported yet",
            ));
        }
        let value = match &y.argument {
            Some(argument) => self.expr_temp(argument)?,
            None => {
                let r = self.alloc();
                self.emit(Instruction::LoadUndefined { dst: r });
                r
            }
        };
        self.at(y);
        let awaited = self.emit_await(value);
        let received = self.alloc_n(2);
        self.emit(Instruction::AsyncGeneratorYield {
            dst: received,
            src: awaited,
        });
        // 1. If resumptionValue is not a return completion, return ? resumptionValue.
        let normal = self.new_label();
        let test = self.alloc();
        let kind = self.alloc();
        self.emit(Instruction::LoadInt {
            dst: kind,
            value: 0,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: kind,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            normal,
        );
        let is_return = self.new_label();
        self.emit(Instruction::LoadInt {
            dst: kind,
            value: 2,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: kind,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            is_return,
        );
        self.emit(Instruction::Throw { src: received });
        self.place(is_return);
        // 2. Let awaited be Completion(Await(resumptionValue.[[Value]])).
        // 3. If awaited is a throw completion, return ? awaited.
        let awaited = self.emit_await(received);
        // 4. Assert: awaited is a normal completion.
        // 5. Return ReturnCompletion(awaited.[[Value]]).
        self.emit_completion(Completion::Return, Some(awaited));
        self.place(normal);
        self.emit(Instruction::Move { dst, src: received });
        Ok(())
    }
}
