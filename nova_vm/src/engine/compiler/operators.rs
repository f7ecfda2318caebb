//! Operator expressions: [13.4 update expressions](https://tc39.es/ecma262/#sec-update-expressions),
//! the binary operators of [13.6–13.12](https://tc39.es/ecma262/#sec-multiplicative-operators)
//! (with immediate operands for small-integer literals), and which operand
//! forms may be read in place.

use oxc_ast::ast::*;
use oxc_span::GetSpan;
use oxc_syntax::operator::{BinaryOperator, UnaryOperator, UpdateOperator};

use super::expressions::CResult;
use super::identifiers::Access;
use super::{CompileError, FunctionCompiler};
use crate::engine::bytecode::{Instruction, Reg};

impl FunctionCompiler<'_, '_, '_> {
    /// `x++`/`x--`/`++x`/`--x` whose value is unused.
    pub(crate) fn update_for_effect(&mut self, u: &UpdateExpression) -> CResult {
        let value = self.alloc();
        let op = if u.operator == UpdateOperator::Increment {
            Instruction::Inc {
                dst: value,
                src: value,
            }
        } else {
            Instruction::Dec {
                dst: value,
                src: value,
            }
        };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(ident) => {
                let reference = self.load_identifier_for_update(ident, value)?;
                self.emit(op);
                self.store_identifier_at(ident, value, reference)
            }
            target => {
                let member = target
                    .as_member_expression()
                    .ok_or_else(|| CompileError::syntax("Invalid update target"))?;
                let reference = self.member_reference(member)?;
                self.reference_get(&reference, value)?;
                self.emit(op);
                self.reference_put(&reference, value)
            }
        }
    }

    /// The register of a local variable that can be updated in place (no
    /// TDZ check, not const).
    pub(crate) fn mutable_register_local(&self, ident: &IdentifierReference) -> Option<Reg> {
        let Access::Register {
            reg,
            checked: false,
        } = self.access(ident)
        else {
            return None;
        };
        let symbol = ident
            .reference_id
            .get()
            .and_then(|r| self.unit.scoping.get_reference(r).symbol_id());
        symbol
            .and_then(|s| self.immutability(s))
            .is_none()
            .then_some(reg)
    }

    pub(crate) fn update(&mut self, u: &UpdateExpression, dst: Reg) -> CResult {
        let increment = u.operator == UpdateOperator::Increment;
        let op = |dst, src| {
            if increment {
                Instruction::Inc { dst, src }
            } else {
                Instruction::Dec { dst, src }
            }
        };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(ident) => {
                if let Some(reg) = self.mutable_register_local(ident) {
                    if u.prefix {
                        self.emit(op(reg, reg));
                        if dst != reg {
                            self.emit(Instruction::Move { dst, src: reg });
                        }
                    } else {
                        self.emit(Instruction::ToNumeric { dst, src: reg });
                        self.emit(op(reg, dst));
                    }
                    return Ok(());
                }
                let old = self.alloc();
                let reference = self.load_identifier_for_update(ident, old)?;
                self.emit(Instruction::ToNumeric { dst: old, src: old });
                let new = self.alloc();
                self.emit(op(new, old));
                self.store_identifier_at(ident, new, reference)?;
                self.emit(Instruction::Move {
                    dst,
                    src: if u.prefix { new } else { old },
                });
            }
            target => {
                let member = target
                    .as_member_expression()
                    .ok_or_else(|| CompileError::syntax("Invalid update target"))?;
                let reference = self.member_reference(member)?;
                let old = self.alloc();
                self.reference_get(&reference, old)?;
                self.emit(Instruction::ToNumeric { dst: old, src: old });
                let new = self.alloc();
                self.emit(op(new, old));
                self.reference_put(&reference, new)?;
                self.emit(Instruction::Move {
                    dst,
                    src: if u.prefix { new } else { old },
                });
            }
        }
        Ok(())
    }

    pub(crate) fn binary(&mut self, b: &BinaryExpression, dst: Reg) -> CResult {
        let rhs_effects = has_effects(&b.right);
        let lhs = self.expr_operand(&b.left, rhs_effects)?;
        self.binary_with_right(b.operator, dst, lhs, &b.right, b)
    }

    /// Emits `dst = lhs <operator> right`, evaluating `right` last: a
    /// small-integer literal becomes an immediate operand.
    pub(crate) fn binary_with_right(
        &mut self,
        operator: BinaryOperator,
        dst: Reg,
        lhs: Reg,
        right: &Expression,
        position: &impl GetSpan,
    ) -> CResult {
        if let Some(value) = small_int_literal(right)
            && let Some(instruction) = binary_int_instruction(operator, dst, lhs, value)
        {
            self.at(position);
            self.emit(instruction);
            return Ok(());
        }
        let rhs = self.expr_operand(right, false)?;
        self.at(position);
        self.emit(binary_instruction(operator, dst, lhs, rhs));
        Ok(())
    }
}

