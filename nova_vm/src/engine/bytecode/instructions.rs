//! The instruction set of nova's register machine.
//!
//! Each frame has a window of registers in the agent's register file; `Reg`
//! numbers them from the frame's base. Parameters occupy the first registers.
//! Operands are registers unless named otherwise: `index`/`constant` address
//! the code record's constant table, `cache` its property caches (which also
//! hold the property key), `function` its nested function table.

/// A register number within the current frame.
pub type Reg = u16;

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Instruction {
    // ----- loads and moves -----
    LoadUndefined {
        dst: Reg,
    },
    LoadNull {
        dst: Reg,
    },
    LoadBool {
        dst: Reg,
        value: bool,
    },
    LoadInt {
        dst: Reg,
        value: i32,
    },
    LoadConst {
        dst: Reg,
        constant: u32,
    },
    LoadUninitialized {
        dst: Reg,
    },
    Move {
        dst: Reg,
        src: Reg,
    },
    /// Throws a ReferenceError naming `constant` if `reg` is uninitialized.
    CheckInitialized {
        reg: Reg,
        constant: u32,
    },
    LoadThis {
        dst: Reg,
    },
    LoadNewTarget {
        dst: Reg,
    },
    LoadCallee {
        dst: Reg,
    },
    /// Throws a ReferenceError if `reg` (a derived constructor's `this`) is uninitialized.
    CheckThisInitialized {
        reg: Reg,
        constant: u32,
    },
    /// Binds a derived constructor's `this` held in register `this`:
    /// ReferenceError if already bound.
    BindThisRegister {
        this: Reg,
        src: Reg,
    },
    /// As `BindThisRegister` for a `this` captured in an environment slot.
    BindThisEnv {
        src: Reg,
        hops: u16,
        slot: u32,
    },
    /// Return from a derived constructor: `src` if it is an object, else the
    /// bound `this` (ReferenceError if unbound; TypeError if `src` is not undefined).
    ReturnDerived {
        src: Reg,
        this: Reg,
    },

    // ----- environments -----
    /// Pushes a declarative environment for scope `scope` of this code.
    PushEnv {
        scope: u32,
    },
    PopEnv,
    /// Replaces the current environment with a copy (per-iteration bindings).
    CopyEnv,
    /// Pushes an object environment for `with`.
    PushWithEnv {
        object: Reg,
    },
    LoadEnv {
        dst: Reg,
        hops: u16,
        slot: u32,
    },
    /// As `LoadEnv`, throwing a ReferenceError if the binding is uninitialized.
    LoadEnvChecked {
        dst: Reg,
        hops: u16,
        slot: u32,
    },
    StoreEnv {
        src: Reg,
        hops: u16,
        slot: u32,
    },
    /// Reads indirect import binding `index` of the module whose environment
    /// is `hops` up (ReferenceError while the exported binding is uninitialized).
    LoadImport {
        dst: Reg,
        hops: u16,
        index: u32,
    },
    /// `import.meta` of the module whose environment is `hops` up.
    ImportMeta {
        dst: Reg,
        hops: u16,
    },
    /// `import(specifier, options)` (or `import.source(specifier)` when
    /// `source_phase`): EvaluateImportCall, a promise in `dst`.
    ImportCall {
        dst: Reg,
        specifier: Reg,
        options: Reg,
        source_phase: bool,
    },

    // ----- names resolved at run time -----
    GetGlobal {
        dst: Reg,
        cache: u32,
    },
    /// `typeof name`: undefined instead of a ReferenceError.
    GetGlobalOrUndefined {
        dst: Reg,
        cache: u32,
    },
    SetGlobal {
        src: Reg,
        cache: u32,
    },
    /// CreateGlobalFunctionBinding during script instantiation.
    DeclareGlobalFunction {
        src: Reg,
        cache: u32,
    },
    /// Initialises a global lexical binding (`let`/`const`/`class` at top level).
    InitGlobalLexical {
        src: Reg,
        cache: u32,
    },
    /// Looks a name up through the environment chain (code under `with`/`eval`).
    GetName {
        dst: Reg,
        constant: u32,
    },
    GetNameOrUndefined {
        dst: Reg,
        constant: u32,
    },
    /// As `GetName`, also writing the `this` value for a call to `dst + 1`.
    GetNameForCall {
        dst: Reg,
        constant: u32,
    },
    SetName {
        src: Reg,
        constant: u32,
    },
    /// As `GetName`, also writing the resolved binding to `reference` for a
    /// later `SetNameByReference` (compound assignment and update).
    GetNameWithReference {
        dst: Reg,
        reference: Reg,
        constant: u32,
    },
    /// PutValue on the binding in `reference` (from `GetNameWithReference`).
    SetNameByReference {
        src: Reg,
        reference: Reg,
        constant: u32,
    },
    /// Initialises a binding found by name in the nearest environment.
    InitName {
        src: Reg,
        constant: u32,
    },
    DeleteName {
        dst: Reg,
        constant: u32,
    },

    // ----- operators -----
    Add {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Add` with a small-integer literal right operand.
    AddInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Sub {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Sub` with a small-integer literal right operand.
    SubInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Mul {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Mul` with a small-integer literal right operand.
    MulInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Div {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    Rem {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Rem` with a small-integer literal right operand.
    RemInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Exp {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    BitAnd {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `BitAnd` with a small-integer literal right operand.
    BitAndInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    BitOr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `BitOr` with a small-integer literal right operand.
    BitOrInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    BitXor {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `BitXor` with a small-integer literal right operand.
    BitXorInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Shl {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Shl` with a small-integer literal right operand.
    ShlInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Shr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Shr` with a small-integer literal right operand.
    ShrInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    UShr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `UShr` with a small-integer literal right operand.
    UShrInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Eq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    NotEq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    StrictEq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    StrictNotEq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    Lt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Lt` with a small-integer literal right operand.
    LtInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    Gt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Gt` with a small-integer literal right operand.
    GtInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    LtEq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `LtEq` with a small-integer literal right operand.
    LtEqInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    GtEq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `GtEq` with a small-integer literal right operand.
    GtEqInt {
        dst: Reg,
        lhs: Reg,
        value: i32,
    },
    InstanceOf {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    In {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `#x in obj`: `lhs` holds the private name.
    PrivateIn {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    Neg {
        dst: Reg,
        src: Reg,
    },
    BitNot {
        dst: Reg,
        src: Reg,
    },
    Not {
        dst: Reg,
        src: Reg,
    },
    TypeOf {
        dst: Reg,
        src: Reg,
    },
    ToNumber {
        dst: Reg,
        src: Reg,
    },
    ToNumeric {
        dst: Reg,
        src: Reg,
    },
    ToString {
        dst: Reg,
        src: Reg,
    },
    ToPropertyKey {
        dst: Reg,
        src: Reg,
    },
    ToObject {
        dst: Reg,
        src: Reg,
    },
    Inc {
        dst: Reg,
        src: Reg,
    },
    Dec {
        dst: Reg,
        src: Reg,
    },

    // ----- control flow -----
    Jump {
        target: u32,
    },
    JumpIfTrue {
        cond: Reg,
        target: u32,
    },
    JumpIfFalse {
        cond: Reg,
        target: u32,
    },
    /// Jumps unless `lhs Lt rhs` (a fused comparison and `JumpIfFalse`).
    JumpIfNotLt {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps unless `lhs Lt value` for a small-integer literal.
    JumpIfNotLtInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps unless `lhs Gt rhs` (a fused comparison and `JumpIfFalse`).
    JumpIfNotGt {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps unless `lhs Gt value` for a small-integer literal.
    JumpIfNotGtInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps unless `lhs LtEq rhs` (a fused comparison and `JumpIfFalse`).
    JumpIfNotLtEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps unless `lhs LtEq value` for a small-integer literal.
    JumpIfNotLtEqInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps unless `lhs GtEq rhs` (a fused comparison and `JumpIfFalse`).
    JumpIfNotGtEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps unless `lhs GtEq value` for a small-integer literal.
    JumpIfNotGtEqInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps if `lhs Lt rhs` (a fused comparison and `JumpIfTrue`).
    JumpIfLt {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps if `lhs Lt value` for a small-integer literal.
    JumpIfLtInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps if `lhs Gt rhs` (a fused comparison and `JumpIfTrue`).
    JumpIfGt {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps if `lhs Gt value` for a small-integer literal.
    JumpIfGtInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps if `lhs LtEq rhs` (a fused comparison and `JumpIfTrue`).
    JumpIfLtEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps if `lhs LtEq value` for a small-integer literal.
    JumpIfLtEqInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps if `lhs GtEq rhs` (a fused comparison and `JumpIfTrue`).
    JumpIfGtEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps if `lhs GtEq value` for a small-integer literal.
    JumpIfGtEqInt {
        lhs: Reg,
        value: i32,
        target: u32,
    },
    /// Jumps unless `lhs === rhs`.
    JumpIfNotStrictEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    /// Jumps if `lhs === rhs` (a fused `!==` and `JumpIfFalse`).
    JumpIfStrictEq {
        lhs: Reg,
        rhs: Reg,
        target: u32,
    },
    JumpIfNullish {
        src: Reg,
        target: u32,
    },
    JumpIfNotNullish {
        src: Reg,
        target: u32,
    },
    JumpIfUndefined {
        src: Reg,
        target: u32,
    },
    JumpIfNotUndefined {
        src: Reg,
        target: u32,
    },
    Return {
        src: Reg,
    },
    Throw {
        src: Reg,
    },
    /// Assignment to a `const` binding: TypeError in strict code (always for
    /// `const`), ignored otherwise (a named function expression's own name).
    ThrowConstAssignment {
        constant: u32,
        strict: bool,
    },
    /// Throws a new error of kind `kind` (an `ExceptionType` number) with the
    /// message in `constant`.
    ThrowError {
        kind: u8,
        constant: u32,
    },

    // ----- objects and properties -----
    NewObject {
        dst: Reg,
    },
    NewArray {
        dst: Reg,
    },
    /// Appends `src` to the array literal in `array` (length grows by one).
    ArrayPush {
        array: Reg,
        src: Reg,
    },
    /// Appends a hole to an array literal.
    ArrayPushHole {
        array: Reg,
    },
    /// Appends every value of iterable `src` to the array literal.
    ArraySpread {
        array: Reg,
        src: Reg,
    },
    GetNamed {
        dst: Reg,
        object: Reg,
        cache: u32,
    },
    SetNamed {
        object: Reg,
        src: Reg,
        cache: u32,
    },
    GetIndexed {
        dst: Reg,
        object: Reg,
        key: Reg,
    },
    SetIndexed {
        object: Reg,
        key: Reg,
        src: Reg,
    },
    /// CreateDataPropertyOrThrow with a constant key (object literals, fields).
    DefineNamed {
        object: Reg,
        src: Reg,
        cache: u32,
    },
    /// CreateDataPropertyOrThrow with a computed key.
    DefineIndexed {
        object: Reg,
        key: Reg,
        src: Reg,
    },
    /// Defines a getter (`setter` false) or setter from `function`.
    DefineAccessor {
        object: Reg,
        key: Reg,
        function: Reg,
        setter: bool,
        enumerable: bool,
    },
    /// Defines a method (non-enumerable when `enumerable` is false).
    DefineMethod {
        object: Reg,
        key: Reg,
        function: Reg,
        enumerable: bool,
    },
    DeleteNamed {
        dst: Reg,
        object: Reg,
        cache: u32,
    },
    DeleteIndexed {
        dst: Reg,
        object: Reg,
        key: Reg,
    },
    /// Object spread / rest: copies own enumerable properties of `src` into
    /// `target`, skipping the keys in the array `excluded` (if not undefined).
    CopyDataProperties {
        target: Reg,
        src: Reg,
        excluded: Reg,
    },
    /// `__proto__: value` in an object literal.
    SetPrototypeLiteral {
        object: Reg,
        src: Reg,
    },
    GetSuper {
        dst: Reg,
        key: Reg,
    },
    SetSuper {
        key: Reg,
        src: Reg,
    },
    GetPrivate {
        dst: Reg,
        object: Reg,
        name: Reg,
    },
    SetPrivate {
        object: Reg,
        name: Reg,
        src: Reg,
    },
    /// Adds private field `name` to `object` (TypeError if present).
    DefinePrivate {
        object: Reg,
        name: Reg,
        src: Reg,
    },
    /// Creates a private name whose description is `constant`.
    NewPrivateName {
        dst: Reg,
        constant: u32,
    },
    /// Adds a private method or accessor to `object`: `kind` 0 method, 1 getter, 2 setter.
    DefinePrivateMethod {
        object: Reg,
        name: Reg,
        function: Reg,
        kind: u8,
    },

    // ----- functions and classes -----
    CreateClosure {
        dst: Reg,
        function: u32,
    },
    /// Makes `function` a method with home object `home`.
    SetHomeObject {
        function: Reg,
        home: Reg,
    },
    /// Class definition: `dst` receives the constructor, `dst + 1` the prototype.
    /// `constructor` holds the constructor closure, `heritage` the superclass
    /// (or the uninitialized marker when there is no `extends`).
    CreateClass {
        dst: Reg,
        constructor: Reg,
        heritage: Reg,
    },
    /// Appends an instance field (`key`, `initializer` or undefined) to class `class`.
    ClassFieldDefine {
        class: Reg,
        key: Reg,
        initializer: Reg,
    },
    /// Appends an instance private method (`kind` 0) or accessor (1 get, 2 set).
    ClassPrivateMethod {
        class: Reg,
        name: Reg,
        function: Reg,
        kind: u8,
    },
    /// `super(...arguments)` of a default derived constructor (no iteration).
    SuperCallForward {
        dst: Reg,
    },
    SetFunctionName {
        function: Reg,
        name: Reg,
        prefix: u8,
    },
    /// Calls `callee` with this = `callee + 1` and `argc` arguments from `callee + 2`.
    /// `Call` with an undefined `this` (the register after `callee` is not read).
    CallUndefinedThis {
        dst: Reg,
        callee: Reg,
        argc: u16,
    },
    Call {
        dst: Reg,
        callee: Reg,
        argc: u16,
    },
    /// As `Call`, arguments from the array in `callee + 2`.
    CallSpread {
        dst: Reg,
        callee: Reg,
    },
    /// Direct `eval` call: as `Call`, evaluating in the current environment.
    CallEval {
        dst: Reg,
        callee: Reg,
        argc: u16,
        /// In a parameter list: the scope naming the parameter environment's
        /// bindings (`u16::MAX` elsewhere).
        parameter_scope: u16,
    },
    /// `new callee(...)`: arguments from `callee + 2`.
    Construct {
        dst: Reg,
        callee: Reg,
        argc: u16,
    },
    ConstructSpread {
        dst: Reg,
        callee: Reg,
    },
    /// `super(...)`: arguments from `args`, binds `this`.
    SuperCall {
        dst: Reg,
        args: Reg,
        argc: u16,
    },
    SuperCallSpread {
        dst: Reg,
        args: Reg,
    },
    CreateArguments {
        dst: Reg,
        mapped: bool,
    },
    CreateRestParameter {
        dst: Reg,
        start: u16,
    },
    /// Creates a RegExp object from constant pattern and flags strings.
    NewRegExp {
        dst: Reg,
        pattern: u32,
        flags: u32,
    },

    // ----- iteration -----
    /// GetIterator(src, sync): `dst` receives the iterator, `dst + 1` its `next`.
    GetIterator {
        dst: Reg,
        src: Reg,
    },
    /// Calls `iterator.next()`: `dst` receives the value; jumps to `done` when finished.
    IteratorStep {
        dst: Reg,
        iterator: Reg,
        done: u32,
    },
    /// IteratorClose on normal completion (errors from `return` propagate).
    IteratorClose {
        iterator: Reg,
    },
    /// IteratorClose on a throw completion: ignores errors from `return`.
    IteratorCloseQuiet {
        iterator: Reg,
    },
    /// Prepares for-in enumeration of `src` into iterator `dst`.
    ForInStart {
        dst: Reg,
        src: Reg,
    },
    /// Next for-in key into `dst`, or jump to `done`.
    ForInNext {
        dst: Reg,
        iterator: Reg,
        done: u32,
    },

    // ----- generators -----
    /// Creates the generator object and suspends (start of a generator body).
    GeneratorStart,
    /// Yields `src`; on resumption `dst` receives the sent value and `dst + 1`
    /// the resumption kind (0 next, 1 throw, 2 return).
    Yield {
        dst: Reg,
        src: Reg,
    },
    /// `yield*` delegation step; see the generator compiler.
    YieldDelegate {
        dst: Reg,
        iterator: Reg,
    },
    /// Awaits `src` in an async function; on resumption `dst` receives the
    /// value and `dst + 1` the kind (0 normal, 1 throw).
    Await {
        dst: Reg,
        src: Reg,
    },
    /// AsyncGeneratorYield of the (awaited) `src`: suspends unless a request
    /// is waiting; on resumption `dst` receives the value and `dst + 1` the
    /// kind (0 next, 1 throw, 2 return).
    AsyncGeneratorYield {
        dst: Reg,
        src: Reg,
    },
    /// One step of `yield*` in an async generator: by the kind in
    /// `received + 1`, calls `next`, `throw` or `return` of `iterator` with
    /// `received`; `dst` receives the result (to await) and `dst + 1` the code
    /// 0, or only the code 3 (no `throw` method) or 4 (no `return` method).
    AsyncYieldStarStep {
        dst: Reg,
        received: Reg,
        iterator: Reg,
    },
    /// Unpacks the iterator result `src`: a TypeError if it is not an object;
    /// `dst + 1` receives IteratorComplete, then `dst` IteratorValue.
    IteratorResultUnpack {
        dst: Reg,
        src: Reg,
    },
    /// GetIterator(src, async): `dst` receives the iterator, `dst + 1` its `next`.
    GetAsyncIterator {
        dst: Reg,
        src: Reg,
    },
    /// `dst` = Call(`iterator + 1`, `iterator`) (an async iterator's `next`,
    /// whose result is awaited before it is inspected).
    AsyncIteratorNext {
        dst: Reg,
        iterator: Reg,
    },
    /// Inspects the iterator result `src`: a TypeError if it is not an
    /// object, a jump to `done` if it is done, else `dst` receives its value.
    IteratorResultValue {
        dst: Reg,
        src: Reg,
        done: u32,
    },
    /// The first half of AsyncIteratorClose: GetMethod(iterator, "return");
    /// jumps to `skip` if it is undefined, else `dst` = Call(return, iterator)
    /// (awaited next).
    AsyncIteratorReturn {
        dst: Reg,
        iterator: Reg,
        skip: u32,
    },
    /// A TypeError if `src` is not an object (the awaited `return` result).
    CheckIteratorResult {
        src: Reg,
    },

    Debugger,
    Nop,
}

const _: () = assert!(std::mem::size_of::<Instruction>() <= 12);
