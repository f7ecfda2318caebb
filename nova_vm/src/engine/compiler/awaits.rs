//! `await` and the awaits of `for await`: [27.7.5.3 Await](https://tc39.es/ecma262/#await)
//! and [7.4.12 AsyncIteratorClose](https://tc39.es/ecma262/#sec-asynciteratorclose).

use oxc_ast::ast::YieldExpression;

use super::FunctionCompiler;
use super::control::Completion;
use super::expressions::CResult;
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
        let handler = self.target_pc();
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
            let iterable = match &y.argument {
                Some(argument) => self.expr_temp(argument)?,
                None => {
                    let r = self.alloc();
                    self.emit(Instruction::LoadUndefined { dst: r });
                    r
                }
            };
            self.at(y);
            return self.async_yield_star(iterable, dst);
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

    /// Jumps to `label` if the integer in `register` equals `value`.
    fn jump_if_int(&mut self, register: Reg, value: i32, label: super::Label) {
        let test = self.alloc();
        let constant = self.alloc();
        self.emit(Instruction::LoadInt {
            dst: constant,
            value,
        });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: register,
            rhs: constant,
        });
        self.emit_jump(
            |target| Instruction::JumpIfTrue { cond: test, target },
            label,
        );
    }

    /// `yield* iterable` in an async generator ([15.5.5](https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation),
    /// generatorKind async).
    fn async_yield_star(&mut self, iterable: Reg, dst: Reg) -> CResult {
        // 3-4. Let iteratorRecord be ? GetIterator(value, async).
        let iterator = self.alloc_n(2);
        self.emit(Instruction::GetAsyncIterator {
            dst: iterator,
            src: iterable,
        });
        // 6. Let received be NormalCompletion(undefined).
        let received = self.alloc_n(2);
        self.emit(Instruction::LoadUndefined { dst: received });
        self.emit(Instruction::LoadInt {
            dst: received + 1,
            value: 0,
        });
        let top = self.new_label();
        let end = self.new_label();
        let throw_missing = self.new_label();
        let return_missing = self.new_label();
        let not_done = self.new_label();
        // 7. Repeat,
        self.place(top);
        // a.i / b.ii.1 / c.iii: call next, throw or return.
        let step = self.alloc_n(2);
        self.emit(Instruction::AsyncYieldStarStep {
            dst: step,
            received,
            iterator,
        });
        self.jump_if_int(step + 1, 3, throw_missing);
        self.jump_if_int(step + 1, 4, return_missing);
        // a.ii / b.ii.2 / c.iv: If generatorKind is async, set innerResult to ? Await(innerResult).
        let awaited = self.emit_await(step);
        // a.iii-iv: If innerResult is not an Object, throw a TypeError exception;
        //           let done be ? IteratorComplete(innerResult).
        let unpacked = self.alloc_n(2);
        self.emit(Instruction::IteratorResultUnpack {
            dst: unpacked,
            src: awaited,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse {
                cond: unpacked + 1,
                target,
            },
            not_done,
        );
        // a.v / b.ii.6: If done is true, return ? IteratorValue(innerResult).
        // c.vii: for a return: Return ReturnCompletion(IteratorValue(innerReturnResult)).
        let normal_done = self.new_label();
        let test = self.alloc();
        let two = self.alloc();
        self.emit(Instruction::LoadInt { dst: two, value: 2 });
        self.emit(Instruction::StrictEq {
            dst: test,
            lhs: received + 1,
            rhs: two,
        });
        self.emit_jump(
            |target| Instruction::JumpIfFalse { cond: test, target },
            normal_done,
        );
        self.emit_completion(Completion::Return, Some(unpacked));
        self.place(normal_done);
        self.emit(Instruction::Move { dst, src: unpacked });
        self.jump(end);
        // a.vi / b.ii.7 / c.viii: received = Completion(AsyncGeneratorYield(? IteratorValue(innerResult))).
        self.place(not_done);
        self.emit(Instruction::AsyncGeneratorYield {
            dst: received,
            src: unpacked,
        });
        // AsyncGeneratorUnwrapYieldResumption: a return resumption awaits its value; a
        // rejection becomes a throw completion in received.
        let unwrap = self.new_label();
        self.jump_if_int(received + 1, 2, unwrap);
        self.jump(top);
        self.place(unwrap);
        let resumed = self.alloc_n(2);
        self.emit(Instruction::Await {
            dst: resumed,
            src: received,
        });
        self.emit(Instruction::Move {
            dst: received,
            src: resumed,
        });
        let rejected = self.new_label();
        self.jump_if_int(resumed + 1, 1, rejected);
        // awaited normally: received = ReturnCompletion(awaited.[[Value]])
        self.jump(top);
        self.place(rejected);
        // awaited threw: received = ThrowCompletion(reason)
        self.emit(Instruction::LoadInt {
            dst: received + 1,
            value: 1,
        });
        self.jump(top);
        // b.iii: the iterator has no throw method.
        self.place(throw_missing);
        // 1-4. Let closeCompletion be NormalCompletion(empty); perform ? AsyncIteratorClose(iteratorRecord, closeCompletion).
        self.emit_async_iterator_close(iterator);
        // 5-6. NOTE; throw a TypeError exception.
        let constant = self.string_constant("The iterator does not provide a 'throw' method");
        self.emit(Instruction::ThrowError { kind: 5, constant });
        // c.ii: the iterator has no return method.
        self.place(return_missing);
        // 1. Let value be received.[[Value]].
        // 2. If generatorKind is async, set value to ? Await(value).
        let value = self.emit_await(received);
        // 3. Return ReturnCompletion(value).
        self.emit_completion(Completion::Return, Some(value));
        self.place(end);
        Ok(())
    }
}