/// The instruction for a binary operator.
pub(crate) fn binary_instruction(
    operator: BinaryOperator,
    dst: Reg,
    lhs: Reg,
    rhs: Reg,
) -> Instruction {
    match operator {
        BinaryOperator::Addition => Instruction::Add { dst, lhs, rhs },
        BinaryOperator::Subtraction => Instruction::Sub { dst, lhs, rhs },
        BinaryOperator::Multiplication => Instruction::Mul { dst, lhs, rhs },
        BinaryOperator::Division => Instruction::Div { dst, lhs, rhs },
        BinaryOperator::Remainder => Instruction::Rem { dst, lhs, rhs },
        BinaryOperator::Exponential => Instruction::Exp { dst, lhs, rhs },
        BinaryOperator::ShiftLeft => Instruction::Shl { dst, lhs, rhs },
        BinaryOperator::ShiftRight => Instruction::Shr { dst, lhs, rhs },
        BinaryOperator::ShiftRightZeroFill => Instruction::UShr { dst, lhs, rhs },
        BinaryOperator::BitwiseOR => Instruction::BitOr { dst, lhs, rhs },
        BinaryOperator::BitwiseXOR => Instruction::BitXor { dst, lhs, rhs },
        BinaryOperator::BitwiseAnd => Instruction::BitAnd { dst, lhs, rhs },
        BinaryOperator::Equality => Instruction::Eq { dst, lhs, rhs },
        BinaryOperator::Inequality => Instruction::NotEq { dst, lhs, rhs },
        BinaryOperator::StrictEquality => Instruction::StrictEq { dst, lhs, rhs },
        BinaryOperator::StrictInequality => Instruction::StrictNotEq { dst, lhs, rhs },
        BinaryOperator::LessThan => Instruction::Lt { dst, lhs, rhs },
        BinaryOperator::LessEqualThan => Instruction::LtEq { dst, lhs, rhs },
        BinaryOperator::GreaterThan => Instruction::Gt { dst, lhs, rhs },
        BinaryOperator::GreaterEqualThan => Instruction::GtEq { dst, lhs, rhs },
        BinaryOperator::In => Instruction::In { dst, lhs, rhs },
        BinaryOperator::Instanceof => Instruction::InstanceOf { dst, lhs, rhs },
    }
}

/// The value of a numeric literal that is an int32 (and not -0).
fn small_int_literal(e: &Expression) -> Option<i32> {
    let Expression::NumericLiteral(n) = e.without_parentheses() else {
        return None;
    };
    let value = n.value;
    (value.fract() == 0.0
        && value.abs() <= f64::from(i32::MAX)
        && !(value == 0.0 && value.is_sign_negative()))
    .then_some(value as i32)
}

/// The immediate-operand form of a binary operator, for those that have one.
fn binary_int_instruction(
    operator: BinaryOperator,
    dst: Reg,
    lhs: Reg,
    value: i32,
) -> Option<Instruction> {
    Some(match operator {
        BinaryOperator::Addition => Instruction::AddInt { dst, lhs, value },
        BinaryOperator::Subtraction => Instruction::SubInt { dst, lhs, value },
        BinaryOperator::Multiplication => Instruction::MulInt { dst, lhs, value },
        BinaryOperator::Remainder => Instruction::RemInt { dst, lhs, value },
        BinaryOperator::ShiftLeft => Instruction::ShlInt { dst, lhs, value },
        BinaryOperator::ShiftRight => Instruction::ShrInt { dst, lhs, value },
        BinaryOperator::ShiftRightZeroFill => Instruction::UShrInt { dst, lhs, value },
        BinaryOperator::BitwiseOR => Instruction::BitOrInt { dst, lhs, value },
        BinaryOperator::BitwiseXOR => Instruction::BitXorInt { dst, lhs, value },
        BinaryOperator::BitwiseAnd => Instruction::BitAndInt { dst, lhs, value },
        BinaryOperator::LessThan => Instruction::LtInt { dst, lhs, value },
        BinaryOperator::LessEqualThan => Instruction::LtEqInt { dst, lhs, value },
        BinaryOperator::GreaterThan => Instruction::GtInt { dst, lhs, value },
        BinaryOperator::GreaterEqualThan => Instruction::GtEqInt { dst, lhs, value },
        _ => return None,
    })
}

/// True if compiling `e` into a register writes that register only at the
/// very end (so `x = e` can target a local's own register even when `e`
/// reads `x`).
pub(crate) fn writes_destination_last(e: &Expression) -> bool {
    matches!(
        e,
        Expression::BooleanLiteral(_)
            | Expression::NullLiteral(_)
            | Expression::NumericLiteral(_)
            | Expression::StringLiteral(_)
            | Expression::Identifier(_)
            | Expression::ThisExpression(_)
            | Expression::BinaryExpression(_)
            | Expression::UnaryExpression(_)
            | Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::CallExpression(_)
    )
}

/// True if evaluating `e` could run code or assign (so an operand read earlier
/// must be copied first).
pub(crate) fn has_effects(e: &Expression) -> bool {
    match e.without_parentheses() {
        Expression::BooleanLiteral(_)
        | Expression::NullLiteral(_)
        | Expression::NumericLiteral(_)
        | Expression::StringLiteral(_)
        | Expression::BigIntLiteral(_)
        | Expression::Identifier(_)
        | Expression::ThisExpression(_) => false,
        Expression::BinaryExpression(b) => has_effects(&b.left) || has_effects(&b.right),
        Expression::UnaryExpression(u) => {
            u.operator != UnaryOperator::Delete && has_effects(&u.argument)
        }
        _ => true,
    }
}
